package org.frametag.rules.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.frametag.api.ClassifiedDocument;
import org.frametag.core.text.Document;
import org.frametag.rules.pack.RulePack;

/** Writes small rule packs for tests. */
final class TestPacks {

    static final String HEADER = """
            package test

            import org.frametag.rules.facts.Sentence
            import org.frametag.rules.facts.Mention
            import org.frametag.rules.facts.Tagged
            global org.frametag.rules.engine.Tagger tagger

            """;

    /** The documents classified with the pack's dispatches in place, then with Drools' own propagation, which stays. */
    static List<List<ClassifiedDocument>> dispatchedThenPlain(Classifier classifier, List<Document> documents) {
        List<ClassifiedDocument> dispatched = documents.stream().map(classifier::classify).toList();
        if (!ConceptDispatch.remove(classifier.kieBase())) {
            throw new IllegalStateException("no dispatch was in place");
        }
        return List.of(dispatched, documents.stream().map(classifier::classify).toList());
    }

    static RulePack write(Path dir, Map<String, String> files) {
        try {
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path file = dir.resolve(f.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, f.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return RulePack.fromFolder(dir);
    }

    private TestPacks() {
    }

    /** The seed documents, in the order of their file names. */
    static List<Document> seedDocuments() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("../seeds/docs"))) {
            return files.sorted().map(TestPacks::read).toList();
        }
    }

    private static Document read(Path file) {
        try {
            return Document.of(file.getFileName().toString(), Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
