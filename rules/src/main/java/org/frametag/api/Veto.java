package org.frametag.api;

/**
 * What a rule of the pack's word senses or exclusions ruled out in a sentence: a category the
 * codebook excludes there, or a word used in another sense than its concept's.
 *
 * @param rule     the rule that ruled it out
 * @param category the category excluded, or null when a word was dropped
 * @param word     the concept mention dropped, or null when a category was excluded
 */
public record Veto(String rule, String category, ConceptMention word) {
}
