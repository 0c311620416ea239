package org.frametag.api;

import java.util.List;
import org.frametag.core.text.Document;

/** A document with every sentence's tags, in document order. */
public record ClassifiedDocument(Document document, List<SentenceResult> sentences) {

    public ClassifiedDocument {
        sentences = List.copyOf(sentences);
    }

    public String id() {
        return document.id();
    }
}
