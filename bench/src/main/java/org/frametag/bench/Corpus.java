package org.frametag.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.frametag.core.text.Document;

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

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** Size in megabytes (10^6 bytes) of the UTF-8 text, the unit of the MB/s figures. */
    static double megabytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length / 1e6;
    }

    /** The articles of {@code text} (blank-line-separated blocks), each a document with id {@code a<N>}. */
    static List<Document> articles(String text) {
        List<Document> documents = new ArrayList<>();
        for (String block : text.split("\\n\\s*\\n")) {
            String article = block.strip();
            if (!article.isEmpty()) {
                documents.add(Document.of("a" + documents.size(), article));
            }
        }
        return documents;
    }
}
