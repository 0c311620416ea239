package org.frametag.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.frametag.api.ClassifiedDocument;
import org.frametag.core.text.Document;
import org.frametag.rules.pack.RulePack;
import org.junit.jupiter.api.Test;
import org.kie.api.runtime.KieSession;

/** A session reset by {@link LeanReset} tags each document exactly as one reset by Drools. */
class LeanResetTest {

    @Test
    void theBundledPackTagsDocumentsInTurnAsWithDroolsResetAndTakesIt() throws Exception {
        Classifier lean = RuleCompiler.defaults().compile(RulePack.bundled());
        Classifier drools = lean.withDroolsReset();
        List<Document> documents = new ArrayList<>(TestPacks.seedDocuments());
        documents.add(Document.of("short", "Hackers attacked the election commission's website. Nobody was hurt."));
        documents.add(Document.of("empty", "Prices rose."));
        List<Document> again = new ArrayList<>(TestPacks.seedDocuments());
        Collections.reverse(again);
        documents.addAll(again);

        List<ClassifiedDocument> leanTags = documents.stream().map(lean::classify).toList();
        List<ClassifiedDocument> droolsTags = documents.stream().map(drools::classify).toList();

        assertThat(leanTags).isEqualTo(droolsTags);
        assertThat(leanTags.get(0)).isEqualTo(leanTags.get(leanTags.size() - 1));
        assertThat(leanTags).anyMatch(d -> d.sentences().stream().anyMatch(s -> !s.tags().isEmpty()));
        KieSession pooled = lean.kieBase().newKieSessionsPool(1).newKieSession();
        assertThat(LeanReset.install(pooled)).isTrue();
        assertThat(LeanReset.install(pooled)).isTrue();
        pooled.dispose();
    }
}
