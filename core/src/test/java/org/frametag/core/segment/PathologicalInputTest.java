package org.frametag.core.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.frametag.core.text.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Degenerate inputs stay linear and bounded. Work is measured by counting the chars the
 * segmenter reads (no clocks): doubling the input must about double the reads, and the reads per
 * char must stay small. Memory is measured by the bytes the segmenting thread allocates.
 */
class PathologicalInputTest {

    private static final int MAX = NewsSentenceSegmenter.DEFAULT_MAX_SENTENCE_LENGTH;

    /** Long enough that a window of look-ahead repeated per char would show as a quadratic term. */
    private static final int LENGTH = 50_000;

    private final NewsSentenceSegmenter segmenter = new NewsSentenceSegmenter();

    @Test
    void aMillionSpacedPeriodsAreOneRunNotOneSentencePerPeriod() {
        String text = "Wait" + ". ".repeat(1_000_000) + "Then it stopped.";
        List<Span> spans = segmenter.segment(text, new Span(0, text.length()));
        SegmenterPropertiesTest.checkGuarantees(text, new Span(0, text.length()), spans, MAX);
        // cut only by the length limit: at least half the limit per piece, never a lone period
        assertThat(spans.size()).isLessThanOrEqualTo(2 * text.length() / MAX + 2);
        assertThat(spans).allSatisfy(s -> assertThat(s.length()).isGreaterThan(1));
        assertThat(spans.get(spans.size() - 1).coveredText(text)).isEqualTo("Then it stopped.");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {". ", ".", "a.Ba", "1. a ", "a) ", "(i) x ", "• x ", "⁃1.", "U.S. ", "N°. ", "a.m. B ",
        ". . . . A ", "[...] ", "(x) ", "J.Doe@x.org ", "x/y.Z", "word ", "x", "\n", "a\nb\n", "Inc. The ",
        "1.) ", "i. ii. ", "“. ”", "2021 г. В ", "At 5 a.m. Mr. ", "features\n"})
    void workGrowsLinearlyWithTheInput(String pattern) {
        assertLinear(pattern);
    }

    @ParameterizedTest(name = "\"{0}\" and 600 words")
    @ValueSource(strings = {"1. ", "a) ", "• ", "(i) "})
    void listLabelsFarApartAreLookedAheadForOnce(String label) {
        assertLinear(label + "x ".repeat(600));
    }

    private void assertLinear(String pattern) {
        long small = reads(pattern, LENGTH);
        long large = reads(pattern, 2 * LENGTH);
        assertThat((double) large / small).as("reads for twice the input").isLessThan(2.1);
        assertThat((double) large / (2 * LENGTH)).as("reads per char").isLessThan(24);
    }

    @Test
    void aFiftyMegabyteLineIsReadInBoundedMemory() {
        String line = "word ".repeat(10_000_000);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        List<Span> spans = segmenter.segment(line, new Span(0, line.length()));
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(spans.size()).isBetween(line.length() / MAX, 2 * line.length() / MAX + 1);
        assertThat(spans).allSatisfy(s -> assertThat(s.length()).isBetween(MAX / 2, MAX));
        // the spans and their list, nothing that grows with the text itself (50 MB)
        assertThat(allocated).isLessThan(4_000_000L);
    }

    private long reads(String pattern, int length) {
        CountingText text = new CountingText(pattern.repeat(length / pattern.length() + 1).substring(0, length));
        segmenter.segment(text, new Span(0, length));
        return text.reads;
    }

    /** A text that counts how many chars are read from it. */
    private static final class CountingText implements CharSequence {
        private final String text;
        private long reads;

        CountingText(String text) {
            this.text = text;
        }

        @Override
        public char charAt(int index) {
            reads++;
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            reads += end - start;
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            reads += text.length();
            return text;
        }
    }
}
