package org.frametag.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The benchmark corpus: about 1 MB of Reuters-21578 news bodies, one article per paragraph. */
final class Corpus {

    static final String RESOURCE = "corpus/reuters-slice.txt";

    private Corpus() {
    }

    static String text() {
        try (InputStream in = Corpus.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Size in megabytes (10^6 bytes) of the UTF-8 text, the unit of the MB/s figures. */
    static double megabytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length / 1e6;
    }
}
