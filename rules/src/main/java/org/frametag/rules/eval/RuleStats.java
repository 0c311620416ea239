package org.frametag.rules.eval;

/**
 * How one rule did on the labelled sentences, in the manner of a labeling-function analysis:
 * how often it fires, how often it is right, and how it sits with the other rules.
 *
 * @param rule      the rule's name
 * @param category  the category it gives
 * @param fires     labelled sentences it tagged
 * @param correct   of those, sentences whose gold labels have the category
 * @param wrong     of those, sentences whose gold labels do not
 * @param precision {@code correct / fires}, 0 when it never fired
 * @param coverage  the share of all labelled sentences it tagged
 * @param overlaps  sentences it tagged that another rule also tagged with the same category
 * @param conflicts sentences it tagged that another rule tagged with a different category
 * @param unique    sentences where it is the only rule giving its category: what deleting it would change
 */
public record RuleStats(String rule, String category, int fires, int correct, int wrong, double precision,
                        double coverage, int overlaps, int conflicts, int unique) {
}
