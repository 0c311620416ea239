package org.frametag.core.segment;

import java.util.Set;

/**
 * What a word before a period says about the period. News writes "Mr. Putin", "Jan. 5",
 * "the U.S. Senate" and "Apple Inc. said" mid-sentence, but "in the U.S. The" and
 * "at 8 a.m. The" end one; the classes below let the segmenter tell them apart.
 */
final class Abbreviations {

    /** How a period after a known word behaves. */
    enum Kind {
        /** Not an abbreviation: the period is a full stop. */
        NONE,
        /** Titles and "vs.", "e.g.": always followed by more of the sentence. */
        NON_FINAL,
        /** "No.", "Jan.", "pp.": non-final before a number, otherwise a full stop. */
        BEFORE_NUMBER,
        /** Initials and dotted acronyms ("J.", "U.S."): final only before a typical sentence opener. */
        INITIALS,
        /** "Inc.", "Jr.", "et al.": like initials, the next word must open a sentence. */
        NAME_SUFFIX,
        /** "etc.", "a.m.": final before any capitalised word (a.m./p.m. except before a time zone). */
        FINAL_BEFORE_CAPITAL
    }

    private static final Set<String> NON_FINAL = Set.of(
            "mr", "mrs", "ms", "messrs", "mmes", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "cmdr",
            "adm", "gov", "sen", "rep", "rev", "st", "ste", "mt", "ft", "pres", "hon", "supt", "insp", "det",
            "cpl", "pvt", "maj", "brig", "fr", "vs", "v", "cf", "approx", "ca", "viz", "incl", "esp", "excl",
            "e.g", "i.e", "atty", "lieut", "cmdt", "amb", "sens", "reps", "govs", "gens");

    private static final Set<String> BEFORE_NUMBER = Set.of(
            "no", "nos", "vol", "vols", "pp", "p", "fig", "figs", "art", "sec", "ch", "para", "op", "ed",
            "ref", "tel", "nr", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
            "dec");

    private static final Set<String> NAME_SUFFIX = Set.of(
            "inc", "corp", "ltd", "co", "plc", "llc", "bros", "jr", "sr", "esq", "al", "dept", "govt",
            "univ", "assn", "intl", "mfg");

    private static final Set<String> FINAL_BEFORE_CAPITAL = Set.of("etc", "a.m", "p.m", "est", "pct");

    /** Capitalised words that usually open a sentence rather than continue a name. */
    private static final Set<String> SENTENCE_OPENERS = Set.of(
            "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "His", "Her", "Its", "Their",
            "Our", "My", "Your", "This", "That", "These", "Those", "There", "Here", "In", "On", "At", "As",
            "For", "But", "And", "Or", "So", "Yet", "If", "When", "While", "After", "Before", "Since",
            "Although", "Though", "However", "Meanwhile", "Also", "Still", "Then", "Now", "What", "Who",
            "Why", "How", "Where", "Which", "Some", "Many", "Most", "All", "Not", "Both", "Each", "Every",
            "According", "Earlier", "Later", "Last", "Next", "Officials", "Analysts", "During", "Under",
            "To", "By", "With", "From", "Despite", "Such", "Other", "Only", "Yes", "Today", "Yesterday");

    private static final Set<String> TIME_ZONES = Set.of(
            "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "ET", "PT", "CT", "GMT", "UTC", "BST",
            "CET", "CEST", "EET", "EEST", "MSK", "IST", "JST");

    static Kind of(String lowerWord, boolean singleUpperLetter) {
        if (singleUpperLetter) {
            return Kind.INITIALS;
        }
        if (NON_FINAL.contains(lowerWord)) {
            return Kind.NON_FINAL;
        }
        if (BEFORE_NUMBER.contains(lowerWord)) {
            return Kind.BEFORE_NUMBER;
        }
        if (NAME_SUFFIX.contains(lowerWord)) {
            return Kind.NAME_SUFFIX;
        }
        if (FINAL_BEFORE_CAPITAL.contains(lowerWord)) {
            return Kind.FINAL_BEFORE_CAPITAL;
        }
        if (lowerWord.indexOf('.') > 0) {
            return Kind.INITIALS;
        }
        return Kind.NONE;
    }

    static boolean opensSentence(String capitalisedWord) {
        return SENTENCE_OPENERS.contains(capitalisedWord);
    }

    static boolean isTimeZone(String word) {
        return TIME_ZONES.contains(word);
    }

    private Abbreviations() {
    }
}
