package org.frametag.rules.terms;

/** A run of tokens {@code first..last} (inclusive) that matches an entry of {@code concept}. */
public record TermMatch(String concept, int first, int last) {
}
