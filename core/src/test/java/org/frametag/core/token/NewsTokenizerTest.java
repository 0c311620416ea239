package org.frametag.core.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.frametag.core.text.Span;
import org.frametag.core.text.Token;
import org.frametag.core.text.TokenKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NewsTokenizerTest {

    private final NewsTokenizer tokenizer = new NewsTokenizer();

    record Case(String input, List<String> expected) {
        @Override
        public String toString() {
            return input;
        }
    }

    static List<Case> cases() throws IOException {
        String file;
        try (InputStream in = NewsTokenizerTest.class.getClassLoader().getResourceAsStream("tokenization/cases.tsv")) {
            file = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Case> cases = new ArrayList<>();
        for (String line : file.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t");
            List<String> expected = new ArrayList<>();
            for (String token : parts[1].split(" ")) {
                expected.add(token.replace("\\s", " "));
            }
            cases.add(new Case(parts[0], expected));
        }
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void tokenizesAsListed(Case c) {
        List<String> actual = tokenizer.tokenize(c.input()).stream().map(t -> t.text() + "/" + t.kind()).toList();
        assertThat(actual).containsExactlyElementsOf(c.expected());
    }

    @Test
    void tokensKeepExactSpansNormsAndBaseForms() {
        String text = "  Putin’s “INTERFERENCE” claims";
        List<Token> tokens = tokenizer.tokenize(text);
        assertThat(tokens).containsExactly(
                new Token(new Span(2, 7), "Putin", "putin", "putin", TokenKind.WORD),
                new Token(new Span(7, 9), "’s", "'s", "'s", TokenKind.WORD),
                new Token(new Span(10, 11), "“", "\"", "\"", TokenKind.PUNCTUATION),
                new Token(new Span(11, 23), "INTERFERENCE", "interference", "interference", TokenKind.WORD),
                new Token(new Span(23, 24), "”", "\"", "\"", TokenKind.PUNCTUATION),
                new Token(new Span(25, 31), "claims", "claims", "claim", TokenKind.WORD));
    }

    @Test
    void baseFormsUndoInflectionsAndSpellingButNotDerivations() {
        String text = "voted votes voting bought rigged destabilised colours defence e-voting by-elections "
                + "interfering interference explosively liquidity cyberattacks news";
        assertThat(tokenizer.tokenize(text)).extracting(Token::stem).containsExactly("vote", "vote", "vote", "buy",
                "rig", "destabilize", "color", "defense", "e-vote", "by-election", "interfere", "interference",
                "explosively", "liquidity", "cyberattack", "news");
    }

    @Test
    void regionLimitsTokensAndOffsetsStayDocumentRelative() {
        String text = "Skip this. Keep e-voting here.";
        List<Token> tokens = tokenizer.tokenize(text, new Span(11, 30));
        assertThat(tokens).extracting(Token::text).containsExactly("Keep", "e-voting", "here", ".");
        assertThat(tokens.get(1).span()).isEqualTo(new Span(16, 24));
    }

    @Test
    void aMultiwordTermMatchesTheTextItCameFrom() {
        List<String> term = tokenizer.tokenize("foreign interference").stream().map(Token::stem).toList();
        List<String> text = tokenizer.tokenize("against Foreign Interference’s reach").stream().map(Token::stem).toList();
        assertThat(text).containsSequence(term);
    }

    @Test
    void stemsAreTheSameWithAndWithoutTheCache() {
        String text = "interfering interference interfered elections electoral voting votes voted";
        List<Token> cached = new NewsTokenizer().tokenize(text + " " + text);
        List<Token> uncached = new NewsTokenizer(0).tokenize(text + " " + text);
        assertThat(cached).isEqualTo(uncached);
        assertThat(new NewsTokenizer(2).tokenize(text + " " + text)).isEqualTo(uncached);
    }

    @Test
    void aTokenizerWithAnotherMemoGivesTheSameTokens() {
        String text = "Interfering, interference: e-voting’s 12.5% of 3,000 votes at www.example.org #vote @cec";
        Tokenizer small = tokenizer.withMemo(16);

        assertThat(small).isNotSameAs(tokenizer);
        assertThat(small.tokenize(text + " " + text)).isEqualTo(tokenizer.tokenize(text + " " + text));
        assertThat(small.tokenize(text)).isEqualTo(new NewsTokenizer(0).tokenize(text));
    }

    @Test
    void tokensThatShareTheirFirstEightCharsAreRememberedApart() {
        String text = "government governments governmental governmentally GOVERNMENT government’s "
                + "internationally international internationalisation Präsidentschaftswahl Präsidentschaftswahlen";
        List<Token> uncached = new NewsTokenizer(0).tokenize(text);
        NewsTokenizer cached = new NewsTokenizer();
        cached.tokenize(text);

        assertThat(cached.tokenize(text)).isEqualTo(uncached);
        assertThat(uncached).extracting(Token::text).containsExactly("government", "governments", "governmental",
                "governmentally", "GOVERNMENT", "government", "’s", "internationally", "international",
                "internationalisation", "Präsidentschaftswahl", "Präsidentschaftswahlen");
    }
}
