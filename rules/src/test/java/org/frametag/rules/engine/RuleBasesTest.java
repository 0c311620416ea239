package org.frametag.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.frametag.api.RulePackException;
import org.frametag.core.text.Document;
import org.frametag.rules.examples.RuleExamples;
import org.frametag.rules.format.JsonlResultWriter;
import org.frametag.rules.pack.RulePack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled pack's rules built on demand tag as all of them built at once do: a document gets a
 * rule base of only the rules it can match, and a later one that needs more gets all of them.
 */
class RuleBasesTest {

    private static Classifier all;
    private static PrecompiledPack model;
    private static List<Document> documents;

    @BeforeAll
    static void loadThePack() throws RulePackException {
        all = RuleCompiler.defaults().precompiled().compile(RulePack.bundled());
        model = PrecompiledPack.inThisBuild().orElseThrow();
        List<RuleExamples> examples = all.examples();
        // every 25th rule's examples and counterexamples, a document each: some 30 documents of every category
        documents = IntStream.range(0, examples.size()).filter(i -> i % 25 == 0)
                .mapToObj(i -> {
                    List<String> sentences = new ArrayList<>(examples.get(i).examples());
                    sentences.addAll(examples.get(i).counterexamples());
                    return Document.of("rule-" + i, String.join(" ", sentences));
                })
                .toList();
    }

    private static Classifier onDemand() {
        RuleScope scope = model.scope().orElseThrow();
        return all.with(RuleBases.onDemand(scope,
                () -> RuleCompiler.running(model.entry()), names -> model.entry(names, scope).map(RuleCompiler::running)));
    }

    @Test
    void aDocumentIsTaggedWithTheRulesItCanMatchAsWithAllTheRules() {
        int rules = all.ruleNames().size();
        for (Document document : documents) {
            Classifier classifier = onDemand();

            String tagged = JsonlResultWriter.lines(classifier.classify(document));

            assertThat(tagged).as(document.id()).isEqualTo(JsonlResultWriter.lines(all.classify(document)));
            assertThat(classifier.ruleBases().allBuilt()).as(document.id()).isFalse();
            long built = classifier.ruleBases().first().kieBase().getKiePackages().stream().mapToLong(p -> p.getRules().size()).sum();
            assertThat(built).as(document.id()).isPositive().isLessThan(rules / 2);
        }
    }

    @Test
    void aLaterDocumentThatNeedsOtherRulesGetsAllOfThem() {
        Classifier classifier = onDemand();
        Document first = Document.of("first", "Voters queued at polling stations in the capital.");
        Document second = Document.of("second", "Foreign hackers attacked the election commission's website.");

        String tagged = JsonlResultWriter.lines(classifier.classify(first));
        boolean allAfterFirst = classifier.ruleBases().allBuilt();
        String again = JsonlResultWriter.lines(classifier.classify(first));
        boolean allAfterAgain = classifier.ruleBases().allBuilt();
        String later = JsonlResultWriter.lines(classifier.classify(second));

        assertThat(allAfterFirst).isFalse();
        assertThat(allAfterAgain).isFalse();
        assertThat(classifier.ruleBases().allBuilt()).isTrue();
        assertThat(tagged).isEqualTo(again).isEqualTo(JsonlResultWriter.lines(all.classify(first)));
        assertThat(later).isEqualTo(JsonlResultWriter.lines(all.classify(second))).contains("SECURITY_INCIDENT");
    }

    @Test
    void theRulesADocumentNeedsAreTheRulesThatCanMatchInIt() {
        Classifier classifier = onDemand();

        classifier.classify(Document.of("quiet", "The weather was mild on Sunday."));
        RuleBases.Running quiet = classifier.ruleBases().first();

        assertThat(quiet.kieBase().getKiePackages().stream().mapToLong(p -> p.getRules().size()).sum())
                .isLessThan(all.ruleNames().size() / 10);
    }
}
