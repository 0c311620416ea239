package org.frametag.rules.terms;

/**
 * One line of a term list.
 *
 * @param text the entry as written (without the {@code =} marker)
 * @param exact true for entries written {@code =Term}: matched on the exact surface text, case
 *              included, instead of on base forms (so {@code =US} does not match "us")
 * @param line   the line in the term-list file, for messages
 * @param column where the entry starts on its line (1-based), for messages
 */
public record TermEntry(String text, boolean exact, int line, int column) {

    /** An entry at the start of its line. */
    public TermEntry(String text, boolean exact, int line) {
        this(text, exact, line, 1);
    }
}
