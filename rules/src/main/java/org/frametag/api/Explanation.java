package org.frametag.api;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Why each sentence of a document got its tags, or did not: its tags with their rules and
 * evidence, the concept mentions the rules could see, and every rule held against it.
 *
 * @param document  the classified document
 * @param sentences one explanation per sentence, in document order
 */
public record Explanation(ClassifiedDocument document, List<SentenceExplanation> sentences) {

    public Explanation {
        sentences = List.copyOf(sentences);
    }

    /**
     * One sentence with every rule of the pack held against it.
     *
     * @param result the sentence, its tags and the concepts seen in it
     * @param rules  one check per rule, in the pack's order
     */
    public record SentenceExplanation(SentenceResult result, List<RuleCheck> rules) {

        public SentenceExplanation {
            rules = List.copyOf(rules);
        }

        /**
         * The rules that came close: they did not fire although the sentence mentions some of
         * their concepts, and the sentence did not get their category from another rule. The
         * closest first (most concepts seen, then fewest missing), the pack's order among equals.
         */
        public List<RuleCheck> nearMisses() {
            return rules.stream()
                    .filter(c -> !c.fired() && !c.seen().isEmpty()
                            && c.rule().categories().stream().findFirst().map(k -> !result.categories().contains(k)).orElse(true))
                    .sorted(Comparator.comparingInt((RuleCheck c) -> -c.seen().size()).thenComparingInt(c -> c.missing().size()))
                    .toList();
        }

        /** The check of the first rule declared with {@code name}. */
        public Optional<RuleCheck> rule(String name) {
            return rules.stream().filter(c -> c.rule().name().equals(name)).findFirst();
        }
    }
}
