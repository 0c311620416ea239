package org.frametag.core.token;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The base form (lemma) of an English word, the key a term-list entry and a word of text meet
 * on: "voted", "votes" and "voting" meet "vote"; "bought" meets "buy"; "destabilised" meets
 * "destabilize". Only inflections are undone, never derivations, so "interference" stays apart
 * from "interfere" and "explosively" from "explosive": a term list names the derived words it
 * wants.
 *
 * <p>Works like WordNet's morphy without a part-of-speech tagger: a word's inflectional endings
 * are removed only where the remainder is a noun or verb WordNet knows, irregular forms come from
 * WordNet's exception lists, and British spellings are folded into American ones. Words
 * WordNet does not know (names, new coinages such as "cyberattacks") lose a plural -s only. The
 * lexicon is generated from WordNet 3.1 into a resource of this package; it is immutable and
 * shared by all threads.
 */
public final class Lemmatizer {

    private static final String RESOURCE = "english-lexicon.tsv";
    private static final byte NOUN = 1;
    private static final byte VERB = 2;
    private static final byte ADJECTIVE = 4;
    private static final byte ADVERB = 8;

    /** Closed-class words that look inflected ("its", "this", "was") but are left as they are. */
    private static final Set<String> FUNCTION_WORDS = Set.of(
            "its", "his", "hers", "ours", "yours", "theirs", "this", "thus", "these", "those", "us", "as",
            "is", "was", "has", "does", "yes", "less", "unless", "whereas", "besides", "towards", "afterwards",
            "upwards", "downwards", "backwards", "forwards", "sometimes", "always", "perhaps", "nevertheless",
            "themselves", "ourselves", "yourselves", "during", "according", "regarding", "including",
            "concerning", "following", "notwithstanding", "nothing", "something", "anything", "everything");

    /** What the lexicon knows of one word. */
    private record Entry(byte classes, String irregularBase, String american) {
    }

    private static final class English {
        static final Lemmatizer INSTANCE = load();
    }

    private final Map<String, Entry> words;

    private Lemmatizer(Map<String, Entry> words) {
        this.words = words;
    }

    /** The English lemmatizer, loaded once on first use. */
    public static Lemmatizer english() {
        return English.INSTANCE;
    }

