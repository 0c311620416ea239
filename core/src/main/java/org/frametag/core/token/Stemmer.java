package org.frametag.core.token;

import java.util.HashMap;
import java.util.Map;
import opennlp.tools.stemmer.snowball.SnowballStemmer;

/**
 * English Snowball (Porter2) stems, so one term-list entry matches a word's inflections and
 * derivations ("interfere", "interfering", "interference").
 *
 * <p>News repeats a small vocabulary, so stems are memoised in a bounded cache. The Snowball
 * stemmer keeps state, so each thread gets its own stemmer and cache, owned by this instance:
 * nothing is shared between threads and nothing is static.
 */
final class Stemmer {

    private final int cacheSize;
    private final ThreadLocal<PerThread> perThread;

    Stemmer(int cacheSize) {
        if (cacheSize < 0) {
            throw new IllegalArgumentException("cacheSize must not be negative: " + cacheSize);
        }
        this.cacheSize = cacheSize;
        this.perThread = ThreadLocal.withInitial(PerThread::new);
    }

    String stem(String normalizedWord) {
        PerThread state = perThread.get();
        String stem = state.cache.get(normalizedWord);
        if (stem == null) {
            stem = state.stemmer.stem(normalizedWord).toString();
            if (state.cache.size() >= cacheSize) {
                state.cache.clear();
            }
            if (cacheSize > 0) {
                state.cache.put(normalizedWord, stem);
            }
        }
        return stem;
    }

    private static final class PerThread {
        final SnowballStemmer stemmer = new SnowballStemmer(SnowballStemmer.ALGORITHM.ENGLISH);
        final Map<String, String> cache = new HashMap<>();
    }
}
