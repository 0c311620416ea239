package org.frametag.seeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.frametag.api.ClassifiedDocument;
import org.frametag.api.Frametag;
import org.frametag.api.RulePackException;
import org.frametag.core.io.DocumentReader;
import org.frametag.core.io.ReadResult;
import org.frametag.rules.format.JsonlResultWriter;
import org.junit.jupiter.api.Test;

/**
 * The seeds get the same JSON Lines from the bundled pack as precompiled (the default), as compiled
 * from its DRL, and with only the rules each seed needs built on demand.
 */
class PrecompiledSeedsTest {

    @Test
    void bothWaysOfLoadingTheBundledPackWriteTheSameRecords() throws RulePackException {
        Frametag compiled = Frametag.loader().precompiled(false).load();

        String precompiledLines = lines(Seeds.frametag(), Seeds.classified());
        String compiledLines = lines(compiled, DocumentReader.defaults().read(Seeds.DOCS)
                .map(r -> compiled.classify(((ReadResult.Loaded) r).document())).toList());

        assertThat(precompiledLines).isEqualTo(compiledLines);
        assertThat(precompiledLines.lines()).hasSizeBetween(120, 125);
    }

    @Test
    void eachSeedTaggedWithOnlyTheRulesItNeedsGetsTheSameRecords() throws RulePackException {
        List<ClassifiedDocument> all = Seeds.classified();
        for (ClassifiedDocument expected : all) {
            Frametag onDemand = Frametag.loader().rulesOnDemand(true).load();
            ClassifiedDocument tagged = onDemand.classify(expected.document());

            assertThat(JsonlResultWriter.lines(tagged)).as(expected.document().id()).isEqualTo(JsonlResultWriter.lines(expected));
        }
    }

    private static String lines(Frametag frametag, List<ClassifiedDocument> documents) {
        StringBuilder out = new StringBuilder();
        documents.forEach(d -> out.append(JsonlResultWriter.lines(d)));
        return out.toString();
    }
}
