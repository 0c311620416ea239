package org.frametag.rules.terms;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.frametag.core.text.Token;
import org.frametag.core.text.TokenKind;
import org.frametag.core.token.Tokenizer;

/**
 * All term lists of a pack compiled into one token trie, so finding every mention in a
 * sentence costs a few hash lookups per token whatever the number of entries. Entries are
 * tokenised with the documents' tokenizer and keyed by base form (lemma), exact text or token
 * kind.
 *
 * <p>Matching does not depend on how a compound is spelled or quoted: a hyphenated word is matched part by
 * part ("online-voting", "polling-station", "DDoS-attack", "cyber–attack"), an entry of two words
 * also matches them written as one ("e voting" matches "evoting") and an entry written as one
 * word with a compounding prefix also matches it split ("cyberattack" matches "cyber attack"),
 * so a list names a compound once. Quotation marks inside a phrase are skipped, and so are the words of
 * the pack's {@value #INSERTED} list ("not truly competitive" matches "not competitive"). A lower-case
 * {@code =}exact entry also matches its word capitalised where only the word's place capitalises it:
 * first in a sentence, or in a title-case headline ("Polls", "Opposition Says Polls Were Rigged").
 * An acronym written as an all-capital {@code =}exact entry of three or more characters also matches
 * its title-case spelling, as many papers write acronyms ("Inec" for {@code =INEC}, "Nato" for
 * {@code =NATO}), unless the pack knows that spelling as a word of a list ({@code =POLLS} is no
 * acronym of "Polls") or lists it itself.
 *
 * <p>The trie is stored flat (word ids, and edges in one open-addressing table) so that a
 * list of a million entries loads in seconds and costs tens of megabytes, not hundreds.
 * Immutable once built, and safe to share between threads.
 */
public final class TermIndex {

    private static final Pattern KIND_SLOT = Pattern.compile("<([A-Z]+)>");
    private static final String EXACT = "=";
    private static final int ROOT = 0;
    private static final int[] NO_KEYS = new int[0];
    /**
     * Entries tokenised at a time: enough to share out, few enough that their keys die young
     * (blocks of 8,192 left some 2-3 MB each alive at every young collection).
     */
    private static final int BLOCK = 2048;
    /**
     * Slots of the memory of recent words of each thread that tokenises entries: enough for the
     * words a list repeats. The documents' 65,536 each held some 5 MB of words of a large list
     * that would not come again, copied by every young collection.
     */
    private static final int ENTRY_MEMO = 1 << 12;
    /** Fewer entries are tokenised on the calling thread alone. */
    private static final int MIN_SHARED = 512;
    /** Prefixes that news writes joined, hyphenated or apart: "cyberattack", "cyber-attack", "cyber attack". */
    private static final List<String> COMPOUND_PREFIXES = List.of(
            "cyber", "e", "i", "m", "online", "web", "tele", "video", "anti", "counter", "pro", "non", "re", "pre",
            "post", "co", "multi", "inter", "geo", "bio", "self", "ex");
    /** Words never written joined to the next: "of ten" is not "often", "on fire" not "onfire". */
    private static final java.util.Set<String> FUNCTION_WORDS = java.util.Set.of(
            "a", "an", "the", "of", "in", "on", "at", "by", "to", "for", "from", "with", "and", "or", "not", "no",
            "as", "is", "be", "it", "its", "this", "that", "up", "off", "out", "over", "set", "per");

    /**
     * The concept whose one-word entries a phrase may carry between its own words without saying
     * anything else: degree words and hedges ("not truly competitive", "free and genuinely fair").
     */
    public static final String INSERTED = "inserted-word";

    /** An entry that produced no tokens, or names an unknown token kind. */
    public record Unmatchable(TermList list, TermEntry entry, String reason) {
    }

    private final WordIds words;
    /** Keys of {@code =}exact entries by their text, so a token's key needs no string built. */
    private final WordIds exactWords;
    /** Keys of lower-case {@code =}exact entries by their capitalised text ("Polls" for {@code =polls}). */
    private final WordIds capitalisedExactWords;
    /** Keys of all-capital {@code =}exact acronyms by their title-case spelling ("Inec" for {@code =INEC}). */
    private final WordIds titleCaseAcronyms;
    /** All-capital {@code =}exact texts and their keys, given title-case spellings once every list is in. */
    private final Map<String, Integer> acronyms = new HashMap<>();
    private static final Pattern ACRONYM = Pattern.compile("[A-Z][A-Z0-9]{2,}");
    /** Key of each {@code <KIND>} slot by token kind ordinal, or -1. */
    private final int[] kindWords = new int[TokenKind.values().length];
    private final Edges edges;
    private final List<String> concepts = new ArrayList<>();
    private final Map<String, Integer> conceptIds = new HashMap<>();
    private int[][] nodeConcepts;
    /** The one-concept array of each concept, shared by the nodes that end an entry of it alone. */
    private final List<int[]> onlyConcept = new ArrayList<>();
    private int nodes = 1;
    /** Concepts' places in name order, worked out on first use; racing threads compute the same. */
    private volatile int[] conceptRanks;
    /**
     * The root's child under each word id, -1 for none, worked out on first use (racing threads
     * compute the same): every word of every sentence starts a walk at the root, and probing the
     * edge table for it was some 3% of a batch's time on the quick compiler.
     */
    private volatile int[] rootChildren;
    private final List<Unmatchable> unmatchable = new ArrayList<>();
    /** Ids of the words of the {@value #INSERTED} list. */
    private final BitSet inserted = new BitSet();
    private final int insertedConcept;
    private final List<TermList> lists;
    private final Tokenizer tokenizer;

