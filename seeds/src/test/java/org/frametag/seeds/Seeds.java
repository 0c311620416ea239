package org.frametag.seeds;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.frametag.api.ClassifiedDocument;
import org.frametag.api.Frametag;
import org.frametag.api.RulePackException;
import org.frametag.core.io.DocumentReader;
import org.frametag.core.io.ReadResult;
import org.frametag.rules.eval.GoldFile;
import org.frametag.rules.eval.GoldSentence;

/** The seed documents classified once with the bundled pack, through the public API, shared by the regression tests. */
final class Seeds {

    static final Path DOCS = Path.of("docs");
    static final Path GOLD = Path.of("gold", "seeds.gold.jsonl");

    /** Compiled and classified on first use, once per test run. */
    private static final class Classified {
        static final Frametag FRAMETAG;
        static final List<ClassifiedDocument> DOCUMENTS;

        static {
            try {
                FRAMETAG = Frametag.bundled();
            } catch (RulePackException e) {
                throw new IllegalStateException("the bundled pack does not compile:\n" + e.getMessage(), e);
            }
            DOCUMENTS = DocumentReader.defaults().read(DOCS)
                    .map(r -> FRAMETAG.classify(((ReadResult.Loaded) r).document()))
                    .toList();
        }
    }

    static Frametag frametag() {
        return Classified.FRAMETAG;
    }

    static List<ClassifiedDocument> classified() {
        return Classified.DOCUMENTS;
    }

    static List<GoldSentence> gold() throws IOException {
        return GoldFile.read(GOLD);
    }

    private Seeds() {
    }
}
