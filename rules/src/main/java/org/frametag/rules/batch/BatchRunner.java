package org.frametag.rules.batch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.frametag.api.ClassifiedDocument;
import org.frametag.api.Outcome;
import org.frametag.api.RuleFailure;
import org.frametag.core.io.InputProblem;
import org.frametag.core.io.ReadResult;
import org.frametag.core.text.Document;

/**
 * Classifies a stream of documents with a pool of workers and hands the outcomes on in input
 * order. At most a small window of documents is in flight, so memory stays bounded whatever
 * the corpus size, and the output is the same for any number of workers. Documents go to the
 * workers in chunks that grow while the workers lag behind the reader, so a slow stream is
 * still answered document by document and a fast one does not pay a hand-over per document.
 *
 * <p>Two guards keep one document from sinking the run. A document too large for the heap is
 * reported before it is classified (and one that runs out of memory all the same is reported,
 * not fatal). With a time limit, a watchdog reports a document that takes longer, naming the rule
 * that was firing, and hands the rest of its chunk to a fresh worker: Java cannot stop a thread
 * caught in a rule that never returns, so that thread is left behind and the pool grows by one.
 */
public final class BatchRunner {

    /**
     * Text held by documents in the window, beyond which the reader waits for the workers. A
     * classified document, with its tokens and tags, weighs some 30 times its text, so this
     * bounds the heap to about 120 MB whatever the number of jobs.
     */
    private static final long MAX_CHARS_IN_FLIGHT = 4L * 1024 * 1024;
    /**
     * Largest number of documents handed to a worker at once. A chunk's classified documents live
     * until the whole chunk is written, and they are most of what a young collection copies: 64 of
     * them left some 7 MB to copy at each collection of a one-job run, 16 some 4.5 MB.
     */
    private static final int MAX_CHUNK = 16;
    /** Text in one chunk beyond which it is handed over whatever its count. */
    private static final long MAX_CHUNK_CHARS = 64L * 1024;

    /**
     * Heap a document takes while it is classified, per character of its text: the bundled pack
     * held 213 MB after collection on a news document of 1,000,000 characters.
     */
    static final long HEAP_BYTES_PER_CHAR = 200;

    private final Function<Document, ClassifiedDocument> classifier;
    private final Function<Thread, String> firing;
    private final int jobs;
    private final Duration timeout;
    private final long maxChars;

    /**
     * Without a time limit.
     *
     * @param classifier tags one document; it must be safe to call from several threads
     * @param jobs       worker threads; with 1, documents are classified on the thread that reads the outcomes
     */
    public BatchRunner(Function<Document, ClassifiedDocument> classifier, int jobs) {
        this(classifier, thread -> null, jobs, null);
    }

    /**
     * @param firing  the rule a worker thread fires now, or null, to name it when a document takes too long
     * @param timeout the time one document may take, or null for no limit; with a limit, documents are
     *                always classified on worker threads
     */
    public BatchRunner(Function<Document, ClassifiedDocument> classifier, Function<Thread, String> firing, int jobs,
                       Duration timeout) {
        this.classifier = classifier;
        this.firing = firing;
        this.jobs = Math.max(1, jobs);
        this.timeout = timeout;
        this.maxChars = (long) (Runtime.getRuntime().maxMemory() * 0.8) / HEAP_BYTES_PER_CHAR;
    }