    /** The key paths of one entry (its words as written, joined, or split), or the reason it can never match. */
    record Keys(List<List<String>> paths, String problem) {
        List<String> keys() {
            return paths.isEmpty() ? List.of() : paths.get(0);
        }
    }

    public TermIndex(List<TermList> lists, Tokenizer tokenizer) {
        this(lists, tokenizer, TermKeys.none());
    }

    /**
     * The index of {@code lists}: the one {@code known} saved of exactly these lists, or one built
     * with the keys of the lists {@code known} has, tokenising the rest.
     */
    public TermIndex(List<TermList> lists, Tokenizer tokenizer, TermKeys known) {
        this.lists = List.copyOf(lists);
        this.tokenizer = tokenizer;
        int[] conceptOf = new int[lists.size()];
        for (int l = 0; l < lists.size(); l++) {
            conceptOf[l] = conceptIds.computeIfAbsent(lists.get(l).concept(), c -> {
                concepts.add(c);
                return concepts.size() - 1;
            });
        }
        insertedConcept = conceptIds.getOrDefault(INSERTED, -1);
        Optional<Saved> saved = known.saved(this.lists);
        if (saved.isPresent()) {
            Saved state = saved.get();
            words = state.words();
            exactWords = state.exactWords();
            capitalisedExactWords = state.capitalisedExactWords();
            titleCaseAcronyms = state.titleCaseAcronyms();
            System.arraycopy(state.kindWords(), 0, kindWords, 0, kindWords.length);
            edges = state.edges();
            nodes = state.nodes();
            nodeConcepts = state.nodeConcepts();
            inserted.or(state.inserted());
            for (int u = 0; u < state.reasons().size(); u++) {
                TermList list = this.lists.get(state.unmatchable()[2 * u]);
                unmatchable.add(new Unmatchable(list, list.entries().get(state.unmatchable()[2 * u + 1]), state.reasons().get(u)));
            }
            return;
        }
        // sized for the lists' words from the start: a table grown while a large list is added
        // leaves its old arrays behind and its new ones, tens of megabytes, are copied out of the
        // young generation
        int expected = 0;
        for (TermList list : lists) {
            expected += list.words();
        }
        this.words = new WordIds(expected);
        this.exactWords = new WordIds(0);
        this.capitalisedExactWords = new WordIds(0);
        this.titleCaseAcronyms = new WordIds(0);
        this.edges = new Edges(expected);
        this.nodeConcepts = new int[Math.max(64, expected + 1)][];
        Arrays.fill(kindWords, -1);
        int helpers = Runtime.getRuntime().availableProcessors() - 1;
        ExecutorService trie = null;
        ExecutorService tokenizing = null;
        try {
            Future<?> done = CompletableFuture.completedFuture(null);
            Future<?> last = done;
            Future<?> beforeLast = done;
            Tokenizer entries = null;
            for (int l = 0; l < this.lists.size(); l++) {
                TermList list = this.lists.get(l);
                Optional<List<Keys>> precomputed = known.of(list);
                if (precomputed.isPresent()) {
                    // nothing to tokenise, so nothing to overlap: added here, in order after the blocks before
                    await(beforeLast);
                    await(last);
                    beforeLast = done;
                    last = done;
                    add(list, 0, conceptOf[l], precomputed.get());
                    continue;
                }
                if (trie == null) {
                    trie = Executors.newSingleThreadExecutor(daemon("frametag-term-index"));
                    tokenizing = helpers < 1 ? null : Executors.newFixedThreadPool(helpers, daemon("frametag-term-keys"));
                    entries = tokenizer.withMemo(ENTRY_MEMO);
                }
                for (int from = 0; from < list.entries().size(); from += BLOCK) {
                    int block = from;
                    int concept = conceptOf[l];
                    List<Keys> keys = keys(list.entries().subList(from, Math.min(list.entries().size(), from + BLOCK)), entries,
                            tokenizing, helpers);
                    await(beforeLast);
                    beforeLast = last;
                    last = trie.submit(() -> add(list, block, concept, keys));
                }
            }
            await(beforeLast);
            await(last);
            addTitleCaseAcronyms();
        } finally {
            if (trie != null) {
                trie.shutdown();
            }
            if (tokenizing != null) {
                tokenizing.shutdown();
            }
        }
    }

