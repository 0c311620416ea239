package org.frametag.core.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The lexicon read as a table over its file's bytes knows every word as the map of its lines does. */
class LemmatizerLexiconTest {

    private static byte[] resource() throws IOException {
        try (InputStream in = Lemmatizer.class.getResourceAsStream("english-lexicon.tsv")) {
            return in.readAllBytes();
        }
    }

    @Test
    void theTableKnowsEveryWordOfTheLexiconAsTheMapDoes() throws IOException {
        byte[] bytes = resource();
        Map<String, Lemmatizer.Entry> map = Lemmatizer.parse(new String(bytes, StandardCharsets.UTF_8));
        Lemmatizer.Lexicon table = Lemmatizer.Lexicon.of(bytes);

        assertThat(map).hasSizeGreaterThan(80_000);
        map.forEach((word, entry) -> assertThat(table.get(word)).as(word).isEqualTo(entry));
        for (String word : List.of("", "cyberattacks", "votee", "Vote", "vot", "électeur", "voting-machine", "zzzz")) {
            assertThat(table.get(word)).as(word).isEqualTo(map.get(word));
        }
    }

    @Test
    void otherTextsAreReadAsTheMapReadsThem() {
        List<String> texts = List.of(
                "# comment\nvote\tnv\t-\t-\n\nbought\tv\tbuy\t-\r\ncolour\tnv\t-\tcolor",
                "vote\tn\t-\t-\nvote\tv\t-\t-\n",
                "électeur\tn\t-\t-\nvote\tnv\t-\t-\n",
                "vote\tnv\t-\n",
                "vote\tnv\t-\t-\textra\n",
                "\r\n\tn\t-\t-\n\r");
        for (String text : texts) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            Map<String, Lemmatizer.Entry> map;
            try {
                map = Lemmatizer.parse(text);
            } catch (RuntimeException malformed) {
                continue;
            }
            Lemmatizer.Lexicon table = Lemmatizer.Lexicon.of(bytes);
            map.forEach((word, entry) -> assertThat(table.get(word)).as(text + ": " + word).isEqualTo(entry));
            for (String word : List.of("vote", "bought", "colour", "électeur", "", "votes")) {
                assertThat(table.get(word)).as(text + ": " + word).isEqualTo(map.get(word));
            }
        }
    }
}
