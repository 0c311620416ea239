package org.frametag.api;

import java.util.List;

/**
 * What a rule of the pack's word senses or exclusions ruled out in a sentence: a category the
 * codebook excludes there, or a word used in another sense than its concept's. An exclusion names
 * the rules it kept from tagging, so an analyst sees which tag the codebook's Out line took away.
 *
 * @param rule     the rule that ruled it out
 * @param category the category excluded, or null when a word was dropped
 * @param word     the concept mention dropped, or null when a category was excluded
 * @param kept     the rules that matched and would have tagged the excluded category, in the order
 *                 they fired; empty when a word was dropped
 */
public record Veto(String rule, String category, ConceptMention word, List<String> kept) {

    public Veto {
        kept = List.copyOf(kept);
    }
}
