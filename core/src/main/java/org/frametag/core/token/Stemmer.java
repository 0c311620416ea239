package org.frametag.core.token;

import opennlp.tools.stemmer.snowball.SnowballStemmer;

/**
 * English Snowball (Porter2) stems, applied until they stop changing, so one term-list entry
 * matches a word's inflections and derivations: a single pass gives "interfer" for
 * "interference" but "interf" for "interfering"; the second pass brings them together.
 * Not thread-safe: the underlying stemmer keeps state, so each tokenizer owns one per thread.
 */
final class Stemmer {

    private final ThreadLocal<SnowballStemmer> stemmer =
            ThreadLocal.withInitial(() -> new SnowballStemmer(SnowballStemmer.ALGORITHM.ENGLISH));

    private static final int MAX_PASSES = 3;

    String stem(String normalizedWord) {
        SnowballStemmer snowball = stemmer.get();
        String stem = normalizedWord;
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            String next = snowball.stem(stem).toString();
            if (next.equals(stem)) {
                break;
            }
            stem = next;
        }
        return stem;
    }
}
