package org.frametag.core.io;

import org.frametag.core.text.Document;

/** The outcome of reading one document: a document, or the problem that stopped it. */
public sealed interface ReadResult {

    record Loaded(Document document) implements ReadResult {
    }

    record Failed(InputProblem problem) implements ReadResult {
    }
}
