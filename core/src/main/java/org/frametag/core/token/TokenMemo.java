package org.frametag.core.token;

import org.frametag.core.text.TokenKind;

/**
 * One thread's memory of recent tokens: for a surface form and kind, its text, normalised form
 * and stem. News repeats a small vocabulary, so most tokens are found here and cost neither
 * normalisation, nor stemming, nor new strings. Two-way set-associative (a token competes
 * with one other for a pair of adjacent slots; the older one is dropped), so its size is fixed
 * and a lookup is at most two probes of adjacent slots. ASCII tokens of up to 16 chars, nearly
 * all of news, are keyed by their characters packed into one or two {@code long}s, so a probe
 * compares numbers instead of reading strings. Not thread-safe: one per thread.
 */
final class TokenMemo {

    /** Longer tokens are rare and not worth remembering. */
    static final int MAX_TOKEN_LENGTH = 32;

    /** ASCII chars packed into one {@code long}: 7 bits each, below the kind and the flags. */
    private static final int MAX_PACKED = 8;

    /** Marks a key that is a string hash (for long or non-ASCII tokens) rather than packed chars. */
    private static final long HASHED = 1L << 62;

    /** Marks a key that holds the first 8 chars of a 9- to 16-char ASCII token; the rest are in its second key. */
    private static final long SPLIT = 1L << 61;

    /** A remembered token. */
    record Entry(String surface, String norm, String stem, TokenKind kind) {
    }

    /** The number of token kinds, read once: {@code values()} copies its array at every call. */
    private static final int KINDS = TokenKind.values().length;

    /** Single ASCII-char tokens (punctuation, "a", "5"), by char and kind: small enough to stay in cache. */
    private final Entry[] singles = new Entry[128 * KINDS];
    /**
     * Per slot, its key and second key side by side ({@code 2 * slot} and {@code 2 * slot + 1}): a
     * probe of a pair of slots reads 32 adjacent bytes, where two arrays of keys cost two cache
     * misses on a memo too large for the cache.
     */
    private final long[] keys;
    private final Entry[] entries;
    private final int mask;

    /** @param capacity number of slots, rounded up to a power of two; 0 or 1 remembers nothing */
    TokenMemo(int capacity) {
        int size = capacity <= 0 ? 0 : Integer.highestOneBit(Math.max(1, capacity - 1)) << 1;
        this.keys = new long[2 * size];
        this.entries = new Entry[size];
        this.mask = size - 1;
    }

    /** The lookup key of a token: never 0, which marks an empty slot. */
    static long key(String text, int start, int stop, TokenKind kind) {
        int length = stop - start;
        if (length <= 2 * MAX_PACKED) {
            long packed = kind.ordinal() + 1;
            int packedStop = Math.min(stop, start + MAX_PACKED);
            int k = start;
            while (k < packedStop && text.charAt(k) < 0x80) {
                packed = packed << 7 | text.charAt(k);
                k++;
            }
            if (k == packedStop && (length <= MAX_PACKED || ascii(text, packedStop, stop))) {
                return length <= MAX_PACKED ? packed : SPLIT | packed;
            }
        }
        int h = kind.ordinal();
        for (int k = start; k < stop; k++) {
            h = 31 * h + text.charAt(k);
        }
        return HASHED | (h & 0xFFFFFFFFL);
    }

    /** The chars after the first 8 of a {@link #SPLIT} key, packed behind a 1 that marks their count; else 0. */
    static long secondKey(String text, int start, int stop, long key) {
        if ((key & SPLIT) == 0) {
            return 0;
        }
        long packed = 1;
        for (int k = start + MAX_PACKED; k < stop; k++) {
            packed = packed << 7 | text.charAt(k);
        }
        return packed;
    }

    private static boolean ascii(String text, int start, int stop) {
        for (int k = start; k < stop; k++) {
            if (text.charAt(k) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private int slot(long key, long secondKey) {
        return (int) (((key ^ secondKey * 0xC2B2AE3D27D4EB4FL) * 0x9E3779B97F4A7C15L) >>> 32) & mask;
    }

    /** The remembered single-char token, creating it on first use. */
    Entry single(char c, TokenKind kind, TextNormalizer normalizer) {
        int index = c * KINDS + kind.ordinal();
        Entry entry = singles[index];
        if (entry == null) {
            String surface = String.valueOf(c);
            String norm = normalizer.normalize(surface);
            entry = new Entry(surface, norm, kind == TokenKind.WORD ? Lemmatizer.english().baseForm(norm) : norm, kind);
            singles[index] = entry;
        }
        return entry;
    }

    Entry find(String text, int start, int stop, long key, long secondKey) {
        if (keys.length == 0) {
            return null;
        }
        int slot = slot(key, secondKey);
        if (keys[2 * slot] != key || keys[2 * slot + 1] != secondKey) {
            slot ^= 1;
            if (keys[2 * slot] != key || keys[2 * slot + 1] != secondKey) {
                return null;
            }
        }
        Entry entry = entries[slot];
        if ((key & HASHED) == 0) {
            return entry;
        }
        String surface = entry.surface;
        if (surface.length() != stop - start) {
            return null;
        }
        return surface.regionMatches(0, text, start, stop - start) ? entry : null;
    }

    /** Puts the entry first in its pair of slots, moving the pair's other entry second. */
    void remember(long key, long secondKey, Entry entry) {
        if (entries.length > 1 && entry.surface.length() <= MAX_TOKEN_LENGTH) {
            int slot = slot(key, secondKey);
            int at = 2 * slot;
            int other = 2 * (slot ^ 1);
            if (keys[at] != 0 && (keys[at] != key || keys[at + 1] != secondKey)) {
                keys[other] = keys[at];
                keys[other + 1] = keys[at + 1];
                entries[slot ^ 1] = entries[slot];
            }
            keys[at] = key;
            keys[at + 1] = secondKey;
            entries[slot] = entry;
        }
    }
}