    /**
     * An index's state as {@link #save} wrote it, read back for the lists it was built of: the
     * bundled pack's index, built when frametag is built, is restored instead of built again
     * ({@link TermKeys}). Built from the build's keys, reading them included, it took a cold JVM
     * some 0.2 s and 15 MB; restored, some 40 ms and 5 MB.
     *
     * @param unmatchable each entry that can never match as its list's place and its own, two ints apiece
     * @param reasons     why each of them can never match
     */
    record Saved(WordIds words, WordIds exactWords, WordIds capitalisedExactWords, WordIds titleCaseAcronyms, int[] kindWords,
                 Edges edges, int nodes, int[][] nodeConcepts, BitSet inserted, int[] unmatchable, List<String> reasons) {

        /**
         * The state {@link #save} wrote to {@code in}, when it saved an index of exactly {@code lists}:
         * the same lists in the same order, each of the same concept, file and text
         * ({@link TermList#textChecksum()}, which asks a list read from a file nothing of its entries).
         */
        static Optional<Saved> read(DataInputStream in, List<TermList> lists) throws IOException {
            if (in.readInt() != lists.size()) {
                return Optional.empty();
            }
            for (TermList list : lists) {
                if (!in.readUTF().equals(list.source()) || !in.readUTF().equals(list.concept()) || in.readLong() != list.textChecksum()) {
                    return Optional.empty();
                }
            }
            Bulk bulk = new Bulk(in);
            WordIds words = WordIds.read(bulk);
            WordIds exactWords = WordIds.read(bulk);
            WordIds capitalisedExactWords = WordIds.read(bulk);
            WordIds titleCaseAcronyms = WordIds.read(bulk);
            int[] kindWords = bulk.ints();
            Edges edges = Edges.read(bulk);
            int nodes = in.readInt();
            int[][] nodeConcepts = new int[in.readInt()][];
            int[] concepts = bulk.ints();
            // as built: a node that ends entries of one concept shares that concept's array
            Map<Integer, int[]> only = new HashMap<>();
            for (int node = 0, at = 0; node < nodeConcepts.length; node++) {
                int count = concepts[at++];
                if (count == 1) {
                    nodeConcepts[node] = only.computeIfAbsent(concepts[at], c -> new int[] {c});
                } else if (count > 1) {
                    nodeConcepts[node] = Arrays.copyOfRange(concepts, at, at + count);
                }
                at += count;
            }
            BitSet inserted = BitSet.valueOf(bulk.longs());
            int[] unmatchable = bulk.ints();
            List<String> reasons = new ArrayList<>(unmatchable.length / 2);
            for (int u = 0; u < unmatchable.length / 2; u++) {
                reasons.add(in.readUTF());
            }
            return Optional.of(new Saved(words, exactWords, capitalisedExactWords, titleCaseAcronyms, kindWords, edges, nodes,
                    nodeConcepts, inserted, unmatchable, reasons));
        }
    }

    /**
     * Writes this index's state, with what its lists are, to {@code out}, for {@link Saved#read} to
     * restore it for the same lists.
     */
    void save(DataOutputStream out) throws IOException {
        out.writeInt(lists.size());
        for (TermList list : lists) {
            out.writeUTF(list.source());
            out.writeUTF(list.concept());
            out.writeLong(list.textChecksum());
        }
        words.write(out);
        exactWords.write(out);
        capitalisedExactWords.write(out);
        titleCaseAcronyms.write(out);
        Bulk.write(out, kindWords, kindWords.length);
        edges.write(out);
        out.writeInt(nodes);
        out.writeInt(nodeConcepts.length);
        int[] concepts = new int[nodeConcepts.length + nodes * 2];
        int at = 0;
        for (int[] here : nodeConcepts) {
            int count = here == null ? 0 : here.length;
            if (at + 1 + count > concepts.length) {
                concepts = Arrays.copyOf(concepts, Math.max(concepts.length * 2, at + 1 + count));
            }
            concepts[at++] = count;
            for (int k = 0; k < count; k++) {
                concepts[at++] = here[k];
            }
        }
        Bulk.write(out, concepts, at);
        long[] bits = inserted.toLongArray();
        Bulk.write(out, bits, bits.length);
        int[] places = new int[unmatchable.size() * 2];
        for (int u = 0; u < unmatchable.size(); u++) {
            TermList list = unmatchable.get(u).list();
            int l = 0;
            while (lists.get(l) != list) {
                l++;
            }
            places[2 * u] = l;
            places[2 * u + 1] = list.entries().indexOf(unmatchable.get(u).entry());
        }
        Bulk.write(out, places, places.length);
        for (Unmatchable u : unmatchable) {
            out.writeUTF(u.reason());
        }
    }

    /**
     * Arrays written and read whole, through one buffer: a cold JVM reads a million values so in a
     * few milliseconds, where reading them one at a time took it tens.
     */
    private static final class Bulk {
        private final DataInputStream in;
        private byte[] buffer = new byte[1 << 16];

        Bulk(DataInputStream in) {
            this.in = in;
        }

        private ByteBuffer next(int bytes) throws IOException {
            if (bytes > buffer.length) {
                buffer = new byte[bytes];
            }
            in.readFully(buffer, 0, bytes);
            return ByteBuffer.wrap(buffer, 0, bytes);
        }

        int[] ints() throws IOException {
            int[] values = new int[in.readInt()];
            next(values.length * Integer.BYTES).asIntBuffer().get(values);
            return values;
        }

        long[] longs() throws IOException {
            long[] values = new long[in.readInt()];
            next(values.length * Long.BYTES).asLongBuffer().get(values);
            return values;
        }

        char[] chars() throws IOException {
            char[] values = new char[in.readInt()];
            next(values.length * Character.BYTES).asCharBuffer().get(values);
            return values;
        }

        static void write(DataOutputStream out, int[] values, int count) throws IOException {
            ByteBuffer bytes = ByteBuffer.allocate(count * Integer.BYTES);
            bytes.asIntBuffer().put(values, 0, count);
            out.writeInt(count);
            out.write(bytes.array());
        }

        static void write(DataOutputStream out, long[] values, int count) throws IOException {
            ByteBuffer bytes = ByteBuffer.allocate(count * Long.BYTES);
            bytes.asLongBuffer().put(values, 0, count);
            out.writeInt(count);
            out.write(bytes.array());
        }

        static void write(DataOutputStream out, char[] values, int count) throws IOException {
            ByteBuffer bytes = ByteBuffer.allocate(count * Character.BYTES);
            bytes.asCharBuffer().put(values, 0, count);
            out.writeInt(count);
            out.write(bytes.array());
        }
    }

