package org.frametag.api;

import org.frametag.core.io.InputProblem;

/**
 * What became of one document of a batch: classified, or failed with a reason. A batch goes on
 * past a failed document, so a failure is a value here rather than an exception.
 */
public sealed interface Outcome {

    /** The document with its tags. */
    record Classified(ClassifiedDocument document) implements Outcome {
    }

    /** The document could not be read or classified (a rule looped or failed); {@code problem} says why. */
    record Failed(InputProblem problem) implements Outcome {
    }
}
