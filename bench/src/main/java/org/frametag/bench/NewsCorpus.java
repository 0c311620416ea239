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

/** News text for benchmarks: one article per blank-line-separated block. */
public final class NewsCorpus {

    /** A 1 MB slice of the Reuters-21578 article bodies, shipped with the benchmarks. */
    public static final String SLICE = "/corpus/reuters-slice.txt";

    public static String slice() {
        try (InputStream in = NewsCorpus.class.getResourceAsStream(SLICE)) {
            if (in == null) {
                throw new IllegalStateException("benchmark corpus missing: " + SLICE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** The articles of {@code text}, each a document with id {@code a<N>}. */
    public static List<Document> articles(String text) {
        List<Document> documents = new ArrayList<>();
        for (String block : text.split("\\n\\s*\\n")) {
            String article = block.strip();
            if (!article.isEmpty()) {
                documents.add(Document.of("a" + documents.size(), article));
            }
        }
        return documents;
    }

    private NewsCorpus() {
    }
}
