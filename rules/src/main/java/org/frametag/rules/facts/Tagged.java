package org.frametag.rules.facts;

/**
 * The fact that a rule has tagged a sentence with a category, so later rules can build on
 * it (a pointer word carries the frame of the sentence before).
 */
public final class Tagged {

    private final int sentence;
    private final String category;
    private final String rule;
    private final boolean context;

    public Tagged(int sentence, String category, String rule, boolean context) {
        this.sentence = sentence;
        this.category = category;
        this.rule = rule;
        this.context = context;
    }

    public int getSentence() {
        return sentence;
    }

    public String getCategory() {
        return category;
    }

    public String getRule() {
        return rule;
    }

    /** True when the tag came from the sentence before, not from this sentence's own words. */
    public boolean isContext() {
        return context;
    }

    @Override
    public String toString() {
        return category + " on sentence " + sentence + " by '" + rule + "'";
    }
}
