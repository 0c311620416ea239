package org.frametag.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.frametag.api.ClassifiedDocument;
import org.frametag.api.SentenceResult;
import org.frametag.api.Tag;
import org.frametag.core.text.Document;
import org.frametag.rules.engine.Classifier;
import org.frametag.rules.engine.RuleCompiler;
import org.frametag.rules.examples.ExampleFailure;
import org.frametag.rules.examples.ExampleRunner;
import org.frametag.rules.examples.RuleExamples;
import org.frametag.rules.pack.RulePack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bundled pack compiles cleanly, every rule carries examples, and every example holds. */
class BundledPackTest {

    private static Classifier classifier;

    @BeforeAll
    static void compile() throws Exception {
        classifier = RuleCompiler.defaults().compile(RulePack.bundled());
    }

    @Test
    void compilesWithoutWarnings() {
        assertThat(classifier.warnings()).as("warnings of the bundled pack").isEmpty();
    }

    @Test
    void tagsOnlyTheCodebookCategories() {
        assertThat(classifier.categories()).containsExactly("SOVEREIGNTY", "FOREIGN_INTERFERENCE", "TRUST_FIGURES",
                "SECURITY_INCIDENT", "ELECTORAL_TECHNOLOGY", "DELEGITIMIZATION");
    }

    @Test
    void everyRuleHasTwoExamplesAndACounterexample() {
        List<RuleExamples> examples = new ExampleRunner(classifier).examples();
        assertThat(examples).hasSize(classifier.ruleNames().size());
        List<String> thin = examples.stream()
                .filter(e -> e.examples().size() < 2 || e.counterexamples().isEmpty())
                .map(e -> e.rule() + " (" + e.examples().size() + " examples, " + e.counterexamples().size()
                        + " counterexamples)")
                .toList();
        assertThat(thin).as("rules with fewer than 2 examples or no counterexample").isEmpty();
    }

    @Test
    void everyExamplePasses() {
        ExampleRunner.Report report = new ExampleRunner(classifier).run();
        String failures = report.failures().stream().map(BundledPackTest::describe)
                .collect(Collectors.joining("\n"));
        assertThat(report.failures()).as("failed examples:\n%s", failures).isEmpty();
        assertThat(report.rulesWithoutExamples()).isEmpty();
        assertThat(report.examples()).isGreaterThanOrEqualTo(3 * classifier.ruleNames().size());
    }

    @Test
    void pointerCarriesTheFrameOfTheSentenceBeforeAsContext() {
        ClassifiedDocument result = classifier.classify(Document.of("pointer",
                "Officials warned of attempts to disrupt the vote. We know there will be such attempts."));
        SentenceResult second = result.sentences().get(1);
        assertThat(second.categories()).containsExactly("FOREIGN_INTERFERENCE");
        assertThat(second.tags()).allSatisfy(t -> assertThat(t.contextSentence()).hasValue(0));
    }

    @Test
    void pointerToAPersonOrRequirementCarriesNothing() {
        ClassifiedDocument result = classifier.classify(Document.of("pointer",
                "Online voting will be offered in six regions. Their governors will be given a technical task. "
                        + "It is unclear which regions will meet these requirements."));
        assertThat(result.sentences().get(0).categories()).containsExactly("ELECTORAL_TECHNOLOGY");
        assertThat(result.sentences().get(1).categories()).isEmpty();
        assertThat(result.sentences().get(2).categories()).isEmpty();
    }

    @Test
    void codebookTrapsAreRespected() {
        assertThat(categories("The ruling party won 51.3% of the vote and 120 seats.")).isEmpty();
        assertThat(categories("Parties need to pass a 5% threshold to enter parliament.")).isEmpty();
        assertThat(categories("The information attack targeted the electoral law and the commission."))
                .containsExactly("DELEGITIMIZATION");
        assertThat(categories("This was stated by the head of the regional election commission.")).isEmpty();
        assertThat(categories("A chatbot will never replace a friendly teacher, the mayor said.")).isEmpty();
        assertThat(categories("Thirty percent of respondents believe the election will be rigged."))
                .containsExactly("TRUST_FIGURES");
    }

    @Test
    void bothCategoriesWhereTwoApply() {
        assertThat(categories("Hackers launched a cyberattack on the electoral commission's website."))
                .containsExactly("ELECTORAL_TECHNOLOGY", "SECURITY_INCIDENT");
        assertThat(categories("Officials reported Ukrainian drone attacks targeting polling stations on election day."))
                .containsExactly("FOREIGN_INTERFERENCE", "SECURITY_INCIDENT");
    }

    @Test
    void tagsRecordTheirRuleAndEvidence() {
        Tag tag = classifier.classify(Document.of("evidence", "Observers called the election illegitimate."))
                .sentences().get(0).tags().get(0);
        assertThat(tag.category()).isEqualTo("DELEGITIMIZATION");
        assertThat(tag.rule()).isEqualTo("called illegitimate");
        assertThat(tag.evidence()).isNotEmpty();
        assertThat(tag.isContext()).isFalse();
    }

    private static List<String> categories(String sentence) {
        return classifier.classify(Document.of("trap", sentence)).sentences().stream()
                .flatMap(s -> s.categories().stream()).distinct().sorted().toList();
    }

    private static String describe(ExampleFailure f) {
        return (f.shouldTag() ? "missed by " : "wrongly tagged by ") + "\"" + f.rule() + "\": \"" + f.sentence()
                + "\" (fired: " + f.firedRules() + ")";
    }
}
