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
     * Runs every input through the rules, skipping documents {@code skip} accepts, and passes
     * each outcome to {@code sink} in input order.
     */
    public void run(Stream<ReadResult> inputs, Predicate<Document> skip, Sink sink) throws Exception {
        Iterator<ReadResult> it = inputs.iterator();
        if (jobs == 1) {
            while (it.hasNext()) {
                Outcome outcome = toOutcome(it.next(), skip);
                if (outcome != null) {
                    sink.accept(outcome);
                }
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "frametag-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            Deque<Future<Outcome>> window = new ArrayDeque<>();
            int capacity = jobs * 4;
            while (it.hasNext()) {
                ReadResult next = it.next();
                window.add(pool.submit(() -> toOutcome(next, skip)));
                if (window.size() >= capacity) {
                    emit(window.removeFirst(), sink);
                }
            }
            while (!window.isEmpty()) {
                emit(window.removeFirst(), sink);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private Outcome toOutcome(ReadResult result, Predicate<Document> skip) {
        if (result instanceof ReadResult.Failed failed) {
            return new Outcome.Failed(failed.problem());
        }
        Document document = ((ReadResult.Loaded) result).document();
        return skip.test(document) ? null : work.apply(document);
    }

    private static void emit(Future<Outcome> future, Sink sink) throws Exception {
        Outcome outcome;
        try {
            outcome = future.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
        if (outcome != null) {
            sink.accept(outcome);
        }
    }
}