    private static ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * The keys of the entries, in order: one slice on this thread, one on each helper. The helpers
     * are threads of their own rather than the common pool's, whose workers drop their thread
     * locals after every task, the tokenizer's memo of words with them, so that every word of a
     * large list was lemmatised afresh.
     */
    private static List<Keys> keys(List<TermEntry> entries, Tokenizer tokenizer, ExecutorService helpers, int count) {
        if (helpers == null || entries.size() < MIN_SHARED) {
            return entries.stream().map(e -> keys(e, tokenizer)).toList();
        }
        int size = (entries.size() + count) / (count + 1);
        List<Future<List<Keys>>> shared = new ArrayList<>();
        for (int from = size; from < entries.size(); from += size) {
            List<TermEntry> slice = entries.subList(from, Math.min(entries.size(), from + size));
            shared.add(helpers.submit(() -> slice.stream().map(e -> keys(e, tokenizer)).toList()));
        }
        List<Keys> keys = new ArrayList<>(entries.size());
        entries.subList(0, size).forEach(e -> keys.add(keys(e, tokenizer)));
        shared.forEach(slice -> keys.addAll(await(slice)));
        return keys;
    }

    /**
     * Adds the keys of {@code list}'s entries from {@code from} on. Entries of a list that had to be
     * tokenised come a block of up to {@link #BLOCK} at a time: a block's entries are tokenised on
     * all cores while one thread adds the keys of the block before to the trie, in order, so a
     * large list loads in about the time of the slower of the two instead of their sum. An entry's
     * text is taken out of its list only when it can never match, to say which one.
     */
    private void add(TermList list, int from, int concept, List<Keys> keys) {
        for (int i = 0; i < keys.size(); i++) {
            Keys entry = keys.get(i);
            if (entry.problem() != null) {
                unmatchable.add(new Unmatchable(list, list.entries().get(from + i), entry.problem()));
            } else {
                boolean exact = list.exact(from + i);
                for (List<String> path : entry.paths()) {
                    add(concept, exact, path);
                }
            }
        }
    }

    private static <T> T await(Future<T> done) {
        try {
            return done.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while indexing term lists", e);
        }
    }

    /** The lists indexed, as given. */
    public List<TermList> lists() {
        return lists;
    }

    /** Entries that can never match, so validation can name them. */
    public List<Unmatchable> unmatchable() {
        return List.copyOf(unmatchable);
    }

    /**
     * What an entry matches, as the index sees it: the base forms of its words ({@code =}exact texts
     * for exact entries) and its {@code <KIND>} slots, in order; empty when it can match nothing.
     * Two entries with the same keys match the same words.
     */
    public static List<String> entryKeys(TermEntry entry, Tokenizer tokenizer) {
        return keys(entry, tokenizer).keys();
    }

    /** Tokenises an entry into trie keys: base forms, {@code =}exact texts and {@code <KIND>} slots. */
    static Keys keys(TermEntry entry, Tokenizer tokenizer) {
        List<String> keys = new ArrayList<>();
        List<String> words = new ArrayList<>();
        String text = entry.text();
        Matcher slot = text.indexOf('<') < 0 ? null : KIND_SLOT.matcher(text);
        int from = 0;
        while (from <= text.length()) {
            boolean found = slot != null && slot.find(from);
            int stop = found ? slot.start() : text.length();
            for (Token token : tokenizer.tokenize(text.substring(from, stop))) {
                if (isQuote(token)) {
                    continue;
                }
                for (Unit unit : units(token, -1, tokenizer)) {
                    keys.add(entry.exact() ? EXACT + unit.text() : unit.base());
                    words.add(unit.norm());
                }
            }
            if (!found) {
                break;
            }
            if (!isKind(slot.group(1))) {
                return new Keys(List.of(), "unknown token kind <" + slot.group(1) + ">");
            }
            keys.add(slot.group());
            words.add(null);
            from = slot.end();
        }
        if (keys.isEmpty()) {
            return new Keys(List.of(), "has no words to match");
        }
        List<List<String>> paths = new ArrayList<>();
        paths.add(keys);
        if (!entry.exact() && words.stream().allMatch(w -> w != null && isLetters(w))) {
            if (words.size() == 2 && words.stream().noneMatch(FUNCTION_WORDS::contains)) {
                paths.add(List.of(baseOf(words.get(0) + words.get(1), tokenizer)));
            } else if (words.size() == 1) {
                split(words.get(0), tokenizer).ifPresent(paths::add);
            }
        }
        // String caches its hash: computed here, on the threads that tokenise, it is not computed
        // again on the one thread that adds the keys to the trie
        paths.forEach(path -> path.forEach(String::hashCode));
        return new Keys(paths, null);
    }

    /** "cyberattack" as "cyber" + "attack": a one-word entry with a compounding prefix, split. */
    private static Optional<List<String>> split(String word, Tokenizer tokenizer) {
        for (String prefix : COMPOUND_PREFIXES) {
            if (word.length() >= prefix.length() + 4 && word.startsWith(prefix)) {
                return Optional.of(List.of(prefix, baseOf(word.substring(prefix.length()), tokenizer)));
            }
        }
        return Optional.empty();
    }

    private static String baseOf(String word, Tokenizer tokenizer) {
        List<Token> tokens = tokenizer.tokenize(word);
        return tokens.size() == 1 ? tokens.get(0).stem() : word;
    }

