package org.frametag.rules.batch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 */
public final class BatchRunner {

    /**
     * Text held by documents in the window, beyond which the reader waits for the workers. A
     * classified document, with its tokens and tags, weighs some 30 times its text, so this
     * bounds the heap to about 120 MB whatever the number of jobs.
     */
    private static final long MAX_CHARS_IN_FLIGHT = 4L * 1024 * 1024;
    /** Largest number of documents handed to a worker at once. */
    private static final int MAX_CHUNK = 64;
    /** Text in one chunk beyond which it is handed over whatever its count. */
    private static final long MAX_CHUNK_CHARS = 256L * 1024;

    private final Function<Document, ClassifiedDocument> classifier;
    private final int jobs;

    /**
     * @param classifier tags one document; it must be safe to call from several threads
     * @param jobs       worker threads; with 1, documents are classified on the thread that reads the outcomes
     */
    public BatchRunner(Function<Document, ClassifiedDocument> classifier, int jobs) {
        this.classifier = classifier;
        this.jobs = Math.max(1, jobs);
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
        if (jobs == 1) {
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
        ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> daemon(r, "frametag-worker"));
        OrderedWindow window = new OrderedWindow(jobs * 3, MAX_CHARS_IN_FLIGHT);
        daemon(() -> readAhead(inputs, read, pool, window), "frametag-reader").start();
        return stream(new WindowIterator(window)).onClose(() -> {
            window.abort();
            pool.shutdownNow();
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
    private void readAhead(Stream<ReadResult> inputs, Iterator<ReadResult> read, ExecutorService pool, OrderedWindow window) {
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
                List<ReadResult> chunk = List.copyOf(pending);
                Future<List<Outcome>> outcomes = pool.submit(() -> chunk.stream().map(this::toOutcome).toList());
                if (window.add(new OrderedWindow.Chunk(outcomes, pendingChars))) {
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
        } finally {
            pool.shutdown();
        }
    }

    /** The outcomes of the window's chunks, oldest first; a failure of the reader or a worker is rethrown here. */
    private static final class WindowIterator implements Iterator<Outcome> {
        private final OrderedWindow window;
        private Iterator<Outcome> chunk = Collections.emptyIterator();

        WindowIterator(OrderedWindow window) {
            this.window = window;
        }

        @Override
        public boolean hasNext() {
            try {
                while (!chunk.hasNext()) {
                    OrderedWindow.Chunk next = window.take();
                    if (next == null) {
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
        try {
            return new Outcome.Classified(classifier.apply(document));
        } catch (RuleFailure e) {
            return failed(document, "rule failure: " + e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            return failed(document, "internal error: " + e);
        }
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
