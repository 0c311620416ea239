package org.frametag.cli.batch;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.frametag.core.io.InputProblem;
import org.frametag.core.io.ReadResult;
import org.frametag.core.text.Document;
import org.frametag.rules.engine.Classifier;
import org.frametag.rules.engine.RuleFailure;

/**
 * Classifies a stream of documents with a pool of workers and hands the outcomes on in input
 * order. At most a small window of documents is in flight, so memory stays bounded whatever
 * the corpus size, and the output is the same for any number of workers. Documents go to the
 * workers in chunks that grow while the workers lag behind the reader, so a slow stream is
 * still answered document by document and a fast one does not pay a hand-over per document.
 */
public final class BatchRunner {

    /** Receives outcomes in input order. */
    @FunctionalInterface
    public interface Sink {
        void accept(Outcome outcome) throws Exception;
    }

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

    private final Function<Document, Outcome> work;
    private final int jobs;

    public BatchRunner(Classifier classifier, int jobs) {
        this.work = document -> classify(classifier, document);
        this.jobs = Math.max(1, jobs);
    }

    private static Outcome classify(Classifier classifier, Document document) {
        try {
            return new Outcome.Classified(classifier.classify(document));
        } catch (RuleFailure e) {
            return failed(document, "rule failure: " + e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            return failed(document, "internal error: " + e);
        }
    }

    private static Outcome failed(Document document, String reason) {
        return new Outcome.Failed(new InputProblem(document.id(), document.origin().path(), document.origin().line(), reason));
    }

    /**
     * Runs every input through the rules, skipping documents {@code skip} accepts (asked in
     * input order, on the calling thread), and passes each outcome to {@code sink} in input
     * order. With more than one job, the calling thread only reads and a writer thread calls
     * {@code sink}, so each outcome is passed on as soon as it and those before it are done.
     */
    public void run(Stream<ReadResult> inputs, Predicate<Document> skip, Sink sink) throws Exception {
        Iterator<ReadResult> it = new SkippingIterator(inputs.iterator(), skip);
        if (jobs == 1) {
            while (it.hasNext()) {
                sink.accept(toOutcome(it.next()));
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "frametag-worker");
            t.setDaemon(true);
            return t;
        });
        OrderedWindow window = new OrderedWindow(jobs * 3, MAX_CHARS_IN_FLIGHT);
        Thread writer = new Thread(() -> write(window, sink), "frametag-writer");
        writer.start();
        try {
            int chunkSize = 1;
            List<ReadResult> pending = new ArrayList<>();
            long pendingChars = 0;
            while (it.hasNext()) {
                ReadResult next = it.next();
                pending.add(next);
                pendingChars += size(next);
                if (pending.size() < chunkSize && pendingChars < MAX_CHUNK_CHARS && it.hasNext()) {
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
        } finally {
            window.close();
            writer.join();
            pool.shutdownNow();
        }
        if (window.failure() != null) {
            throw window.failure();
        }
    }

    private static void write(OrderedWindow window, Sink sink) {
        try {
            for (OrderedWindow.Chunk chunk = window.take(); chunk != null; chunk = window.take()) {
                for (Outcome outcome : chunk.outcomes().get()) {
                    sink.accept(outcome);
                }
            }
        } catch (ExecutionException e) {
            window.fail(e.getCause() instanceof Exception cause ? cause : e);
        } catch (Exception e) {
            window.fail(e);
        }
    }

    private static long size(ReadResult result) {
        return result instanceof ReadResult.Loaded loaded ? loaded.document().text().length() : 0;
    }

    private Outcome toOutcome(ReadResult result) {
        if (result instanceof ReadResult.Failed failed) {
            return new Outcome.Failed(failed.problem());
        }
        return work.apply(((ReadResult.Loaded) result).document());
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
                throw new java.util.NoSuchElementException();
            }
            ReadResult result = next;
            next = null;
            return result;
        }
    }
}
