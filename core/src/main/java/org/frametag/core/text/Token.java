package org.frametag.core.text;

/**
 * A token with its exact place in the text.
 *
 * @param span    offsets into the document text
 * @param text    the surface text, exactly {@code span.coveredText(documentText)}
 * @param norm    case-folded text with quotes, dashes and compatibility forms normalised
 * @param stem    the stem of {@code norm}, so "interfere", "interfering" and "interference" meet
 * @param kind    the token's shape
 */
public record Token(Span span, String text, String norm, String stem, TokenKind kind) {

    public int start() {
        return span.start();
    }

    public int end() {
        return span.end();
    }
}
