package org.frametag.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.drools.base.base.ClassObjectType;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.CompositeObjectSinkAdapter;
import org.drools.core.reteoo.LeftInputAdapterNode;
import org.drools.core.reteoo.ObjectSinkPropagator;
import org.drools.core.reteoo.ObjectTypeNode;
import org.frametag.api.ClassifiedDocument;
import org.frametag.core.text.Document;
import org.frametag.rules.facts.Sentence;
import org.frametag.rules.facts.Token;
import org.frametag.rules.pack.RulePack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sentences sent only to the rules that can match in them get exactly the tags of Drools' own propagation. */
class SentenceDispatchTest {

    @TempDir
    Path dir;

    private static final String RULES = TestPacks.HEADER + "dialect \"mvel\"\n\n" + """
            rule "a threat to a vote"
            when
                $s : Sentence()
                Mention(sentence == $s.index, concept == "threat")
                Mention(sentence == $s.index, concept == "vote")
            then
                tagger.tag($s, "SECURITY_INCIDENT");
            end

            rule "fraud after a threat in the sentence before"
            when
                $s : Sentence()
                Mention(sentence == $s.index, concept == "fraud")
                $before : Sentence(index == $s.index - 1)
                Mention(sentence == $before.index, concept == "threat")
            then
                tagger.tag($s, "DELEGITIMIZATION");
            end

            rule "a vote not followed by a possessive"
            when
                $s : Sentence()
                $vote : Mention(sentence == $s.index, concept == "vote")
                not org.frametag.rules.facts.Token(sentence == $s.index, index == $vote.last + 1, text == "'s")
            then
                tagger.tag($s, "ELECTION");
            end

            rule "a sentence with no denial after a fraud"
            when
                $f : Mention(concept == "fraud")
                $s : Sentence(index > $f.sentence)
                not Mention(sentence == $s.index, concept == "denial")
            then
                tagger.tag($s, "DELEGITIMIZATION");
            end
            """;

    private static final Map<String, String> TERMS = Map.of(
            "categories.txt", "SECURITY_INCIDENT\nDELEGITIMIZATION\nELECTION\n",
            "terms/threat.txt", "threat\nthreatened\n",
            "terms/vote.txt", "vote\n",
            "terms/fraud.txt", "fraud\n",
            "terms/denial.txt", "denied\n");

    @Test
    void aScopedPackGetsTheSameTagsAsWithoutTheDispatches() throws Exception {
        Map<String, String> files = new HashMap<>(TERMS);
        files.put("rules.drl", RULES);
        Classifier classifier = RuleCompiler.defaults().compile(TestPacks.write(dir, files));
        List<Document> documents = List.of(
                Document.of("a", "They threatened the vote. Fraud was alleged. Fraud was denied. Nothing else. The vote's day came."),
                Document.of("b", "Fraud came first. A threat followed. The vote was held."),
                Document.of("c", "Nothing here."));

        assertThat(SentenceDispatch.install(classifier.kieBase(), classifier.scope())).isFalse();   // already in place
        List<List<ClassifiedDocument>> both = TestPacks.dispatchedThenPlain(classifier, documents);
        List<ClassifiedDocument> dispatched = both.get(0);

        assertThat(dispatched).isEqualTo(both.get(1));
        assertThat(tags(dispatched.get(0))).containsExactly("[ELECTION, SECURITY_INCIDENT]", "[DELEGITIMIZATION]", "[]", "[DELEGITIMIZATION]", "[DELEGITIMIZATION]");
        assertThat(tags(dispatched.get(1))).containsExactly("[]", "[DELEGITIMIZATION]", "[DELEGITIMIZATION, ELECTION]");
    }

    @Test
    void theBundledPackTagsDocumentsAsWithoutTheDispatches() throws Exception {
        Classifier classifier = RuleCompiler.defaults().compile(RulePack.bundled());
        List<Document> documents = new ArrayList<>(TestPacks.seedDocuments());
        documents.add(Document.of("short", "Hackers attacked the election commission's website. Nobody was hurt."));
        documents.add(Document.of("plain", "Prices rose. The central bank kept its rate."));

        assertThat(SentenceDispatch.install(classifier.kieBase(), classifier.scope())).isFalse();   // already in place
        List<List<ClassifiedDocument>> both = TestPacks.dispatchedThenPlain(classifier, documents);
        List<ClassifiedDocument> dispatched = both.get(0);

        assertThat(dispatched).isEqualTo(both.get(1));
        assertThat(dispatched).anyMatch(d -> d.sentences().stream().anyMatch(s -> !s.tags().isEmpty()));
    }

