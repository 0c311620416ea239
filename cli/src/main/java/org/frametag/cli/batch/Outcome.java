package org.frametag.cli.batch;

import org.frametag.core.io.InputProblem;
import org.frametag.rules.engine.ClassifiedDocument;

/** What became of one input document: classified, or failed with a reason. */
public sealed interface Outcome {

    record Classified(ClassifiedDocument document) implements Outcome {
    }

    record Failed(InputProblem problem) implements Outcome {
    }
}
