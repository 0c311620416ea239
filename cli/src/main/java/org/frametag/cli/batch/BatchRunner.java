package org.frametag.cli.batch;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
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
 * the corpus size, and the output is the same for any number of workers.
 */
public final class BatchRunner {

    /** Receives outcomes in input order. */
    @FunctionalInterface
    public interface Sink {
        void accept(Outcome outcome) throws Exception;
    }

    /** Text held by documents waiting in the window, beyond which the reader waits for the workers. */
    private static final long MAX_CHARS_IN_FLIGHT = 16L * 1024 * 1024;

    private record InFlight(Future<Outcome> outcome, long chars) {
    }

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
     * input order, on the calling thread), and passes each outcome to {@code sink} in input order.
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
        try {
            Deque<InFlight> window = new ArrayDeque<>();
            int capacity = jobs * 4;
            long chars = 0;
            while (it.hasNext()) {
                ReadResult next = it.next();
                InFlight task = new InFlight(pool.submit(() -> toOutcome(next)), size(next));
                window.add(task);
                chars += task.chars();
                while (window.size() >= capacity || chars > MAX_CHARS_IN_FLIGHT && window.size() > 1) {
                    InFlight done = window.removeFirst();
                    chars -= done.chars();
                    emit(done.outcome(), sink);
                }
            }
            while (!window.isEmpty()) {
                emit(window.removeFirst().outcome(), sink);
            }
        } finally {
            pool.shutdownNow();
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

    private static void emit(Future<Outcome> future, Sink sink) throws Exception {
        try {
            sink.accept(future.get());
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
    }
}
