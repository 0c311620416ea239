package org.frametag.core.text;

import java.util.List;

/** A document with its sentences and tokens: the model that rules see. */
public record AnalyzedDocument(Document document, List<Sentence> sentences) {

    public AnalyzedDocument {
        sentences = List.copyOf(sentences);
    }

    public String id() {
        return document.id();
    }

    public String text() {
        return document.text();
    }
}
