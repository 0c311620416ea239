package org.frametag.seeds.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.frametag.api.Frametag;
import org.frametag.api.RulePackException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The behaviour suite of the bundled pack (docs/behaviour.md): every template under
 * {@code behaviour/templates}, filled from {@code behaviour/lexicons}, run once for the class.
 * Prints the pass rates, writes them with the failing templates under {@code target/behaviour},
 * and holds each category and test type to its threshold in {@code behaviour/thresholds.properties}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BehaviourSuiteTest {

    /** Where the report and the failure listing go: build output, never committed. */
    private static final Path OUTPUT = Path.of("target", "behaviour");
    private static final int EXAMPLES_PER_FAILURE = 3;
    private static final int MIN_SENTENCES_PER_CATEGORY = 1000;

    private SuiteResult result;
    private Thresholds thresholds;

    @BeforeAll
    void runSuite() throws RulePackException, IOException, URISyntaxException {
        Frametag frametag = Frametag.bundled();
        Path folder = resourceFolder();
        Lexicons lexicons = Lexicons.load(folder.resolve("lexicons"));
        TemplateParser.Parsed parsed = new TemplateParser(frametag.categories()).load(folder.resolve("templates"));
        List<String> errors = new ArrayList<>(lexicons.errors());
        errors.addAll(parsed.errors());
        result = new BehaviourSuite(new CaseGenerator(lexicons), new PackSentenceClassifier(frametag))
                .run(frametag.categories(), parsed.templates(), errors);
        try (InputStream in = Files.newInputStream(folder.resolve("thresholds.properties"))) {
            thresholds = Thresholds.read(in);
        }
        System.out.println("\nBehaviour tests: pass rates per category and test type (details in "
                + OUTPUT.resolve("report.md") + ")\n\n" + BehaviourReport.passRates(result, thresholds));
        Files.createDirectories(OUTPUT);
        Files.writeString(OUTPUT.resolve("report.md"), BehaviourReport.markdown(result, thresholds), StandardCharsets.UTF_8);
        Files.writeString(OUTPUT.resolve("failures.txt"), BehaviourReport.failures(result, EXAMPLES_PER_FAILURE),
                StandardCharsets.UTF_8);
    }

    private static Path resourceFolder() throws URISyntaxException {
        URL url = Objects.requireNonNull(BehaviourSuiteTest.class.getResource("/behaviour/thresholds.properties"),
                "behaviour/thresholds.properties is not on the test classpath");
        return Path.of(url.toURI()).getParent();
    }

    @Test
    void everyTemplateAndLexiconReadsAndYieldsSentences() {
        assertThat(result.errors()).isEmpty();
    }

    @Test
    void everyCategoryIsTestedWithAThousandSentencesOrMore() {
        for (String category : result.categories()) {
            long sentences = Stream.of(TestType.values()).mapToLong(t -> result.sentences(category, t)).sum();
            assertThat(sentences).as(category).isGreaterThanOrEqualTo(MIN_SENTENCES_PER_CATEGORY);
        }
    }

    @TestFactory
    Stream<DynamicTest> passRatesReachTheirThresholds() {
        return result.categories().stream().flatMap(category -> Stream.of(TestType.values()).map(type ->
                DynamicTest.dynamicTest(category + " " + type, () ->
                        assertThat(thresholds.violations(result, category, type))
                                .as("see " + OUTPUT.resolve("failures.txt") + " for the failing sentences")
                                .isEmpty())));
    }
}
