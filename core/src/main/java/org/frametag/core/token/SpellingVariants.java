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

    /**
     * One rewrite, with a literal every match contains: most words lack it, so they skip the
     * regular expression, which made lemmatizing the unknown words of a large term list slow.
     */
    private record Rewrite(String needs, Pattern british, String american) {

        Rewrite(String needs, String british, String american) {
            this(needs, Pattern.compile(british), american);
        }

        String apply(String word, boolean filtered) {
            return filtered && !word.contains(needs) ? word : british.matcher(word).replaceAll(american);
        }
    }

    private static final Rewrite[] REWRITES = {
        new Rewrite("is", "is(e|ation|ations|ing|ed|es|er|ers)(?=$|s$)", "iz$1"),
        new Rewrite("ys", "ys(e|ed|es|ing)$", "yz$1"),
        new Rewrite("our", "our(?=[a-z]*$)", "or"),
        new Rewrite("re", "(?<=[tbv])re(s?)$", "er$1"),
        new Rewrite("ence", "ence(s?)$", "ense$1"),
        new Rewrite("ogue", "ogue(s?)$", "og$1"),
        new Rewrite("amme", "amme(s?)$", "am$1"),
        new Rewrite("dgement", "dgement", "dgment"),
        new Rewrite("ae", "(?<=[a-z])ae(?=[a-z])", "e"),
        new Rewrite("oe", "(?<=[a-z])oe(?=[a-z]{2})", "e"),
        new Rewrite("ll", "ll(er|ers|ed|ing|or|ors)$", "l$1"),
        new Rewrite("grey", "^grey", "gray"),
    };

    private SpellingVariants() {
    }

    /** The word with every British spelling pattern rewritten to the American one; may not be a word. */
    public static String american(String word) {
        return american(word, true);
    }

    /** With {@code filtered} false every expression runs on every word: the reference tests compare with. */
    static String american(String word, boolean filtered) {
        String out = word;
        for (Rewrite rewrite : REWRITES) {
            out = rewrite.apply(out, filtered);
        }
        return out;
    }
}
