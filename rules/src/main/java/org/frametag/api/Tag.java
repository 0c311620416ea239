package org.frametag.api;

import java.util.List;
import java.util.OptionalInt;
import org.frametag.core.text.Span;

/**
 * A framing category on a sentence, with the rule that gave it and the words that made it
 * fire.
 *
 * @param category        the category, one of the pack's categories
 * @param rule            the name of the rule that fired
 * @param evidence        the spans of the words the rule matched, in text order; offsets into the
 *                        document's text
 * @param contextSentence for a tag carried over from the sentence before (the codebook's
 *                        pointer rule), that sentence's index
 */
public record Tag(String category, String rule, List<Span> evidence, OptionalInt contextSentence) {

    public Tag {
        evidence = List.copyOf(evidence);
    }

    /** A tag the sentence earned on its own. */
    public Tag(String category, String rule, List<Span> evidence) {
        this(category, rule, evidence, OptionalInt.empty());
    }

    /** Whether the tag was carried over from another sentence. */
    public boolean isContext() {
        return contextSentence.isPresent();
    }
}
