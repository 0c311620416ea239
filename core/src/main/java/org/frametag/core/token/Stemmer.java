package org.frametag.core.token;

import opennlp.tools.stemmer.snowball.SnowballStemmer;

/**
 * English Snowball (Porter2) stems, so one term-list entry matches a word's inflections and
 * derivations ("interfere", "interfering", "interference").
 * Not thread-safe: the underlying stemmer keeps state, so each thread gets its own (see {@link TokenMemo}).
 */
final class Stemmer {

    private final SnowballStemmer stemmer = new SnowballStemmer(SnowballStemmer.ALGORITHM.ENGLISH);

    String stem(String normalizedWord) {
        return stemmer.stem(normalizedWord).toString();
    }
}
