package org.frametag.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.frametag.core.io.Documents;
import org.frametag.core.text.AnalyzedDocument;
import org.frametag.core.text.Origin;
import org.frametag.core.text.Sentence;
import org.frametag.core.text.Token;
import org.junit.jupiter.api.Test;

class DocumentAnalyzerTest {

    @Test
    void sentencesHoldTheirTokensAndSkipTheDateLine() {
        String text = "date 2021-02-17 MOSCOW, March 18. /TASS/. Mr. Putin said the U.S. Senate erred.\n\n"
                + "Photo: kremlin.ru\nTurnout was 54.2%, officials said.";
        AnalyzedDocument doc = DocumentAnalyzer.news().analyze(Documents.fromText("d", text, Map.of(), new Origin("d", null)));
        assertThat(doc.sentences()).extracting(Sentence::text).containsExactly(
                "MOSCOW, March 18. /TASS/.",
                "Mr. Putin said the U.S. Senate erred.",
                "Photo: kremlin.ru",
                "Turnout was 54.2%, officials said.");
        for (Sentence sentence : doc.sentences()) {
            assertThat(sentence.tokens()).allSatisfy(t -> assertThat(sentence.span().contains(t.span())).isTrue());
        }
        assertThat(doc.sentences().get(3).tokens()).extracting(Token::text)
                .containsExactly("Turnout", "was", "54.2%", ",", "officials", "said", ".");
    }
}
