package org.frametag.rules.eval;

import java.util.List;

/**
 * A tag that disagrees with the gold labels, with the rules involved.
 *
 * @param kind      a tag gold does not have, or a gold label with no tag
 * @param doc       the document
 * @param gold      the gold sentence, or {@code null} for a tagged sentence no gold sentence covers
 * @param text      the sentence's text (the gold text when there is one)
 * @param category  the category in question
 * @param rules     for a false positive the rules that gave the tag; for a false negative the rules
 *                  that tagged the sentence with other categories
 */
public record EvaluationError(Kind kind, String doc, GoldSentence gold, String text, String category, List<String> rules) {

    public enum Kind { FALSE_POSITIVE, FALSE_NEGATIVE }

    public EvaluationError {
        rules = List.copyOf(rules);
    }
}