    private static boolean isLetters(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (!Character.isLetter((int) word.charAt(i))) {
                return false;
            }
        }
        return !word.isEmpty();
    }

    /**
     * A word as matching sees it: a token, or one part of a hyphenated token, with its place in
     * the text.
     */
    private record Unit(int token, int start, int end, String text, String norm, String base, TokenKind kind) {
    }

    /** The units of a token: its hyphen-separated parts for a hyphenated word, else the token itself. */
    private static List<Unit> units(Token token, int index, Tokenizer tokenizer) {
        String norm = token.norm();
        if (token.kind() != TokenKind.WORD || norm.indexOf('-') <= 0 || norm.length() != token.text().length()) {
            return List.of(new Unit(index, token.start(), token.end(), token.text(), norm, token.stem(), token.kind()));
        }
        List<Unit> parts = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= norm.length(); i++) {
            if (i == norm.length() || norm.charAt(i) == '-') {
                if (i > from) {
                    String part = token.text().substring(from, i);
                    parts.add(new Unit(index, token.start() + from, token.start() + i, part, norm.substring(from, i),
                            baseOf(part, tokenizer), TokenKind.WORD));
                }
                from = i + 1;
            }
        }
        return parts;
    }

    private void add(int concept, boolean exact, List<String> keys) {
        int node = ROOT;
        for (String key : keys) {
            int word = words.idOf(key);
            Matcher slot = key.startsWith("<") ? KIND_SLOT.matcher(key) : null;
            if (slot != null && slot.matches()) {
                kindWords[TokenKind.valueOf(slot.group(1)).ordinal()] = word;
            } else if (exact) {
                String text = key.substring(EXACT.length());
                exactWords.put(text, word);
                if (Character.isLowerCase(text.charAt(0))) {
                    capitalisedExactWords.put(Character.toUpperCase(text.charAt(0)) + text.substring(1), word);
                } else if (ACRONYM.matcher(text).matches()) {
                    acronyms.put(text, word);
                }
            }
            int child = edges.getOrPut(node, word, nodes);
            if (child == nodes) {
                nodes++;
            }
            node = child;
        }
        if (concept == insertedConcept && keys.size() == 1) {
            inserted.set(words.get(keys.get(0)));
        }
        addConcept(node, concept);
    }

    private void addTitleCaseAcronyms() {
        acronyms.forEach((text, word) -> {
            String title = text.charAt(0) + text.substring(1).toLowerCase(Locale.ROOT);
            if (!title.equals(text) && exactWords.get(title) < 0
                    && words.get(baseOf(text.toLowerCase(Locale.ROOT), tokenizer)) < 0) {
                titleCaseAcronyms.put(title, word);
            }
        });
        acronyms.clear();
    }

    private void addConcept(int node, int concept) {
        if (node >= nodeConcepts.length) {
            nodeConcepts = Arrays.copyOf(nodeConcepts, Math.max(node + 1, nodeConcepts.length * 2));
        }
        int[] existing = nodeConcepts[node];
        if (existing == null) {
            while (onlyConcept.size() <= concept) {
                onlyConcept.add(new int[] {onlyConcept.size()});
            }
            nodeConcepts[node] = onlyConcept.get(concept);
        } else {
            for (int c : existing) {
                if (c == concept) {
                    return;
                }
            }
            int[] grown = Arrays.copyOf(existing, existing.length + 1);
            grown[existing.length] = concept;
            nodeConcepts[node] = grown;
        }
    }

    /** Open-addressing tables of this many slots or more fill up to three quarters, smaller ones to half. */
    private static final int LARGE = 1 << 20;

    /**
     * Whether a table of {@code capacity} slots holding {@code size} keys must grow before it takes
     * another: a large table filled to three quarters costs a few more probes in slots next to each
     * other, and a quarter of its memory less (tens of megabytes for a list of a million entries).
     */
    private static boolean full(int size, int capacity) {
        return capacity < LARGE ? (size + 1L) * 2 > capacity : (size + 1L) * 4 > 3L * capacity;
    }

    /** The power of two, at least {@code least}, that holds {@code expected} keys without being {@link #full}. */
    private static int capacity(int expected, int least) {
        int capacity = least;
        while (capacity < 1 << 30 && full(expected, capacity)) {
            capacity <<= 1;
        }
        return capacity;
    }

    private static boolean isKind(String name) {
        for (TokenKind kind : TokenKind.values()) {
            if (kind.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Every concept mention in {@code tokens}: for each start word and concept, the longest
     * matching entry, ordered by start and concept name.
     */
    public List<TermMatch> find(List<Token> tokens) {
        List<Unit> units = new ArrayList<>(tokens.size() + 4);
        KeyMemo memo = keyMemo.get();
        // the headline's counts are taken here, while each unit's text is at hand: a second pass over
        // the units for them alone was a fiftieth of a batch's worker on the quick compiler
        int longWords = 0;
        int capitalised = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (isQuote(token)) {
                continue;
            }
            int first = units.size();
            if (token.kind() == TokenKind.WORD && memo.hyphenated(token.norm())) {
                units.addAll(units(token, i, tokenizer));
            } else {
                units.add(new Unit(i, token.start(), token.end(), token.text(), token.norm(), token.stem(), token.kind()));
            }
            for (int u = first; u < units.size(); u++) {
                Unit unit = units.get(u);
                if (unit.kind() == TokenKind.WORD && unit.text().length() >= 4) {
                    longWords++;
                    capitalised += Character.isUpperCase(unit.text().charAt(0)) ? 1 : 0;
                }
            }
        }
        int n = units.size();
        int[][] keys = new int[n][];
        boolean headline = isHeadline(longWords, capitalised);
        boolean opening = true;
        for (int i = 0; i < n; i++) {
            Unit unit = units.get(i);
            boolean capitalOnlyByPlace = (headline || opening) && isCapitalised(unit.text());
            keys[i] = capitalOnlyByPlace ? keysOf(unit, true) : keysOf(unit, memo);
            opening &= unit.kind() != TokenKind.WORD;
        }
        List<TermMatch> matches = new ArrayList<>();
        int[] longest = memo.longest(concepts.size());
        Found found = memo.found;
        try {
            for (int first = 0; first < n; first++) {
                if (keys[first].length == 0) {
                    continue;
                }
                walk(ROOT, keys, first, longest, found);
                // units start in increasing order, so matches come out ordered by start, then concept name
                found.sortByName(conceptRanks());
                for (int k = 0; k < found.size; k++) {
                    int c = found.concepts[k];
                    Unit a = units.get(first);
                    Unit b = units.get(longest[c]);
                    matches.add(new TermMatch(concepts.get(c), a.token(), b.token(), a.start(), b.end()));
                    longest[c] = -1;
                }
                found.size = 0;
            }
        } catch (RuntimeException | Error e) {
            memo.forget();
            throw e;
        }
        return matches;
    }

    /**
     * Words of four letters or more that a title-case headline capitalises, most of them: of the
     * units' {@code longWords} words of four letters or more, {@code capitalised} begin with a capital.
     */
    private static boolean isHeadline(int longWords, int capitalised) {
        return longWords >= 3 && capitalised * 5 >= longWords * 4;
    }

    /** An initial capital and the rest in lower case: "Polls", not "CEC" or "eID". */
    private static boolean isCapitalised(String text) {
        if (text.length() < 2 || !Character.isUpperCase(text.charAt(0))) {
            return false;
        }
        for (int i = 1; i < text.length(); i++) {
            if (Character.isUpperCase(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The concepts a walk from one start word found, in the order found. */
    private static final class Found {
        int[] concepts = new int[8];
        int size;

        void add(int concept) {
            if (size == concepts.length) {
                concepts = Arrays.copyOf(concepts, size * 2);
            }
            concepts[size++] = concept;
        }

        /** Insertion sort by rank: a walk finds a handful of concepts at most. */
        void sortByName(int[] ranks) {
            for (int i = 1; i < size; i++) {
                int c = concepts[i];
                int j = i - 1;
                while (j >= 0 && ranks[concepts[j]] > ranks[c]) {
                    concepts[j + 1] = concepts[j];
                    j--;
                }
                concepts[j + 1] = c;
            }
        }
    }

    /** Each concept's place among the concepts sorted by name. */
    private int[] conceptRanks() {
        int[] ranks = conceptRanks;
        if (ranks == null || ranks.length != concepts.size()) {
            // concepts are distinct, so sorting their numbers by name ranks them (looking each up in
            // the sorted names, a thousand string comparisons each, cost a short run's first document 10-20 ms)
            Integer[] byName = new Integer[concepts.size()];
            for (int c = 0; c < byName.length; c++) {
                byName[c] = c;
            }
            Arrays.sort(byName, (a, b) -> concepts.get(a).compareTo(concepts.get(b)));
            ranks = new int[byName.length];
            for (int r = 0; r < byName.length; r++) {
                ranks[byName[r]] = r;
            }
            conceptRanks = ranks;
        }
        return ranks;
    }

    /** Quotation marks are transparent to matching: "controlled” from" matches "controlled from". */
    private static boolean isQuote(Token token) {
        return token.kind() == TokenKind.PUNCTUATION && (token.norm().equals("\"") || token.norm().equals("'"));
    }

    /**
     * One thread's memory of the keys of recent words, by the identity of their text and base form:
     * the tokenizer hands out the same strings for a word it has seen, so a hit costs no string
     * comparison. Direct-mapped and fixed in size; a miss looks the word up as usual. It also holds
     * the thread's state of the walks, which {@link #find} leaves clear.
     */
    private static final class KeyMemo {
        private static final int SIZE = 1 << 15;
        private final String[] texts = new String[SIZE];
        private final String[] bases = new String[SIZE];
        private final TokenKind[] kinds = new TokenKind[SIZE];
        private final int[][] keys = new int[SIZE][];
        /**
         * Per concept, the last unit of its longest match from the start word a walk is at, -1 when
         * none: all -1 between walks, so one array serves every sentence (a new one per sentence,
         * a thousand concepts long, was an eighth of what a batch allocated).
         */
        private int[] longest = NO_KEYS;
        private final Found found = new Found();
        /**
         * Whether a word's normalised form holds a hyphen after its first char, by the identity of
         * that form: the tokenizer hands out the same strings for a word it has seen, and searching
         * each word's chars again was a thirtieth of a batch's time on the quick compiler.
         */
        private final String[] norms = new String[SIZE];
        private final boolean[] hyphens = new boolean[SIZE];

        boolean hyphenated(String norm) {
            int slot = norm.hashCode() & (SIZE - 1);
            if (norms[slot] == norm) {
                return hyphens[slot];
            }
            boolean hyphen = norm.indexOf('-') > 0;
            norms[slot] = norm;
            hyphens[slot] = hyphen;
            return hyphen;
        }

        int[] longest(int concepts) {
            if (longest.length != concepts) {
                longest = new int[concepts];
                Arrays.fill(longest, -1);
            }
            return longest;
        }

        /** After a walk that did not finish: its state is no longer known to be clear. */
        void forget() {
            longest = NO_KEYS;
            found.size = 0;
        }
    }

    private final ThreadLocal<KeyMemo> keyMemo = ThreadLocal.withInitial(KeyMemo::new);

    private int[] keysOf(Unit unit, KeyMemo memo) {
        // strings cache their hash, where identityHashCode is a native call on the quick compiler;
        // mixed so that a word that is its own base form ("the") spreads as well as any other
        int h = unit.base().hashCode() * 0x9E3779B9 ^ unit.text().hashCode();
        int slot = (h ^ h >>> 16) & (KeyMemo.SIZE - 1);
        if (memo.bases[slot] == unit.base() && memo.texts[slot] == unit.text() && memo.kinds[slot] == unit.kind()) {
            return memo.keys[slot];
        }
        int[] keys = keysOf(unit);
        memo.bases[slot] = unit.base();
        memo.texts[slot] = unit.text();
        memo.kinds[slot] = unit.kind();
        memo.keys[slot] = keys;
        return keys;
    }

    private int[] keysOf(Unit unit) {
        return keysOf(unit, false);
    }

    /**
     * The keys of a unit; with {@code lowerToo}, a capital that only the word's place gives it (the
     * first word of a sentence, a word of a title-case headline) also matches {@code =}exact entries
     * written in lower case: "Votes were recounted", "Gunmen Stormed Polling Station".
     */
    private int[] keysOf(Unit unit, boolean lowerToo) {
        int stem = words.get(unit.base());
        int exact = exactWords.isEmpty() ? -1 : exactWords.get(unit.text());
        int lower = lowerToo && !capitalisedExactWords.isEmpty() ? capitalisedExactWords.get(unit.text()) : -1;
        if (lower == exact) {
            lower = -1;
        }
        int acronym = titleCaseAcronyms.isEmpty() ? -1 : titleCaseAcronyms.get(unit.text());
        if (acronym == exact) {
            acronym = -1;
        }
        int kind = kindWords[unit.kind().ordinal()];
        int count = (stem < 0 ? 0 : 1) + (exact < 0 ? 0 : 1) + (lower < 0 ? 0 : 1) + (acronym < 0 ? 0 : 1)
                + (kind < 0 ? 0 : 1);
        if (count == 0) {
            return NO_KEYS;
        }
        int[] keys = new int[count];
        int k = 0;
        if (stem >= 0) {
            keys[k++] = stem;
        }
        if (exact >= 0) {
            keys[k++] = exact;
        }
        if (lower >= 0) {
            keys[k++] = lower;
        }
        if (acronym >= 0) {
            keys[k++] = acronym;
        }
        if (kind >= 0) {
            keys[k] = kind;
        }
        return keys;
    }

    /** {@link #rootChildren}, worked out now if it is not yet. */
    private int[] rootChildren() {
        int[] children = rootChildren;
        if (children == null) {
            children = edges.children(ROOT);
            rootChildren = children;
        }
        return children;
    }

    private void walk(int node, int[][] keys, int at, int[] longest, Found found) {
        if (at >= keys.length) {
            return;
        }
        int[] fromRoot = node == ROOT ? rootChildren() : null;
        for (int word : keys[at]) {
            int child = fromRoot == null ? edges.get(node, word) : word >= 0 && word < fromRoot.length ? fromRoot[word] : -1;
            if (child < 0) {
                continue;
            }
            int[] here = child < nodeConcepts.length ? nodeConcepts[child] : null;
            if (here != null) {
                for (int c : here) {
                    if (longest[c] < 0) {
                        found.add(c);
                    }
                    longest[c] = Math.max(longest[c], at);
                }
            }
            walk(child, keys, at + 1, longest, found);
        }
        if (node != ROOT && at + 1 < keys.length && isInserted(keys[at])) {
            walk(node, keys, at + 1, longest, found);
        }
    }

    private boolean isInserted(int[] keys) {
        for (int key : keys) {
            if (inserted.get(key)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Ids of words by their text. The words' chars are kept end to end in one array, and the
     * open-addressing table holds, per slot, a word's hash beside its place in that array, so a
     * million-word list costs a few large arrays instead of millions of strings the collector
     * would copy and trace, and a probe compares a hash before it reads a word. Ids are handed
     * out in order from 0.
     */
    static final class WordIds {
        /** Per slot: the word's hash in the high half, its index + 1 in the low half; 0 when empty. */
        private long[] slots;
        /** The chars of word {@code k} are {@code chars[starts[k]] .. chars[starts[k + 1] - 1]}. */
        private char[] chars = new char[1 << 10];
        private int[] starts;
        private int[] ids;
        private int size;

        /** A table that holds {@code expected} words without growing. */
        WordIds(int expected) {
            slots = new long[capacity(expected, 1 << 8)];
            starts = new int[Math.max(1 << 7, expected + 2)];
            ids = new int[starts.length];
        }

        private WordIds(long[] slots, char[] chars, int[] starts, int[] ids, int size) {
            this.slots = slots;
            this.chars = chars;
            this.starts = starts;
            this.ids = ids;
            this.size = size;
        }

        /** As {@link #write} wrote it; its arrays hold its words and no room for more, which it grows when it needs. */
        static WordIds read(Bulk in) throws IOException {
            long[] slots = in.longs();
            char[] chars = in.chars();
            int[] starts = in.ints();
            int[] ids = in.ints();
            return new WordIds(slots, chars, starts, ids, ids.length);
        }

        void write(DataOutputStream out) throws IOException {
            Bulk.write(out, slots, slots.length);
            Bulk.write(out, chars, starts[size]);
            Bulk.write(out, starts, size + 1);
            Bulk.write(out, ids, size);
        }

        boolean isEmpty() {
            return size == 0;
        }

        /** The word's id, or -1. */
        int get(String word) {
            int index = indexOf(word, word.hashCode());
            return index < 0 ? -1 : ids[index];
        }

        /** The word's id, the next one if it has none yet. */
        int idOf(String word) {
            return add(word, size, false);
        }

        /** Gives the word this id, whether or not it had one. */
        void put(String word, int id) {
            add(word, id, true);
        }

        /** The word's id after adding it with this id if it was not there, or giving it this id if {@code replace}. */
        private int add(String word, int id, boolean replace) {
            if (full(size, slots.length)) {
                grow();
            }
            int hash = word.hashCode();
            int mask = slots.length - 1;
            int i = slot(hash, mask);
            for (long here = slots[i]; here != 0; here = slots[i]) {
                if ((int) (here >>> 32) == hash) {
                    int index = (int) here - 1;
                    if (sameChars(index, word)) {
                        if (replace) {
                            ids[index] = id;
                        }
                        return ids[index];
                    }
                }
                i = (i + 1) & mask;
            }
            if (size + 2 > starts.length) {
                starts = Arrays.copyOf(starts, starts.length * 2);
                ids = Arrays.copyOf(ids, ids.length * 2);
            }
            int from = starts[size];
            int length = word.length();
            if (from + length > chars.length) {
                chars = Arrays.copyOf(chars, Math.max(from + length, chars.length + (chars.length >> 1)));
            }
            word.getChars(0, length, chars, from);
            starts[size + 1] = from + length;
            ids[size] = id;
            slots[i] = (long) hash << 32 | (size + 1);
            size++;
            return id;
        }

        private int indexOf(String word, int hash) {
            int mask = slots.length - 1;
            for (int i = slot(hash, mask); ; i = (i + 1) & mask) {
                long here = slots[i];
                if (here == 0) {
                    return -1;
                }
                if ((int) (here >>> 32) == hash) {
                    int index = (int) here - 1;
                    if (sameChars(index, word)) {
                        return index;
                    }
                }
            }
        }

        private boolean sameChars(int index, String word) {
            int from = starts[index];
            int length = word.length();
            if (starts[index + 1] - from != length) {
                return false;
            }
            for (int k = 0; k < length; k++) {
                if (chars[from + k] != word.charAt(k)) {
                    return false;
                }
            }
            return true;
        }

        private static int slot(int hash, int mask) {
            int h = hash * 0x9E3779B9;
            return (h ^ h >>> 16) & mask;
        }

        private void grow() {
            long[] old = slots;
            slots = new long[old.length * 2];
            int mask = slots.length - 1;
            for (long here : old) {
                if (here != 0) {
                    int i = slot((int) (here >>> 32), mask);
                    while (slots[i] != 0) {
                        i = (i + 1) & mask;
                    }
                    slots[i] = here;
                }
            }
        }
    }

    /** Trie edges (node, word) to child node, in one open-addressing table of longs and ints. */
    static final class Edges {
        private static final long EMPTY = -1L;
        private long[] keys;
        private int[] values;
        private int size;

        /** A table that holds {@code expected} edges without growing. */
        Edges(int expected) {
            keys = filled(capacity(expected, 1 << 10));
            values = new int[keys.length];
        }

        private Edges(long[] keys, int[] values, int size) {
            this.keys = keys;
            this.values = values;
            this.size = size;
        }

        static Edges read(Bulk in) throws IOException {
            long[] keys = in.longs();
            int[] values = in.ints();
            return new Edges(keys, values, in.in.readInt());
        }

        void write(DataOutputStream out) throws IOException {
            Bulk.write(out, keys, keys.length);
            Bulk.write(out, values, values.length);
            out.writeInt(size);
        }

        private static long[] filled(int capacity) {
            long[] k = new long[capacity];
            Arrays.fill(k, EMPTY);
            return k;
        }

        private static long key(int node, int word) {
            return ((long) node << 32) | (word & 0xFFFFFFFFL);
        }

        /** Murmur3's finaliser: node and word ids are small and dense, and a weaker mix let runs of slots fill up. */
        private static int slot(long key, int mask) {
            long h = (key ^ key >>> 33) * 0xFF51AFD7ED558CCDL;
            h = (h ^ h >>> 33) * 0xC4CEB9FE1A85EC53L;
            return (int) (h ^ h >>> 33) & mask;
        }

        int get(int node, int word) {
            long key = key(node, word);
            int mask = keys.length - 1;
            for (int i = slot(key, mask); ; i = (i + 1) & mask) {
                if (keys[i] == key) {
                    return values[i];
                }
                if (keys[i] == EMPTY) {
                    return -1;
                }
            }
        }

        /** The children of {@code node} by word id, -1 for none, as long as its greatest word id + 1. */
        int[] children(int node) {
            int length = 0;
            for (long key : keys) {
                if (key != EMPTY && (int) (key >>> 32) == node) {
                    length = Math.max(length, (int) key + 1);
                }
            }
            int[] children = new int[length];
            Arrays.fill(children, -1);
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] != EMPTY && (int) (keys[i] >>> 32) == node) {
                    children[(int) keys[i]] = values[i];
                }
            }
            return children;
        }

        /** The child under this edge, after adding {@code child} there if the edge was new. */
        int getOrPut(int node, int word, int child) {
            if (full(size, keys.length)) {
                grow();
            }
            long key = key(node, word);
            int mask = keys.length - 1;
            int i = slot(key, mask);
            for (long here = keys[i]; here != EMPTY; here = keys[i]) {
                if (here == key) {
                    return values[i];
                }
                i = (i + 1) & mask;
            }
            keys[i] = key;
            values[i] = child;
            size++;
            return child;
        }

        private void insert(long key, int value) {
            int mask = keys.length - 1;
            int i = slot(key, mask);
            while (keys[i] != EMPTY) {
                i = (i + 1) & mask;
            }
            keys[i] = key;
            values[i] = value;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldValues = values;
            keys = filled(oldKeys.length * 2);
            values = new int[oldKeys.length * 2];
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != EMPTY) {
                    insert(oldKeys[i], oldValues[i]);
                }
            }
        }
    }
}
