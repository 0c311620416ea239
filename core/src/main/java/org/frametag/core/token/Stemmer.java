package org.frametag.core.token;

import opennlp.tools.stemmer.snowball.SnowballStemmer;

/**
 * English Snowball (Porter2) stems, so one term-list entry matches a word's inflections and
 * derivations ("interfere", "interfering", "interference").
 * Not thread-safe: the underlying stemmer keeps state, so each tokenizer owns one per thread.
 */
final class Stemmer {

    private final ThreadLocal<SnowballStemmer> stemmer =
            ThreadLocal.withInitial(() -> new SnowballStemmer(SnowballStemmer.ALGORITHM.ENGLISH));

    String stem(String normalizedWord) {
        return stemmer.get().stem(normalizedWord).toString();
    }
}
