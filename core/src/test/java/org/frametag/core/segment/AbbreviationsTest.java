package org.frametag.core.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Locale;
import org.frametag.core.segment.Abbreviations.Kind;
import org.frametag.core.text.Span;
import org.frametag.core.text.Token;
import org.frametag.core.text.TokenKind;
import org.frametag.core.token.NewsTokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AbbreviationsTest {

    private final Abbreviations standard = Abbreviations.standard();

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"mr, TITLE", "st, STREET", "no, NUMBER", "corp, SUFFIX", "ave, SUFFIX", "etc, FINAL", "p.m, TIME",
        "г, TITLE", "ул, STREET", "т.е, TITLE", "проф, TITLE", "д, NUMBER", "putin, NONE"})
    void theShippedListHasEveryClassAndRussian(String word, Kind kind) {
        assertThat(standard.kindOf(word)).isEqualTo(kind);
    }

    @Test
    void theShippedListIsInLowerCase() {
        assertThat(standard.words()).allSatisfy(word -> assertThat(word).isEqualTo(word.toLowerCase(Locale.ROOT)));
    }

    @Test
    void theTokenizerKeepsThePeriodOfEveryListedAbbreviation() {
        NewsTokenizer tokenizer = new NewsTokenizer();
        for (String word : standard.words()) {
            if (word.indexOf('.') >= 0) {
                continue;
            }
            String written = Character.toUpperCase(word.charAt(0)) + word.substring(1);
            for (String form : List.of(word, written)) {
                String text = "x " + form + ". y";
                List<Token> tokens = tokenizer.tokenize(text, new Span(0, text.length()));
                assertThat(tokens).as(text).extracting(Token::text, Token::kind)
                        .contains(tuple(form + ".", TokenKind.ABBREVIATION));
            }
        }
    }

    @Test
    void aListIsReadWithCommentsAndBlankLines() {
        Abbreviations list = Abbreviations.parse("""
                # a comment
                sen   title   # a trailing comment

                bldg  suffix
                """);
        assertThat(list.words()).containsExactlyInAnyOrder("sen", "bldg");
        assertThat(list.kindOf("bldg")).isEqualTo(Kind.SUFFIX);
    }

    @Test
    void aBrokenLineIsReportedWithItsNumber() {
        assertThatThrownBy(() -> Abbreviations.parse("mr title\nsen senator\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2");
        assertThatThrownBy(() -> Abbreviations.parse("mr\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 1");
        assertThatThrownBy(() -> Abbreviations.parse("mr. title\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("final period");
        assertThatThrownBy(() -> Abbreviations.parse("mr title\nMr title\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("listed twice");
    }
}
