package org.frametag.core.text;

import java.util.List;

/**
 * One unit of annotation: a sentence, or a heading, by-line or credit on its own line.
 *
 * @param index  position in the document, from 0
 * @param span   offsets into the document text, trimmed of surrounding whitespace
 * @param text   exactly {@code span.coveredText(documentText)}
 * @param tokens the sentence's tokens in order
 */
public record Sentence(int index, Span span, String text, List<Token> tokens) {

    public Sentence {
        tokens = List.copyOf(tokens);
    }

    public int start() {
        return span.start();
    }

    public int end() {
        return span.end();
    }
}
