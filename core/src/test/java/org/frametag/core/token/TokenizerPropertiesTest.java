package org.frametag.core.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.frametag.core.text.Span;
import org.frametag.core.text.Token;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Guarantees that hold for any input, checked on seeded random text and on degenerate long inputs. */
class TokenizerPropertiesTest {

    private static final String ALPHABET = "aeiostnrAEUS0123456789  \n\t.,!?:;-'’@#$%€_/()“”…\u00A0\u0301\uD83D\uDE00\uD800\uDC00";

    private final NewsTokenizer tokenizer = new NewsTokenizer(64);

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void randomTextKeepsTheGuarantees(long seed) {
        Random random = new Random(seed);
        String text = random.nextBoolean() ? dense(random, random.nextInt(300)) : units(random, random.nextInt(300));
        int a = text.isEmpty() ? 0 : random.nextInt(text.length());
        int b = a + (text.length() == a ? 0 : random.nextInt(text.length() - a + 1));
        for (Span region : List.of(new Span(0, text.length()), new Span(a, b))) {
            List<Token> tokens = tokenizer.tokenize(text, region);
            check(text, region, tokens);
            assertThat(tokenizer.tokenize(new StringBuilder(text), region)).isEqualTo(tokens);
        }
    }

    @Test
    void megabyteWordCompletes() {
        String text = "a".repeat(1_000_000);
        List<Token> tokens = tokenizer.tokenize(text);
        check(text, new Span(0, text.length()), tokens);
        assertThat(tokens).hasSize(1);
    }

    @Test
    void longInputsOfOneRepeatedPatternComplete() {
        String[] patterns = {"a-", "1,", "1.", "a.", "a@", "www.", "http://", "$1", "#", ".", " ", "\uD800", "a’"};
        for (String pattern : patterns) {
            String text = pattern.repeat(200_000 / pattern.length());
            check(text, new Span(0, text.length()), tokenizer.tokenize(text));
        }
    }

    private static void check(String text, Span region, List<Token> tokens) {
        boolean[] covered = new boolean[text.length()];
        int previousEnd = region.start();
        for (Token token : tokens) {
            Span span = token.span();
            if (span.start() < previousEnd || span.end() > region.end() || span.isEmpty()
                    || !token.text().equals(span.coveredText(text)) || token.norm() == null || token.stem() == null) {
                fail("bad token %s after %d in region %s", token, previousEnd, region);
            }
            for (int k = span.start(); k < span.end(); k++) {
                covered[k] = true;
            }
            previousEnd = span.end();
        }
        for (int k = region.start(); k < region.end(); k++) {
            char c = text.charAt(k);
            boolean space = Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
            if (!covered[k] && !space) {
                fail("char %d (U+%04X) not covered", k, (int) c);
            }
        }
    }

    private static String dense(Random random, int length) {
        StringBuilder out = new StringBuilder();
        while (out.length() < length) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }

    private static String units(Random random, int length) {
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < length; k++) {
            out.append((char) random.nextInt(Character.MAX_VALUE + 1));
        }
        return out.toString();
    }
}
