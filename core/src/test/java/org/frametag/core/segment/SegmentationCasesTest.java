package org.frametag.core.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.frametag.core.text.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The table of segmentation cases, one parameterized test per line. */
class SegmentationCasesTest {

    private final SentenceSegmenter segmenter = new NewsSentenceSegmenter();

    static List<SegmentationCase> cases() throws IOException {
        return SegmentationCase.load();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void segmentsAsMarked(SegmentationCase c) {
        List<String> actual = segmenter.segment(c.input(), new Span(0, c.input().length())).stream()
                .map(span -> span.coveredText(c.input()))
                .toList();
        assertThat(actual).containsExactlyElementsOf(c.expected());
    }

    @Test
    void suiteCoversEveryPhenomenon() throws IOException {
        Map<String, Long> perCategory = cases().stream()
                .collect(Collectors.groupingBy(SegmentationCase::category, Collectors.counting()));
        assertThat(perCategory).containsOnlyKeys(
                "abbrev", "initials", "numbers", "ellipsis", "quotes", "brackets", "lists", "layout", "web",
                "inline-list", "spaced-ellipsis", "bracket-ellipsis", "abbrev-end", "time", "number-sign",
                "glued-number", "lowercase-lines", "russian");
        assertThat(perCategory.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(5));
        assertThat(cases()).hasSizeGreaterThanOrEqualTo(250);
    }
}
