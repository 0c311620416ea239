package org.frametag.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.frametag.api.RulePackException;
import org.frametag.core.text.Document;
import org.frametag.rules.examples.RuleExamples;
import org.frametag.rules.format.JsonlResultWriter;
import org.frametag.rules.pack.PackFile;
import org.frametag.rules.pack.RulePack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled pack as the build precompiled it (Drools' executable model) is taken for its own
 * rules only, and tags every example as the pack compiled from its DRL does, byte for byte.
 */
class PrecompiledPackTest {

    private static Classifier drl;
    private static Classifier precompiled;

    @BeforeAll
    static void compileBothWays() throws RulePackException {
        drl = RuleCompiler.defaults().compile(RulePack.bundled());
        precompiled = RuleCompiler.defaults().precompiled().compile(RulePack.bundled());
    }

    @Test
    void theBundledPackIsTakenAsPrecompiledWithItsOutlineAndScope() {
        assertThat(drl.fromCache()).isFalse();
        assertThat(precompiled.fromCache()).isTrue();
        assertThat(precompiled.kieBase()).isNotSameAs(drl.kieBase());
        assertThat(precompiled.outline()).isEqualTo(drl.outline());
        assertThat(precompiled.ruleNames()).isEqualTo(drl.ruleNames());
        assertThat(precompiled.warnings()).isEqualTo(drl.warnings());
        assertThat(precompiled.scope()).isNotNull();
        assertThat(precompiled.scope().ruleCount()).isEqualTo(drl.scope().ruleCount());
        assertThat(ConceptDispatch.of(precompiled.kieBase())).isNotNull();
    }

    @Test
    void everyExampleAndCounterexampleIsTaggedAsTheDrlTagsIt() {
        List<RuleExamples> examples = drl.examples();
        List<Document> documents = IntStream.range(0, examples.size())
                .mapToObj(i -> {
                    List<String> sentences = new ArrayList<>(examples.get(i).examples());
                    sentences.addAll(examples.get(i).counterexamples());
                    return Document.of("rule-" + i, String.join(" ", sentences));
                })
                .toList();

        String fromDrl = lines(drl, documents);
        String fromModel = lines(precompiled, documents);

        assertThat(fromModel).isEqualTo(fromDrl);
        assertThat(fromDrl).contains("\"category\"");
    }

    @Test
    void aPackWhoseRulesAreNotTheBundledOnesIsCompiledFromItsDrl() throws RulePackException {
        RulePack bundled = RulePack.bundled();
        List<PackFile> files = bundled.files().stream()
                .map(f -> f.path().endsWith("sovereignty.drl") ? new PackFile(f.path(), f.content() + "\n// edited\n") : f)
                .toList();

        Classifier edited = RuleCompiler.defaults().precompiled().compile(new RulePack("edited", files));

        assertThat(edited.fromCache()).isFalse();
        assertThat(edited.ruleNames()).isEqualTo(drl.ruleNames());
    }

    private static String lines(Classifier classifier, List<Document> documents) {
        StringBuilder out = new StringBuilder();
        documents.forEach(d -> out.append(JsonlResultWriter.lines(classifier.classify(d))));
        return out.toString();
    }
}
