package org.frametag.rules.wordnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The lexicon resource in core is exactly what WordNet yields, so it cannot drift by hand edits. */
class EnglishLexiconTest {

    private static final Path RESOURCE = Path.of("../core/src/main/resources/org/frametag/core/token/english-lexicon.tsv");

    @Test
    void theCommittedLexiconIsGeneratedFromWordNet() throws IOException {
        String generated;
        try (WordNet wordNet = WordNet.open()) {
            generated = EnglishLexicon.build(wordNet);
        }
        if (Boolean.getBoolean("frametag.lexicon.write")) {
            Files.writeString(RESOURCE, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(RESOURCE, StandardCharsets.UTF_8))
                .as("%s is out of date; regenerate it as its header says", RESOURCE)
                .isEqualTo(generated);
    }
}
