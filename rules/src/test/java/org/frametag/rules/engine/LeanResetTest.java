package org.frametag.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.drools.core.common.Memory;
import org.drools.core.common.NodeMemories;
import org.drools.core.reteoo.BetaMemory;
import org.drools.core.reteoo.PathMemory;
import org.drools.core.reteoo.SegmentMemory;
import org.drools.core.reteoo.TupleMemory;
import org.drools.core.util.AbstractHashTable;
import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
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
        List<Document> documents = documentsInTurn();

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

    @Test
    void afterEachDocumentThePooledSessionIsInTheStateDroolsResetLeavesIt() throws Exception {
        Classifier lean = RuleCompiler.defaults().compile(RulePack.bundled());
        Classifier drools = lean.withDroolsReset();

        for (Document document : documentsInTurn()) {
            lean.classify(document);
            drools.classify(document);

            assertThat(state(lean)).as(document.id()).isEqualTo(state(drools));
        }
    }

    @Test
    void afterTheFirstDocumentAResetVisitsOnlyTheMemoriesOfTheRulesADocumentReached() throws Exception {
        Classifier lean = RuleCompiler.defaults().compile(RulePack.bundled());
        Document attack = Document.of("short", "Hackers attacked the election commission's website. Nobody was hurt.");
        lean.classify(attack);
        lean.classify(attack);

        KieSession session = lean.sessions().newKieSession();
        try {
            LeanReset memories = (LeanReset) ((StatefulKnowledgeSessionImpl) session).getNodeMemories();
            assertThat(memories.lastVisited()).isPositive().isLessThan(memories.length() / 10);
        } finally {
            session.dispose();
        }
    }

    /** The seed documents, a short and a plain one, then the seeds backwards. */
    private static List<Document> documentsInTurn() throws IOException {
        List<Document> documents = new ArrayList<>(TestPacks.seedDocuments());
        documents.add(Document.of("short", "Hackers attacked the election commission's website. Nobody was hurt."));
        documents.add(Document.of("empty", "Prices rose."));
        List<Document> again = new ArrayList<>(TestPacks.seedDocuments());
        Collections.reverse(again);
        documents.addAll(again);
        return documents;
    }

    /** Every memory of the pooled session: its tuples, tables, counters and links, and those of its segment. */
    private static List<String> state(Classifier classifier) {
        KieSession session = classifier.sessions().newKieSession();
        try {
            NodeMemories memories = ((StatefulKnowledgeSessionImpl) session).getNodeMemories();
            List<String> state = new ArrayList<>();
            for (int id = 0; id < memories.length(); id++) {
                Memory memory = memories.peekNodeMemory(id);
                if (memory == null) {
                    continue;
                }
                StringBuilder line = new StringBuilder().append(id).append(' ').append(memory.getClass().getSimpleName());
                if (memory instanceof BetaMemory<?> join) {
                    line.append(" left ").append(tuples(join.getLeftTupleMemory())).append(" right ").append(tuples(join.getRightTupleMemory()))
                            .append(" counter ").append(join.getCounter()).append(" staged ").append(!join.getStagedRightTuples().isEmpty());
                }
                if (memory instanceof PathMemory path) {
                    line.append(" linked segments ").append(path.getLinkedSegmentMask()).append(" rule linked ").append(path.isRuleLinked());
                }
                SegmentMemory segment = memory.getSegmentMemory();
                if (segment != null) {
                    line.append(" segment ").append(segment.getRootNode().getId()).append(" linked nodes ").append(segment.getLinkedNodeMask())
                            .append(" dirty ").append(segment.getDirtyNodeMask()).append(" staged ").append(!segment.getStagedLeftTuples().isEmpty());
                }
                state.add(line.toString());
            }
            return state;
        } finally {
            session.dispose();
        }
    }

    private static String tuples(TupleMemory tuples) {
        if (tuples == null) {
            return "none";
        }
        String size = tuples.getClass().getSimpleName() + " " + tuples.size();
        if (tuples instanceof AbstractHashTable table) {
            long used = Arrays.stream(table.getTable()).filter(Objects::nonNull).count();
            return size + " of " + table.getTable().length + " slots, " + used + " used";
        }
        return size;
    }
}
