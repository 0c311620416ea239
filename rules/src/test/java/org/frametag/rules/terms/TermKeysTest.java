package org.frametag.rules.terms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.frametag.core.text.Token;
import org.frametag.core.token.NewsTokenizer;
import org.frametag.core.token.Tokenizer;
import org.frametag.rules.pack.RulePack;
import org.junit.jupiter.api.Test;

class TermKeysTest {

    private final Tokenizer tokenizer = new NewsTokenizer();

    private static List<TermList> bundledLists() {
        return RulePack.bundled().termFiles().stream()
                .map(f -> TermList.parse(f.path(), f.path(), f.content()))
                .toList();
    }

    @Test
    void theBuildWorkedOutTheKeysOfEveryBundledEntryAsTokenisingThemGives() {
        TermKeys known = TermKeys.bundledFor(tokenizer);
        List<TermList> lists = bundledLists();

        assertThat(lists).hasSizeGreaterThan(800);
        for (TermList list : lists) {
            assertThat(known.of(list)).as(list.source()).hasValueSatisfying(keys ->
                    assertThat(keys).isEqualTo(list.entries().stream().map(e -> TermIndex.keys(e, tokenizer)).toList()));
        }
    }

    @Test
    void aListEditedSinceTheBuildIsTokenised() {
        TermKeys known = TermKeys.bundledFor(tokenizer);
        TermList first = bundledLists().get(0);
        String content = RulePack.bundled().termFiles().get(0).content();

        TermList added = TermList.parse(first.concept(), first.source(), content + "\nballot stuffing\n");
        TermList changed = TermList.parse(first.concept(), first.source(), content.replaceFirst("(?m)^([^#\\s].*)$", "$1s"));

        assertThat(known.of(first)).isPresent();
        assertThat(known.of(added)).isEmpty();
        assertThat(known.of(changed)).isEmpty();
        assertThat(known.of(TermList.parse("x", "terms/not-in-the-pack.txt", "vote\n"))).isEmpty();
    }

    @Test
    void anotherTokenizerTokenisesEveryList() {
        Tokenizer other = (text, region) -> List.<Token>of();
        assertThat(TermKeys.bundledFor(other).of(bundledLists().get(0))).isEmpty();
    }

    @Test
    void anIndexWithTheBuildsKeysFindsWhatATokenisedOneFinds() {
        List<TermList> lists = bundledLists();
        TermIndex precomputed = new TermIndex(lists, tokenizer, TermKeys.bundledFor(tokenizer));
        TermIndex tokenised = new TermIndex(lists, tokenizer, TermKeys.none());
        String text = "Hackers breached the election commission's servers; observers said the e-voting count was rigged "
                + "and 40 percent of voters do not trust the CEC's results, while foreign interference was denied.";

        List<Token> tokens = tokenizer.tokenize(text);
        assertThat(precomputed.find(tokens)).isEqualTo(tokenised.find(tokens)).hasSizeGreaterThan(20);
    }
}
