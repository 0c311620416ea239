package org.frametag.core.segment;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.frametag.core.text.Span;
import org.junit.jupiter.api.Test;

/**
 * Runs the case table through the news segmenter and through the JVM's stock sentence
 * segmenters (the JDK break iterator, ICU's with English abbreviation suppression), and prints
 * the share of cases each gets exactly right. The news segmenter must beat both.
 */
class BaselineComparisonTest {

    /** English with ICU's standard sentence-break suppressions (abbreviations such as "Mr."). */
    private static final ULocale ICU_LOCALE = new ULocale("en@ss=standard");

    @Test
    void newsSegmenterBeatsTheJdkAndIcuBreakIterators() throws IOException {
        List<SegmentationCase> cases = SegmentationCase.load();
        NewsSentenceSegmenter news = new NewsSentenceSegmenter();
        double ours = accuracy(cases, t -> strings(t, news.segment(t, new Span(0, t.length()))));
        double jdk = accuracy(cases, BaselineComparisonTest::jdk);
        double icu = accuracy(cases, BaselineComparisonTest::icu);
        System.out.printf(Locale.ROOT, "segmentation cases: %d; exactly right: news %.1f%%, ICU4J with suppressions %.1f%%,"
                + " JDK BreakIterator %.1f%%%n", cases.size(), 100 * ours, 100 * icu, 100 * jdk);
        assertThat(ours).isEqualTo(1.0);
        assertThat(ours).isGreaterThan(jdk).isGreaterThan(icu);
    }

    private static double accuracy(List<SegmentationCase> cases, Function<String, List<String>> segmenter) {
        long right = cases.stream().filter(c -> segmenter.apply(c.input()).equals(c.expected())).count();
        return (double) right / cases.size();
    }

    static List<String> jdk(String text) {
        BreakIterator it = BreakIterator.getSentenceInstance(Locale.US);
        it.setText(text);
        List<String> out = new ArrayList<>();
        for (int s = it.first(), e = it.next(); e != BreakIterator.DONE; s = e, e = it.next()) {
            add(out, text.substring(s, e));
        }
        return out;
    }

    static List<String> icu(String text) {
        com.ibm.icu.text.BreakIterator it = com.ibm.icu.text.BreakIterator.getSentenceInstance(ICU_LOCALE);
        it.setText(text);
        List<String> out = new ArrayList<>();
        for (int s = it.first(), e = it.next(); e != com.ibm.icu.text.BreakIterator.DONE; s = e, e = it.next()) {
            add(out, text.substring(s, e));
        }
        return out;
    }

    private static List<String> strings(String text, List<Span> spans) {
        return spans.stream().map(s -> s.coveredText(text)).toList();
    }

    private static void add(List<String> out, String piece) {
        String trimmed = piece.strip();
        if (!trimmed.isEmpty()) {
            out.add(trimmed);
        }
    }
}
