package org.frametag.core.token;

import java.util.regex.Pattern;

/**
 * British spellings in their American form ("destabilise" to "destabilize", "colour" to
 * "color", "centre" to "center", "defence" to "defense"), so that a term list names a word once
 * whichever side of the Atlantic wrote the text. The rewrite is blind: the lexicon applies it
 * only where WordNet lists both spellings in one sense, or where only the rewritten word is
 * known, so "four" never becomes "for".
 */
public final class SpellingVariants {

    private record Rewrite(Pattern british, String american) {
    }

    private static final Rewrite[] REWRITES = {
        new Rewrite(Pattern.compile("is(e|ation|ations|ing|ed|es|er|ers)(?=$|s$)"), "iz$1"),
        new Rewrite(Pattern.compile("ys(e|ed|es|ing)$"), "yz$1"),
        new Rewrite(Pattern.compile("our(?=[a-z]*$)"), "or"),
        new Rewrite(Pattern.compile("(?<=[tbv])re(s?)$"), "er$1"),
        new Rewrite(Pattern.compile("ence(s?)$"), "ense$1"),
        new Rewrite(Pattern.compile("ogue(s?)$"), "og$1"),
        new Rewrite(Pattern.compile("amme(s?)$"), "am$1"),
        new Rewrite(Pattern.compile("dgement"), "dgment"),
        new Rewrite(Pattern.compile("(?<=[a-z])ae(?=[a-z])"), "e"),
        new Rewrite(Pattern.compile("(?<=[a-z])oe(?=[a-z]{2})"), "e"),
        new Rewrite(Pattern.compile("ll(er|ers|ed|ing|or|ors)$"), "l$1"),
        new Rewrite(Pattern.compile("^grey"), "gray"),
    };

    private SpellingVariants() {
    }

    /** The word with every British spelling pattern rewritten to the American one; may not be a word. */
    public static String american(String word) {
        String out = word;
        for (Rewrite rewrite : REWRITES) {
            out = rewrite.british().matcher(out).replaceAll(rewrite.american());
        }
        return out;
    }
}
