package org.frametag.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.frametag.api.ClassifiedDocument;
import org.frametag.api.Frametag;
import org.frametag.api.Outcome;
import org.frametag.core.io.InputProblem;
import org.frametag.core.io.ReadResult;

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

    Run classify(Frametag frametag) {
        List<ClassifiedDocument> documents = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        try (Stream<Outcome> outcomes = frametag.classify(inputs.stream(), Runtime.getRuntime().availableProcessors(), d -> false)) {
            outcomes.forEach(outcome -> {
                if (outcome instanceof Outcome.Classified c) {
                    documents.add(c.document());
                } else if (outcome instanceof Outcome.Failed f) {
                    problems.add(f.problem());
                }
            });
        }
        return new Run(documents, problems);
    }
}
