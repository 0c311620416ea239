package org.frametag.seeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.assertj.core.api.SoftAssertions;
import org.frametag.api.RulePackException;
import org.frametag.rules.eval.EvaluationReport;
import org.junit.jupiter.api.Test;

/** Holds the bundled pack to the F1 it reached on the seeds, recorded in seed-thresholds.properties. */
class SeedRegressionTest {

    private static Properties thresholds() throws IOException {
        Properties p = new Properties();
        try (InputStream in = SeedRegressionTest.class.getResourceAsStream("/seed-thresholds.properties")) {
            p.load(in);
        }
        return p;
    }

    @Test
    void seedsScoreAtLeastTheRecordedThresholds() throws IOException, RulePackException {
        EvaluationReport report = Seeds.frametag().evaluate(Seeds.gold(), Seeds.classified()).scores();
        Properties thresholds = thresholds();

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(report.micro().f1()).as("micro F1").isGreaterThanOrEqualTo(Double.parseDouble(thresholds.getProperty("micro.f1")));
        for (String category : Seeds.frametag().categories()) {
            String key = category + ".f1";
            softly.assertThat(thresholds.getProperty(key)).as("threshold " + key).isNotNull();
            if (thresholds.getProperty(key) != null) {
                softly.assertThat(report.categories().get(category).f1()).as(category + " F1")
                        .isGreaterThanOrEqualTo(Double.parseDouble(thresholds.getProperty(key)));
            }
        }
        softly.assertAll();
    }

    @Test
    void everyGoldSentenceIsFoundBySegmentation() throws IOException, RulePackException {
        var classified = Seeds.classified();
        long matched = Seeds.gold().stream()
                .filter(g -> classified.stream()
                        .filter(d -> d.id().equals(g.doc()))
                        .flatMap(d -> d.sentences().stream())
                        .anyMatch(s -> s.sentence().span().equals(g.span())))
                .count();

        assertThat(Seeds.gold()).hasSize(122);
        assertThat(matched).isEqualTo(121);
    }
}
