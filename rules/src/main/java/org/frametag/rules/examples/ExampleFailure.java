package org.frametag.rules.examples;

import java.util.List;

/**
 * An example its rule got wrong.
 *
 * @param rule       the rule the example belongs to
 * @param sentence   the example sentence
 * @param shouldTag  true for an {@code @example} the rule missed, false for a
 *                   {@code @counterexample} it tagged
 * @param firedRules every rule that did tag the sentence, with its category, to show what happened instead
 */
public record ExampleFailure(String rule, String sentence, boolean shouldTag, List<String> firedRules) {
}
