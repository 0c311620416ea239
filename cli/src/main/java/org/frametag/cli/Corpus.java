package org.frametag.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.frametag.cli.batch.BatchRunner;
import org.frametag.cli.batch.Outcome;
import org.frametag.core.io.InputProblem;
import org.frametag.core.io.ReadResult;
import org.frametag.rules.engine.ClassifiedDocument;
import org.frametag.rules.engine.Classifier;

/**
 * Input documents read once and held in memory, for commands that classify the same corpus
 * more than once (diff, watch): the second run costs only the rules.
 */
final class Corpus {

    /** The classified documents of one run, in input order, and the documents that failed. */
    record Run(List<ClassifiedDocument> documents, List<InputProblem> problems) {
        Run {
            documents = List.copyOf(documents);
            problems = List.copyOf(problems);
        }
    }

    private final List<ReadResult> inputs;

    private Corpus(List<ReadResult> inputs) {
        this.inputs = List.copyOf(inputs);
    }

    static Corpus read(Stream<ReadResult> inputs) {
        try (inputs) {
            return new Corpus(inputs.toList());
        }
    }

    Run classify(Classifier classifier) throws Exception {
        List<ClassifiedDocument> documents = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        new BatchRunner(classifier, Runtime.getRuntime().availableProcessors()).run(inputs.stream(), d -> false, outcome -> {
            if (outcome instanceof Outcome.Classified c) {
                documents.add(c.document());
            } else {
                problems.add(((Outcome.Failed) outcome).problem());
            }
        });
        return new Run(documents, problems);
    }
}