    /**
     * The lemma of a normalised (lower-case) word; the word itself when it is not an inflected
     * form, has fewer than three letters, or contains anything but letters.
     */
    public String lemma(String word) {
        if (word.length() < 3 || !isLetters(word) || FUNCTION_WORDS.contains(word)) {
            return word;
        }
        Entry entry = words.get(word);
        boolean noun = is(entry, NOUN);
        boolean verb = is(entry, VERB);
        // "bought", "men", "won": irregular forms; but "found", "saw" (verbs) and "left" (noun and adjective) stay
        if (entry != null && entry.irregularBase() != null && !verb && !(noun && is(entry, ADJECTIVE))) {
            return canonical(entry.irregularBase());
        }
        if ((word.endsWith("ing") || word.endsWith("ed")) && !verb) {
            if (entry != null && entry.irregularBase() != null) {
                return canonical(entry.irregularBase());
            }
            String base = verbBase(word);
            if (base != null) {
                return canonical(base);
            }
        }
        if (word.endsWith("s") && !word.endsWith("ss")) {
            String base = pluralBase(word);
            if (base != null) {
                // "warnings" and "bombings" meet "warning" and "bombing", which meet "warn" and "bomb"
                return base.endsWith("ing") || base.endsWith("ed") ? lemma(base) : canonical(base);
            }
        }
        if (entry != null && entry.classes() != 0) {
            return canonical(word);
        }
        String american = SpellingVariants.american(word);
        if (!american.equals(word)) {
            String lemma = lemma(american);
            if (known(lemma)) {
                return lemma;
            }
        }
        if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us")
                && !word.endsWith("is")) {
            return word.endsWith("ies") ? word.substring(0, word.length() - 3) + "y" : word.substring(0, word.length() - 1);
        }
        return word;
    }

    /**
     * The base form of a normalised token: its lemma, or for a hyphenated compound the compound
     * with its last part lemmatised ("e-voting" to "e-vote", "by-elections" to "by-election").
     */
    public String baseForm(String token) {
        int hyphen = token.lastIndexOf('-');
        if (hyphen <= 0 || hyphen == token.length() - 1) {
            return lemma(token);
        }
        return token.substring(0, hyphen + 1) + lemma(token.substring(hyphen + 1));
    }

    /** The verb an -ed or -ing form inflects ("voted" vote, "hacking" hack, "rigged" rig), or null. */
    private String verbBase(String word) {
        String stem = word.endsWith("ing") ? word.substring(0, word.length() - 3) : word.substring(0, word.length() - 2);
        if (stem.length() < 2) {
            return null;
        }
        String tried = word.endsWith("ied") ? word.substring(0, word.length() - 3) + "y" : null;
        String[] candidates = {stem + "e", stem, undoubled(stem), tried};
        for (String candidate : candidates) {
            if (candidate != null && candidate.length() > 1 && is(words.get(candidate), VERB)) {
                return candidate;
            }
        }
        return null;
    }

    /** The noun or verb a plural or third-person -s form inflects ("votes" vote, "does" do, "bodies" body), or null. */
    private String pluralBase(String word) {
        int n = word.length();
        String[] verbForms = {word.substring(0, n - 1),
                word.endsWith("ies") ? word.substring(0, n - 3) + "y" : null,
                word.endsWith("es") ? word.substring(0, n - 2) : null};
        for (String candidate : verbForms) {
            if (candidate != null && candidate.length() > 1 && is(words.get(candidate), VERB)) {
                return candidate;
            }
        }
        String[] nounForms = {word.substring(0, n - 1),
                word.endsWith("ies") ? word.substring(0, n - 3) + "y" : null,
                word.endsWith("es") ? word.substring(0, n - 2) : null,
                word.endsWith("men") ? word.substring(0, n - 3) + "man" : null};
        for (String candidate : nounForms) {
            if (candidate != null && candidate.length() > 1 && is(words.get(candidate), NOUN)) {
                return candidate;
            }
        }
        return null;
    }

    private static String undoubled(String stem) {
        int n = stem.length();
        return n > 2 && stem.charAt(n - 1) == stem.charAt(n - 2) ? stem.substring(0, n - 1) : null;
    }

    private String canonical(String lemma) {
        Entry entry = words.get(lemma);
        return entry != null && entry.american() != null ? entry.american() : lemma;
    }

    private boolean known(String word) {
        Entry entry = words.get(word);
        return entry != null && entry.classes() != 0;
    }

    private static boolean is(Entry entry, byte wordClass) {
        return entry != null && (entry.classes() & wordClass) != 0;
    }

    private static boolean isLetters(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (!Character.isLetter(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static Lemmatizer load() {
        String text;
        try (InputStream in = Lemmatizer.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the English lexicon resource " + RESOURCE + " is missing from the classpath");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the English lexicon", e);
        }
        // one shared entry per set of word classes: nine words in ten are nothing more
        Entry[] classesOnly = new Entry[16];
        Map<String, Entry> words = new HashMap<>(1 << 17);
        for (int start = 0, end; start < text.length(); start = end + 1) {
            end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            int last = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            if (last == start || text.charAt(start) == '#') {
                continue;
            }
            int a = text.indexOf('\t', start);
            int b = text.indexOf('\t', a + 1);
            int c = text.indexOf('\t', b + 1);
            byte classes = classes(text, a + 1, b);
            String irregularBase = field(text, b + 1, c);
            String american = field(text, c + 1, last);
            Entry entry;
            if (irregularBase == null && american == null) {
                entry = classesOnly[classes];
                if (entry == null) {
                    entry = classesOnly[classes] = new Entry(classes, null, null);
                }
            } else {
                entry = new Entry(classes, irregularBase, american);
            }
            words.put(text.substring(start, a), entry);
        }
        return new Lemmatizer(words);
    }

    private static byte classes(String line, int from, int to) {
        byte classes = 0;
        for (int i = from; i < to; i++) {
            switch (line.charAt(i)) {
                case 'n' -> classes |= NOUN;
                case 'v' -> classes |= VERB;
                case 'a' -> classes |= ADJECTIVE;
                case 'r' -> classes |= ADVERB;
                default -> { }
            }
        }
        return classes;
    }

    private static String field(String line, int from, int to) {
        return to - from == 1 && line.charAt(from) == '-' ? null : line.substring(from, to);
    }
}
