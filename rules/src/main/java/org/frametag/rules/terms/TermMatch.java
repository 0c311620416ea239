package org.frametag.rules.terms;

/**
 * Words that match an entry of {@code concept}: tokens {@code first..last} (inclusive) of the
 * sentence, and the characters {@code [start, end)} of the text they cover, which may be part
 * of a token ("voting" in "online-voting").
 */
public record TermMatch(String concept, int first, int last, int start, int end) {
}
