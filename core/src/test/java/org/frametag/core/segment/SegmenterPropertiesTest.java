package org.frametag.core.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.frametag.core.text.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Guarantees that hold for any input, checked on seeded random text and on degenerate long inputs. */
class SegmenterPropertiesTest {

    private static final int SMALL_MAX = 64;

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void newsLikeTextKeepsTheGuarantees(long seed) {
        Random random = new Random(seed);
        String text = RandomText.newsLike(random, random.nextInt(400));
        checkAllRegions(text, random);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void arbitraryUtf16KeepsTheGuarantees(long seed) {
        Random random = new Random(seed ^ 0x5DEECE66DL);
        String text = RandomText.anyUnits(random, random.nextInt(400));
        checkAllRegions(text, random);
    }

    @Test
    void megabyteSentenceWithoutPunctuationIsCutIntoBoundedPieces() {
        String text = "word ".repeat(200_000);
        List<Span> spans = new NewsSentenceSegmenter().segment(text, new Span(0, text.length()));
        checkGuarantees(text, new Span(0, text.length()), spans, NewsSentenceSegmenter.DEFAULT_MAX_SENTENCE_LENGTH);
        assertThat(spans).hasSizeGreaterThanOrEqualTo(text.length() / NewsSentenceSegmenter.DEFAULT_MAX_SENTENCE_LENGTH);
        assertThat(spans).allSatisfy(s -> assertThat(text.charAt(s.end() - 1)).isEqualTo('d'));
    }

    @Test
    void longInputsOfOneRepeatedPatternComplete() {
        String[] patterns = {"a", ".", "a.", "A.b", "U.S. ", "\n", " \n", "(", "”", "\uD800", "1.", ". ", "a.Ba"};
        NewsSentenceSegmenter segmenter = new NewsSentenceSegmenter();
        for (String pattern : patterns) {
            String text = pattern.repeat(300_000 / pattern.length());
            Span all = new Span(0, text.length());
            checkGuarantees(text, all, segmenter.segment(text, all), NewsSentenceSegmenter.DEFAULT_MAX_SENTENCE_LENGTH);
        }
    }

    @Test
    void overLongSentenceIsCutAtASpace() {
        String text = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron.";
        List<Span> spans = new NewsSentenceSegmenter(20).segment(text, new Span(0, text.length()));
        assertThat(spans).extracting(s -> s.coveredText(text)).containsExactly(
                "alpha beta gamma", "delta epsilon zeta", "eta theta iota kappa", "lambda mu nu xi",
                "omicron.");
    }

    private static void checkAllRegions(String text, Random random) {
        NewsSentenceSegmenter small = new NewsSentenceSegmenter(SMALL_MAX);
        NewsSentenceSegmenter standard = new NewsSentenceSegmenter();
        Span all = new Span(0, text.length());
        int a = text.isEmpty() ? 0 : random.nextInt(text.length());
        int b = a + (text.length() == a ? 0 : random.nextInt(text.length() - a + 1));
        for (Span region : List.of(all, new Span(a, b))) {
            checkGuarantees(text, region, standard.segment(text, region), NewsSentenceSegmenter.DEFAULT_MAX_SENTENCE_LENGTH);
            List<Span> cut = small.segment(text, region);
            checkGuarantees(text, region, cut, SMALL_MAX);
            assertThat(small.segment(new StringBuilder(text), region)).isEqualTo(cut);
        }
    }

    /** In order, disjoint, inside the region, trimmed, bounded, covering every non-space char. */
    static void checkGuarantees(String text, Span region, List<Span> spans, int maxLength) {
        int previousEnd = region.start();
        boolean[] covered = new boolean[text.length()];
        for (Span span : spans) {
            if (span.start() < previousEnd || span.end() > region.end() || span.isEmpty()
                    || span.length() > maxLength
                    || NewsSentenceSegmenter.isSpace(text.charAt(span.start()))
                    || NewsSentenceSegmenter.isSpace(text.charAt(span.end() - 1))) {
                fail("bad span %s after %d in region %s (max %d)", span, previousEnd, region, maxLength);
            }
            for (int k = span.start(); k < span.end(); k++) {
                covered[k] = true;
            }
            previousEnd = span.end();
        }
        for (int k = region.start(); k < region.end(); k++) {
            if (!covered[k] && !NewsSentenceSegmenter.isSpace(text.charAt(k))) {
                fail("char %d (U+%04X) not covered", k, (int) text.charAt(k));
            }
        }
    }
}
