package org.frametag.core.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SpellingVariantsTest {

    @Test
    void rewritesBritishSpellings() {
        assertThat(SpellingVariants.american("destabilised")).isEqualTo("destabilized");
        assertThat(SpellingVariants.american("colours")).isEqualTo("colors");
        assertThat(SpellingVariants.american("centre")).isEqualTo("center");
        assertThat(SpellingVariants.american("defences")).isEqualTo("defenses");
        assertThat(SpellingVariants.american("judgement")).isEqualTo("judgment");
        assertThat(SpellingVariants.american("greyish")).isEqualTo("grayish");
        assertThat(SpellingVariants.american("vote")).isEqualTo("vote");
    }

    /** Skipping the expressions whose literal a word lacks changes no word of the lexicon, nor random letters. */
    @Test
    void skippingExpressionsChangesNothing() throws IOException {
        List<String> words = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                SpellingVariants.class.getResourceAsStream("english-lexicon.tsv"), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.startsWith("#") && line.indexOf('\t') > 0) {
                    words.add(line.substring(0, line.indexOf('\t')));
                }
            }
        }
        Random random = new Random(7);
        for (int i = 0; i < 50_000; i++) {
            char[] word = new char[3 + random.nextInt(10)];
            for (int k = 0; k < word.length; k++) {
                word[k] = "aeioulrsdgmnyt".charAt(random.nextInt(14));
            }
            words.add(new String(word));
        }
        assertThat(words).hasSizeGreaterThan(100_000);
        for (String word : words) {
            assertThat(SpellingVariants.american(word)).as(word).isEqualTo(SpellingVariants.american(word, false));
        }
    }
}
