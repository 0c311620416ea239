package org.frametag.seeds;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.frametag.api.ClassifiedDocument;
import org.frametag.api.RulePackException;
import org.frametag.core.io.DocumentReader;
import org.frametag.core.io.Inputs;
import org.frametag.core.io.ReadResult;
import org.frametag.rules.engine.Classifier;
import org.frametag.rules.engine.RuleCompiler;
import org.frametag.rules.eval.GoldFile;
import org.frametag.rules.eval.GoldSentence;
import org.frametag.rules.pack.RulePack;

/** The seed documents classified once with the bundled pack, shared by the regression tests. */
final class Seeds {

    static final Path DOCS = Path.of("docs");
    static final Path GOLD = Path.of("gold", "seeds.gold.jsonl");

    private static Classifier classifier;
    private static List<ClassifiedDocument> classified;

    static synchronized Classifier classifier() throws RulePackException {
        if (classifier == null) {
            classifier = RuleCompiler.defaults().compile(RulePack.bundled());
        }
        return classifier;
    }

    static synchronized List<ClassifiedDocument> classified() throws RulePackException {
        if (classified == null) {
            Classifier c = classifier();
            classified = DocumentReader.defaults()
                    .read(Inputs.defaults().expand(List.of(DOCS.toString()), System.in))
                    .map(r -> c.classify(((ReadResult.Loaded) r).document()))
                    .toList();
        }
        return classified;
    }

    static List<GoldSentence> gold() throws IOException {
        return GoldFile.read(GOLD);
    }

    private Seeds() {
    }
}
