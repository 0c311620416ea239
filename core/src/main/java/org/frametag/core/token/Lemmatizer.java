package org.frametag.core.token;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
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
    record Entry(byte classes, String irregularBase, String american) {
    }

    private static final class English {
        static final Lemmatizer INSTANCE = load();
    }

    private final Lexicon words;

    private Lemmatizer(Lexicon words) {
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
        try (InputStream in = Lemmatizer.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the English lexicon resource " + RESOURCE + " is missing from the classpath");
            }
            return new Lemmatizer(Lexicon.of(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the English lexicon", e);
        }
    }

    /**
     * The lexicon's words, looked up by their text. An ASCII lexicon, as WordNet's is, is kept as
     * its file's bytes with a table of where each word is, made in one pass over them: a cold JVM
     * reads it in some 30 ms and 4 MB, where a map of 80,000 strings took some 80 ms and 11 MB on
     * a short run's first document. Any other file is read into such a map. Immutable.
     */
    static final class Lexicon {
        /** One shared entry per set of word classes: nine words in ten are nothing more. */
        private static final int CLASS_SETS = 16;

        private final Map<String, Entry> map;
        private final byte[] text;
        /** Per slot: a word's number + 1, 0 when empty. */
        private final int[] slots;
        /** Word {@code k} is {@code text[starts[k] .. ends[k] - 1]}. */
        private final int[] starts;
        private final int[] ends;
        private final int[] hashes;
        private final byte[] classes;
        /** The entries of the words with an irregular base or an American spelling, by number; null for the rest. */
        private final Entry[] special;
        private final List<Entry> classesOnly;

        private Lexicon(Map<String, Entry> map, byte[] text, int[] slots, int[] starts, int[] ends, int[] hashes, byte[] classes,
                        Entry[] special) {
            this.map = map;
            this.text = text;
            this.slots = slots;
            this.starts = starts;
            this.ends = ends;
            this.hashes = hashes;
            this.classes = classes;
            this.special = special;
            Entry[] shared = new Entry[CLASS_SETS];
            for (int c = 0; c < CLASS_SETS; c++) {
                shared[c] = new Entry((byte) c, null, null);
            }
            this.classesOnly = List.of(shared);
        }

        /** The lexicon in {@code bytes}, the resource's UTF-8 text. */
        static Lexicon of(byte[] bytes) {
            Lexicon table = ascii(bytes);
            return table != null ? table : new Lexicon(parse(new String(bytes, StandardCharsets.UTF_8)), null, null, null, null, null,
                    null, null);
        }

        /**
         * The words of an ASCII text of lines of four fields, as {@link #parse} reads them; null when
         * the text is not that, and is left to it.
         */
        private static Lexicon ascii(byte[] text) {
            int capacity = Math.max(16, text.length / 16);
            int[] slots = new int[Integer.highestOneBit(capacity) * 4];
            int[] starts = new int[capacity];
            int[] ends = new int[capacity];
            int[] hashes = new int[capacity];
            byte[] classes = new byte[capacity];
            Entry[] special = new Entry[capacity];
            int count = 0;
            int n = text.length;
            for (int i = 0; i < n; ) {
                int start = i;
                byte b = text[i];
                if (b == '#') {
                    while (i < n && text[i] != '\n') {
                        i++;
                    }
                    i++;
                    continue;
                }
                if (b == '\n' || b == '\r' && i + 1 < n && text[i + 1] == '\n') {
                    i += b == '\n' ? 1 : 2;
                    continue;
                }
                int hash = 0;
                for (; i < n && (b = text[i]) != '\t'; i++) {
                    if (b < 0 || b == '\n') {
                        return null;
                    }
                    hash = 31 * hash + b;
                }
                int wordEnd = i++;
                byte wordClasses = 0;
                for (; i < n && (b = text[i]) != '\t'; i++) {
                    if (b < 0 || b == '\n') {
                        return null;
                    }
                    wordClasses |= Lemmatizer.classes((char) b);
                }
                int irregularFrom = ++i;
                for (; i < n && (b = text[i]) != '\t'; i++) {
                    if (b < 0 || b == '\n') {
                        return null;
                    }
                }
                int americanFrom = ++i;
                for (; i < n && (b = text[i]) != '\n'; i++) {
                    if (b < 0 || b == '\t') {
                        return null;
                    }
                }
                if (americanFrom > n) {
                    return null;
                }
                int last = i > americanFrom && text[i - 1] == '\r' ? i - 1 : i;
                i++;
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                    ends = Arrays.copyOf(ends, count * 2);
                    hashes = Arrays.copyOf(hashes, count * 2);
                    classes = Arrays.copyOf(classes, count * 2);
                    special = Arrays.copyOf(special, count * 2);
                }
                if ((count + 1) * 2 > slots.length) {
                    slots = rehash(slots.length * 2, hashes, count);
                }
                int word = count;
                int mask = slots.length - 1;
                int slot = slot(hash, mask);
                for (int here = slots[slot]; here != 0; here = slots[slot]) {
                    if (hashes[here - 1] == hash && Arrays.equals(text, starts[here - 1], ends[here - 1], text, start, wordEnd)) {
                        word = here - 1;
                        break;
                    }
                    slot = (slot + 1) & mask;
                }
                if (word == count) {
                    slots[slot] = ++count;
                }
                String irregularBase = field(text, irregularFrom, americanFrom - 1);
                String american = field(text, americanFrom, last);
                starts[word] = start;
                ends[word] = wordEnd;
                hashes[word] = hash;
                classes[word] = wordClasses;
                special[word] = irregularBase == null && american == null ? null : new Entry(wordClasses, irregularBase, american);
            }
            return new Lexicon(null, text, slots, starts, ends, hashes, classes, special);
        }

        private static int[] rehash(int size, int[] hashes, int count) {
            int[] slots = new int[size];
            int mask = size - 1;
            for (int word = 0; word < count; word++) {
                int slot = slot(hashes[word], mask);
                while (slots[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = word + 1;
            }
            return slots;
        }

        private static int slot(int hash, int mask) {
            int h = hash * 0x9E3779B9;
            return (h ^ h >>> 16) & mask;
        }

        private static String field(byte[] text, int from, int to) {
            return to - from == 1 && text[from] == '-' ? null : new String(text, from, to - from, StandardCharsets.ISO_8859_1);
        }

        /** What the lexicon knows of {@code word}, or null. */
        Entry get(String word) {
            if (map != null) {
                return map.get(word);
            }
            int hash = word.hashCode();
            int mask = slots.length - 1;
            for (int slot = slot(hash, mask); ; slot = (slot + 1) & mask) {
                int here = slots[slot] - 1;
                if (here < 0) {
                    return null;
                }
                if (hashes[here] == hash && isWord(here, word)) {
                    return special[here] != null ? special[here] : classesOnly.get(classes[here]);
                }
            }
        }

        private boolean isWord(int here, String word) {
            int from = starts[here];
            if (ends[here] - from != word.length()) {
                return false;
            }
            for (int i = 0; i < word.length(); i++) {
                if (text[from + i] != word.charAt(i)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The lexicon in {@code text} as a map, one entry per word. */
    static Map<String, Entry> parse(String text) {
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
        return words;
    }

    private static byte classes(String line, int from, int to) {
        byte classes = 0;
        for (int i = from; i < to; i++) {
            classes |= classes(line.charAt(i));
        }
        return classes;
    }

    private static byte classes(char letter) {
        return switch (letter) {
            case 'n' -> NOUN;
            case 'v' -> VERB;
            case 'a' -> ADJECTIVE;
            case 'r' -> ADVERB;
            default -> 0;
        };
    }

    private static String field(String line, int from, int to) {
        return to - from == 1 && line.charAt(from) == '-' ? null : line.substring(from, to);
    }
}
