package org.frametag.rules.terms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.frametag.core.text.Token;
import org.frametag.core.text.TokenKind;
import org.frametag.core.token.Tokenizer;

/**
 * All term lists of a pack compiled into one token trie, so finding every mention in a
 * sentence costs a few hash lookups per token whatever the number of entries. Entries are
 * tokenised with the documents' tokenizer and keyed by stem, exact text or token kind.
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
    /** Entries tokenised at a time: enough to share out, few enough that their keys die young. */
    private static final int BLOCK = 8192;

    /** An entry that produced no tokens, or names an unknown token kind. */
    public record Unmatchable(TermList list, TermEntry entry, String reason) {
    }

    private final Map<String, Integer> words = new HashMap<>();
    /** Keys of {@code =}exact entries by their text, so a token's key needs no string built. */
    private final Map<String, Integer> exactWords = new HashMap<>();
    /** Key of each {@code <KIND>} slot by token kind ordinal, or -1. */
    private final int[] kindWords = new int[TokenKind.values().length];
    private final Edges edges = new Edges();
    private final List<String> concepts = new ArrayList<>();
    private final Map<String, Integer> conceptIds = new HashMap<>();
    private int[][] nodeConcepts = new int[64][];
    private int nodes = 1;
    private final List<Unmatchable> unmatchable = new ArrayList<>();

    /** Keys of one entry, or the reason it can never match. */
    private record Keys(List<String> keys, String problem) {
    }

    public TermIndex(List<TermList> lists, Tokenizer tokenizer) {
        Arrays.fill(kindWords, -1);
        for (TermList list : lists) {
            int concept = conceptIds.computeIfAbsent(list.concept(), c -> {
                concepts.add(c);
                return concepts.size() - 1;
            });
            List<TermEntry> entries = list.entries();
            for (int from = 0; from < entries.size(); from += BLOCK) {
                List<TermEntry> block = entries.subList(from, Math.min(entries.size(), from + BLOCK));
                List<Keys> keys = block.parallelStream().map(e -> keys(e, tokenizer)).toList();
                for (int i = 0; i < keys.size(); i++) {
                    if (keys.get(i).problem() != null) {
                        unmatchable.add(new Unmatchable(list, block.get(i), keys.get(i).problem()));
                    } else {
                        add(concept, block.get(i), keys.get(i).keys());
                    }
                }
            }
        }
    }

    /** Entries that can never match, so validation can name them. */
    public List<Unmatchable> unmatchable() {
        return List.copyOf(unmatchable);
    }

    /**
     * What an entry matches, as the index sees it: the stems of its words ({@code =}exact texts
     * for exact entries) and its {@code <KIND>} slots, in order; empty when it can match nothing.
     * Two entries with the same keys match the same words.
     */
    public static List<String> entryKeys(TermEntry entry, Tokenizer tokenizer) {
        return keys(entry, tokenizer).keys();
    }

    /** Tokenises an entry into trie keys: stems, {@code =}exact texts and {@code <KIND>} slots. */
    private static Keys keys(TermEntry entry, Tokenizer tokenizer) {
        List<String> keys = new ArrayList<>();
        Matcher slot = KIND_SLOT.matcher(entry.text());
        String text = entry.text();
        int from = 0;
        while (from <= text.length()) {
            boolean found = slot.find(from);
            int stop = found ? slot.start() : text.length();
            for (Token token : tokenizer.tokenize(text.substring(from, stop))) {
                keys.add(entry.exact() ? EXACT + token.text() : token.stem());
            }
            if (!found) {
                break;
            }
            if (!isKind(slot.group(1))) {
                return new Keys(List.of(), "unknown token kind <" + slot.group(1) + ">");
            }
            keys.add(slot.group());
            from = slot.end();
        }
        return keys.isEmpty() ? new Keys(List.of(), "has no words to match") : new Keys(keys, null);
    }

    private void add(int concept, TermEntry entry, List<String> keys) {
        int node = ROOT;
        for (String key : keys) {
            int word = words.computeIfAbsent(key, k -> words.size());
            Matcher slot = key.startsWith("<") ? KIND_SLOT.matcher(key) : null;
            if (slot != null && slot.matches()) {
                kindWords[TokenKind.valueOf(slot.group(1)).ordinal()] = word;
            } else if (entry.exact()) {
                exactWords.put(key.substring(EXACT.length()), word);
            }
            int child = edges.get(node, word);
            if (child < 0) {
                child = nodes++;
                edges.put(node, word, child);
            }
            node = child;
        }
        addConcept(node, concept);
    }

    private void addConcept(int node, int concept) {
        if (node >= nodeConcepts.length) {
            nodeConcepts = Arrays.copyOf(nodeConcepts, Math.max(node + 1, nodeConcepts.length * 2));
        }
        int[] existing = nodeConcepts[node];
        if (existing == null) {
            nodeConcepts[node] = new int[] {concept};
        } else if (Arrays.stream(existing).noneMatch(c -> c == concept)) {
            int[] grown = Arrays.copyOf(existing, existing.length + 1);
            grown[existing.length] = concept;
            nodeConcepts[node] = grown;
        }
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
     * Every concept mention in {@code tokens}: for each start token and concept, the longest
     * matching entry, ordered by start token and concept name.
     */
    public List<TermMatch> find(List<Token> tokens) {
        int n = tokens.size();
        int[][] keys = new int[n][];
        for (int i = 0; i < n; i++) {
            keys[i] = keysOf(tokens.get(i));
        }
        List<TermMatch> matches = new ArrayList<>();
        int[] longest = new int[concepts.size()];
        for (int first = 0; first < n; first++) {
            Arrays.fill(longest, -1);
            walk(ROOT, keys, first, longest);
            for (int c = 0; c < longest.length; c++) {
                if (longest[c] >= 0) {
                    matches.add(new TermMatch(concepts.get(c), first, longest[c]));
                }
            }
        }
        matches.sort(java.util.Comparator.comparingInt(TermMatch::first).thenComparing(TermMatch::concept));
        return matches;
    }

    private int[] keysOf(Token token) {
        Integer stem = words.get(token.stem());
        Integer exact = exactWords.isEmpty() ? null : exactWords.get(token.text());
        int kind = kindWords[token.kind().ordinal()];
        int count = (stem == null ? 0 : 1) + (exact == null ? 0 : 1) + (kind < 0 ? 0 : 1);
        if (count == 0) {
            return NO_KEYS;
        }
        int[] keys = new int[count];
        int k = 0;
        if (stem != null) {
            keys[k++] = stem;
        }
        if (exact != null) {
            keys[k++] = exact;
        }
        if (kind >= 0) {
            keys[k] = kind;
        }
        return keys;
    }

    private void walk(int node, int[][] keys, int at, int[] longest) {
        if (at >= keys.length) {
            return;
        }
        for (int word : keys[at]) {
            int child = edges.get(node, word);
            if (child < 0) {
                continue;
            }
            int[] here = child < nodeConcepts.length ? nodeConcepts[child] : null;
            if (here != null) {
                for (int c : here) {
                    longest[c] = Math.max(longest[c], at);
                }
            }
            walk(child, keys, at + 1, longest);
        }
    }

    /** Trie edges (node, word) to child node, in one open-addressing table of longs and ints. */
    private static final class Edges {
        private static final long EMPTY = -1L;
        private long[] keys = filled(1 << 10);
        private int[] values = new int[1 << 10];
        private int size;

        private static long[] filled(int capacity) {
            long[] k = new long[capacity];
            Arrays.fill(k, EMPTY);
            return k;
        }

        private static long key(int node, int word) {
            return ((long) node << 32) | (word & 0xFFFFFFFFL);
        }

        private static int slot(long key, int mask) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h >>> 32) & mask;
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

        void put(int node, int word, int child) {
            if ((size + 1) * 2 > keys.length) {
                grow();
            }
            insert(key(node, word), child);
            size++;
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
