package org.frametag.core.token;

import opennlp.tools.stemmer.snowball.SnowballStemmer;

/**
 * English Snowball (Porter2) stems, applied until they stop changing, so one term-list entry
 * matches a word's inflections and derivations: a single pass gives "interfer" for
 * "interference" but "interf" for "interfering"; the second pass brings them together.
 * Not thread-safe: the underlying stemmer keeps state, so each thread gets its own (see {@link TokenMemo}).
 */
final class Stemmer {

    private static final int MAX_PASSES = 3;

    private final SnowballStemmer stemmer = new SnowballStemmer(SnowballStemmer.ALGORITHM.ENGLISH);

    String stem(String normalizedWord) {
        String stem = normalizedWord;
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            String next = stemmer.stem(stem).toString();
            if (next.equals(stem)) {
                break;
            }
            stem = next;
        }
        return stem;
    }
}
