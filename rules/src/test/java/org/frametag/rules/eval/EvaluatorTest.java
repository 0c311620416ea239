package org.frametag.rules.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.frametag.api.ClassifiedDocument;
import org.frametag.api.SentenceResult;
import org.frametag.api.Tag;
import org.frametag.core.text.Document;
import org.frametag.core.text.Sentence;
import org.frametag.core.text.Span;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

    private static SentenceResult predicted(int index, int start, int end, String... categories) {
        List<Tag> tags = java.util.Arrays.stream(categories).map(c -> new Tag(c, "r", List.of())).toList();
        return new SentenceResult(new Sentence(index, new Span(start, end), "", List.of()), tags, List.of());
    }

    private static GoldSentence gold(int index, int start, int end, String... labels) {
        return new GoldSentence("d", index, new Span(start, end), "", Set.of(labels), Set.of());
    }

    @Test
    void predictionsCountForTheGoldSentenceTheyOverlapMost() {
        Evaluator evaluator = new Evaluator(List.of(
                gold(0, 0, 10, "A"),
                gold(1, 11, 30, "A", "B"),
                gold(2, 31, 40)));
        ClassifiedDocument doc = new ClassifiedDocument(Document.of("d", "x".repeat(40)), List.of(
                predicted(0, 0, 10, "A"),
                predicted(1, 11, 20),
                predicted(2, 21, 30, "B"),
                predicted(3, 31, 40, "A")));

        EvaluationReport report = evaluator.evaluate(evaluator.align(List.of(doc)), List.of("A", "B", "C"));

        assertThat(report.categories().get("A")).isEqualTo(new Scores(0.5, 0.5, 0.5, 1, 1, 1));
        assertThat(report.categories().get("B")).isEqualTo(new Scores(1.0, 1.0, 1.0, 1, 0, 0));
        assertThat(report.categories().get("C")).isEqualTo(new Scores(1.0, 1.0, 1.0, 0, 0, 0));
        assertThat(report.micro()).isEqualTo(Scores.of(2, 1, 1));
        assertThat(report.macro().f1()).isEqualTo((0.5 + 1.0 + 1.0) / 3);
    }

    @Test
    void aGoldDocumentWithoutPredictionsCountsAsMissed() {
        Evaluator evaluator = new Evaluator(List.of(gold(0, 0, 10, "A")));

        EvaluationReport report = evaluator.evaluate(evaluator.align(List.of()), List.of("A"));

        assertThat(report.categories().get("A")).isEqualTo(new Scores(0.0, 0.0, 0.0, 0, 0, 1));
    }
}
