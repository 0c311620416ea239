package org.frametag.api;

/**
 * A candidate entry for a term list, for the analyst to accept or leave: where it came from, how
 * often the corpus uses it, and what adding it would change there.
 *
 * @param entry   the text to add to the list
 * @param source  how it was found
 * @param from    the list entry WordNet related it to, or the rule whose missing slot it fills
 * @param count   sentences of the corpus it occurs in
 * @param example the first such sentence, or empty
 * @param gained  tags the corpus would gain if it were added, counted as {@code frametag diff} counts them
 * @param lost    tags the corpus would lose
 */
public record TermSuggestion(String entry, Source source, String from, int count, String example, int gained, int lost) {

    /** How a candidate was found. */
    public enum Source {
        /** A word of the same WordNet synset as a list entry. */
        SYNONYM,
        /** A word WordNet derives from a list entry or it from the word ("rig", "rigging"). */
        DERIVATION,
        /** A kind of what a list entry names ("cyberattack" under "attack"). */
        HYPONYM,
        /** A word that fills the slot of this list in corpus sentences where a rule nearly fired. */
        CORPUS
    }
}
