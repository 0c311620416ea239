package org.frametag.core.token;

import opennlp.tools.stemmer.snowball.SnowballStemmer;

/**
 * English Snowball (Porter2) stems, applied until they stop changing, so one term-list entry
 * matches a word's inflections and derivations: a single pass gives "interfer" for
 * "interference" but "interf" for "interfering"; the second pass brings them together.
 * Stemming costs far more than finding a token, so recent stems are kept by normalised form:
 * "Vote", "vote" and "VOTE" are stemmed once. Not thread-safe: the underlying stemmer keeps
 * state, so each thread gets its own (see {@link TokenMemo}).
 */
final class Stemmer {

    private static final int MAX_PASSES = 3;
    private static final int CACHE_BITS = 14;

    private final SnowballStemmer stemmer = new SnowballStemmer(SnowballStemmer.ALGORITHM.ENGLISH);
    private final String[] words = new String[1 << CACHE_BITS];
    private final String[] stems = new String[1 << CACHE_BITS];

    String stem(String normalizedWord) {
        int slot = (normalizedWord.hashCode() * 0x9E3779B9) >>> (Integer.SIZE - CACHE_BITS);
        if (normalizedWord.equals(words[slot])) {
            return stems[slot];
        }
        String stem = normalizedWord;
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            String next = stemmer.stem(stem).toString();
            if (next.equals(stem)) {
                break;
            }
            stem = next;
        }
        words[slot] = normalizedWord;
        stems[slot] = stem;
        return stem;
    }
}
