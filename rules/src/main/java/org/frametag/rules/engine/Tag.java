package org.frametag.rules.engine;

import java.util.List;
import org.frametag.core.text.Span;

/**
 * A framing category on a sentence, with the rule that gave it and the words that made it
 * fire.
 *
 * @param category        the category, one of the pack's categories
 * @param rule            the name of the rule that fired
 * @param evidence        the spans of the words the rule matched, in text order
 * @param contextSentence for a tag carried over from the sentence before (the codebook's
 *                        pointer rule), that sentence's index; otherwise {@code null}
 */
public record Tag(String category, String rule, List<Span> evidence, Integer contextSentence) {

    public Tag {
        evidence = List.copyOf(evidence);
    }

    public boolean isContext() {
        return contextSentence != null;
    }
}