    /**
     * The outcome of every input, in input order, skipping documents {@code skip} accepts (asked
     * in input order, on one thread). Lazy: with more than one job a reader thread reads ahead
     * of the workers by at most the window, and each outcome is available as soon as it and
     * those before it are done. A document a rule fails on is a {@link Outcome.Failed}, not an
     * exception. Close the stream to stop early; it closes {@code inputs}.
     */
    public Stream<Outcome> classify(Stream<ReadResult> inputs, Predicate<Document> skip) {
        Iterator<ReadResult> read = new SkippingIterator(inputs.iterator(), skip);
        if (jobs == 1 && timeout == null) {
            Iterator<Outcome> outcomes = new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return read.hasNext();
                }

                @Override
                public Outcome next() {
                    return toOutcome(read.next());
                }
            };
            return stream(outcomes).onClose(inputs::close);
        }
        ThreadPoolExecutor pool = new ThreadPoolExecutor(jobs, jobs, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                r -> daemon(r, "frametag-worker"));
        OrderedWindow window = new OrderedWindow(jobs * 3, MAX_CHARS_IN_FLIGHT);
        Watchdog watchdog = timeout == null ? null : new Watchdog(pool);
        daemon(() -> readAhead(inputs, read, pool, window, watchdog), "frametag-reader").start();
        Runnable stop = () -> {
            pool.shutdownNow();
            if (watchdog != null) {
                watchdog.stop();
            }
        };
        return stream(new WindowIterator(window, stop)).onClose(() -> {
            window.abort();
            stop.run();
        });
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    private static <T> Stream<T> stream(Iterator<T> iterator) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED), false);
    }

    /** The reader thread: hands the inputs to the workers chunk by chunk, then closes them. */
    private void readAhead(Stream<ReadResult> inputs, Iterator<ReadResult> read, ExecutorService pool, OrderedWindow window,
                           Watchdog watchdog) {
        try (inputs) {
            int chunkSize = 1;
            List<ReadResult> pending = new ArrayList<>();
            long pendingChars = 0;
            while (read.hasNext()) {
                ReadResult next = read.next();
                pending.add(next);
                pendingChars += size(next);
                if (pending.size() < chunkSize && pendingChars < MAX_CHUNK_CHARS && read.hasNext()) {
                    continue;
                }
                ChunkJob job = new ChunkJob(List.copyOf(pending), watchdog);
                pool.execute(job);
                if (window.add(new OrderedWindow.Chunk(job.result, pendingChars))) {
                    chunkSize = Math.min(MAX_CHUNK, chunkSize * 2);
                }
                pending.clear();
                pendingChars = 0;
            }
            window.close();
        } catch (CancellationException stopped) {
            // the consumer closed the stream
        } catch (RuntimeException | Error e) {
            window.fail(e);
        }
    }

    /**
     * Classifies a chunk's documents in order, from {@code from}, into outcomes it may share with
     * the job that took over from it; completes {@code result} with all of them.
     */
    private final class ChunkJob implements Runnable {
        private final List<ReadResult> documents;
        private final Outcome[] outcomes;
        private final CompletableFuture<List<Outcome>> result;
        private final int from;
        private final Watchdog watchdog;
        private Thread thread;
        private int current = -1;
        private long startedNanos;
        private boolean abandoned;

        ChunkJob(List<ReadResult> documents, Watchdog watchdog) {
            this(documents, new Outcome[documents.size()], new CompletableFuture<>(), 0, watchdog);
        }

        private ChunkJob(List<ReadResult> documents, Outcome[] outcomes, CompletableFuture<List<Outcome>> result, int from,
                         Watchdog watchdog) {
            this.documents = documents;
            this.outcomes = outcomes;
            this.result = result;
            this.from = from;
            this.watchdog = watchdog;
        }

        @Override
        public void run() {
            if (watchdog != null) {
                watchdog.jobs.add(this);
            }
            try {
                for (int i = from; i < documents.size(); i++) {
                    synchronized (this) {
                        if (abandoned) {
                            return;
                        }
                        thread = Thread.currentThread();
                        current = i;
                        startedNanos = System.nanoTime();
                    }
                    Outcome outcome = toOutcome(documents.get(i));
                    synchronized (this) {
                        if (abandoned) {
                            return;
                        }
                        outcomes[i] = outcome;
                        current = -1;
                    }
                }
                result.complete(List.of(outcomes));
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            } finally {
                if (watchdog != null) {
                    watchdog.jobs.remove(this);
                }
            }
        }

        /** The job that goes on after the document in hand, which has taken too long; null when it has not. */
        synchronized ChunkJob takeOverIfLate(long now, long limitNanos) {
            if (abandoned || current < 0 || now - startedNanos < limitNanos) {
                return null;
            }
            abandoned = true;
            Document document = ((ReadResult.Loaded) documents.get(current)).document();
            String rule = firing.apply(thread);
            String limit = timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
            outcomes[current] = failed(document, "took longer than " + limit + " to classify (--doc-timeout); "
                    + (rule == null ? "no rule had fired yet" : "rule \"" + rule + "\" was firing") + "; its thread is left running");
            return new ChunkJob(documents, outcomes, result, current + 1, watchdog);
        }
    }

    /**
     * Looks at the running jobs a few times a second; a job whose document has run past the time
     * limit is taken over by a new job on an added worker.
     */
    private final class Watchdog {
        private final Set<ChunkJob> jobs = ConcurrentHashMap.newKeySet();
        private final ThreadPoolExecutor pool;
        private final Thread thread;
        private volatile boolean stopped;

        Watchdog(ThreadPoolExecutor pool) {
            this.pool = pool;
            this.thread = daemon(this::watch, "frametag-watchdog");
            thread.start();
        }

        private void watch() {
            long limit = timeout.toNanos();
            long pause = Math.max(10, Math.min(1000, timeout.toMillis() / 4));
            while (!stopped) {
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException e) {
                    return;
                }
                long now = System.nanoTime();
                for (ChunkJob job : jobs) {
                    ChunkJob next = job.takeOverIfLate(now, limit);
                    if (next != null) {
                        jobs.remove(job);
                        grow();
                        try {
                            pool.execute(next);
                        } catch (RejectedExecutionException closed) {
                            return;
                        }
                    }
                }
            }
        }

        /** One more worker, in place of the one left behind. */
        private void grow() {
            pool.setMaximumPoolSize(pool.getMaximumPoolSize() + 1);
            pool.setCorePoolSize(pool.getCorePoolSize() + 1);
        }

        void stop() {
            stopped = true;
            thread.interrupt();
        }
    }

    /** The outcomes of the window's chunks, oldest first; a failure of the reader or a worker is rethrown here. */
    private static final class WindowIterator implements Iterator<Outcome> {
        private final OrderedWindow window;
        private final Runnable finished;
        private Iterator<Outcome> chunk = Collections.emptyIterator();

        WindowIterator(OrderedWindow window, Runnable finished) {
            this.window = window;
            this.finished = finished;
        }

        @Override
        public boolean hasNext() {
            try {
                while (!chunk.hasNext()) {
                    OrderedWindow.Chunk next = window.take();
                    if (next == null) {
                        finished.run();
                        return false;
                    }
                    chunk = next.outcomes().get().iterator();
                }
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while waiting for the workers");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }

        @Override
        public Outcome next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return chunk.next();
        }
    }

    private static long size(ReadResult result) {
        return result instanceof ReadResult.Loaded loaded ? loaded.document().text().length() : 0;
    }

    private Outcome toOutcome(ReadResult result) {
        if (result instanceof ReadResult.Failed failed) {
            return new Outcome.Failed(failed.problem());
        }
        Document document = ((ReadResult.Loaded) result).document();
        int chars = document.text().length();
        if (chars > maxChars) {
            return failed(document, tooLarge(chars) + "; it is not classified");
        }
        try {
            return new Outcome.Classified(classifier.apply(document));
        } catch (RuleFailure e) {
            return failed(document, "rule failure: " + e.getMessage());
        } catch (OutOfMemoryError e) {
            return failed(document, "ran out of memory classifying it: " + tooLarge(chars));
        } catch (RuntimeException | StackOverflowError e) {
            return failed(document, "internal error: " + e);
        }
    }

    /** Why a document is too large for this run's heap, and what to do about it. */
    private String tooLarge(long chars) {
        long heapMb = Runtime.getRuntime().maxMemory() >> 20;
        return "too large for memory: " + chars + " characters need about " + (chars * HEAP_BYTES_PER_CHAR >> 20)
                + " MB of heap to classify, and this run's heap of " + heapMb + " MB takes documents up to " + maxChars
                + " characters (split the document, or raise the heap: FRAMETAG_JAVA_OPTS=-Xmx4g)";
    }

    private static Outcome failed(Document document, String reason) {
        return new Outcome.Failed(new InputProblem(document.id(), document.origin().path(), document.origin().line(), reason));
    }

    /** Drops the documents {@code skip} accepts, keeping failures and the rest in order. */
    private static final class SkippingIterator implements Iterator<ReadResult> {
        private final Iterator<ReadResult> source;
        private final Predicate<Document> skip;
        private ReadResult next;

        SkippingIterator(Iterator<ReadResult> source, Predicate<Document> skip) {
            this.source = source;
            this.skip = skip;
        }

        @Override
        public boolean hasNext() {
            while (next == null && source.hasNext()) {
                ReadResult candidate = source.next();
                if (!(candidate instanceof ReadResult.Loaded loaded && skip.test(loaded.document()))) {
                    next = candidate;
                }
            }
            return next != null;
        }

        @Override
        public ReadResult next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ReadResult result = next;
            next = null;
            return result;
        }
    }
}