    @Test
    void tokensGoOnlyToTheirRulesWhenDroolsHashesTheirTests() throws Exception {
        // three tests of the token's text against a literal: Drools hashes them, and they come first in its order
        String rules = TestPacks.HEADER + "dialect \"mvel\"\n\n" + """
                rule "a vote of"
                when
                    $s : Sentence()
                    $vote : Mention(sentence == $s.index, concept == "vote")
                    org.frametag.rules.facts.Token(sentence == $s.index, index == $vote.last + 1, text == "of")
                then
                    tagger.tag($s, "ELECTION");
                end

                rule "a threat to"
                when
                    $s : Sentence()
                    $threat : Mention(sentence == $s.index, concept == "threat")
                    org.frametag.rules.facts.Token(sentence == $s.index, index == $threat.last + 1, text == "to")
                then
                    tagger.tag($s, "SECURITY_INCIDENT");
                end

                rule "fraud over"
                when
                    $s : Sentence()
                    $fraud : Mention(sentence == $s.index, concept == "fraud")
                    org.frametag.rules.facts.Token(sentence == $s.index, index == $fraud.last + 1, text == "over")
                    not org.frametag.rules.facts.Token(sentence == $s.index, kind == "NUMBER")
                then
                    tagger.tag($s, "DELEGITIMIZATION");
                end
                """;
        Map<String, String> files = new HashMap<>(TERMS);
        files.put("rules.drl", rules);
        Classifier classifier = RuleCompiler.defaults().compile(TestPacks.write(dir, files));
        List<Document> documents = List.of(
                Document.of("a", "A vote of thanks. A threat to the vote of 2024. Fraud over the threat to it."),
                Document.of("b", "Fraud over 3 counties. The vote to come. A threat of fraud over it."));

        assertThat(tokenPropagator(classifier)).isInstanceOf(SentenceDispatch.class);
        assertThat(((CompositeObjectSinkAdapter) ((GatedPropagator) tokenPropagator(classifier)).plain)
                .getHashedSinkMap()).hasSize(3);
        List<List<ClassifiedDocument>> both = TestPacks.dispatchedThenPlain(classifier, documents);

        assertThat(both.get(0)).isEqualTo(both.get(1));
        assertThat(tags(both.get(0).get(0))).containsExactly("[ELECTION]", "[ELECTION, SECURITY_INCIDENT]", "[DELEGITIMIZATION, SECURITY_INCIDENT]");
        assertThat(tags(both.get(0).get(1))).containsExactly("[]", "[]", "[DELEGITIMIZATION]");
    }

    private static ObjectSinkPropagator tokenPropagator(Classifier classifier) {
        return typeNode(classifier, Token.class).getObjectSinkPropagator();
    }

    @Test
    void eachRuleStartsFromItsOwnNodeUnlessThePackCannotBeScoped() throws Exception {
        Map<String, String> scoped = new HashMap<>(TERMS);
        scoped.put("rules.drl", RULES);
        Map<String, String> javaDialect = new HashMap<>(TERMS);
        javaDialect.put("rules.drl", RULES.replace("dialect \"mvel\"", ""));
        Classifier own = RuleCompiler.defaults().compile(TestPacks.write(dir.resolve("own"), scoped));
        Classifier shared = RuleCompiler.defaults().compile(TestPacks.write(dir.resolve("shared"), javaDialect));
        Document document = Document.of("a", "They threatened the vote. Fraud was alleged. Fraud was denied. The vote's day came.");

        assertThat(own.scope()).isNotNull();
        assertThat(shared.scope()).isNull();
        assertThat(sentenceStarts(own)).isEqualTo(3);
        assertThat(sentenceStarts(shared)).isEqualTo(1);
        assertThat(tags(shared.classify(document))).isEqualTo(tags(own.classify(document)))
                .containsExactly("[ELECTION, SECURITY_INCIDENT]", "[DELEGITIMIZATION]", "[]", "[DELEGITIMIZATION]");
    }

    /** How many nodes a sentence goes to from its type node: one per rule that starts from it, or one shared. */
    private static long sentenceStarts(Classifier classifier) {
        return Arrays.stream(typeNode(classifier, Sentence.class).getObjectSinkPropagator().getSinks())
                .filter(sink -> sink instanceof LeftInputAdapterNode).count();
    }

    private static ObjectTypeNode typeNode(Classifier classifier, Class<?> type) {
        return ((InternalRuleBase) classifier.kieBase()).getRete().getObjectTypeNodes().stream()
                .filter(n -> n.getObjectType() instanceof ClassObjectType t && t.getClassType() == type)
                .findFirst().orElseThrow();
    }

    private static List<String> tags(ClassifiedDocument document) {
        return document.sentences().stream().map(s -> s.tags().stream().map(t -> t.category()).sorted().toList().toString()).toList();
    }
}
