package org.frametag.rules.terms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
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

    /** The bundled lists as a run loads them: each named after its file. */
    private static List<TermList> packLists() {
        return RulePack.bundled().termFiles().stream()
                .map(f -> TermList.parse(f.path().substring(f.path().lastIndexOf('/') + 1, f.path().length() - ".txt".length()),
                        f.path(), f.content()))
                .toList();
    }

    private static byte[] saved(TermIndex index) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            index.save(out);
        }
        return bytes.toByteArray();
    }

    @Test
    void theIndexTheBuildSavedIsTheOneItsListsBuild() throws IOException {
        List<TermList> lists = packLists();
        TermKeys known = TermKeys.bundledFor(tokenizer);

        assertThat(known.saved(lists)).isPresent();
        TermIndex restored = new TermIndex(lists, tokenizer, known);
        TermIndex tokenised = new TermIndex(lists, tokenizer, TermKeys.none());

        assertThat(saved(restored)).isEqualTo(saved(tokenised));
        assertThat(restored.unmatchable()).isEqualTo(tokenised.unmatchable());
        String text = "Hackers breached the election commission's servers; observers said the e-voting count was rigged "
                + "and 40 percent of voters do not trust the CEC's results, while foreign interference was denied. "
                + "Gunmen Stormed Polling Station As Inec Delayed The Count";
        List<Token> tokens = tokenizer.tokenize(text);
        assertThat(restored.find(tokens)).isEqualTo(tokenised.find(tokens)).hasSizeGreaterThan(20);
    }

    @Test
    void theSavedIndexIsNotRestoredForOtherLists() {
        List<TermList> lists = packLists();
        TermList first = lists.get(0);
        TermList added = TermList.parse(first.concept(), first.source(), RulePack.bundled().termFiles().get(0).content() + "\nballot stuffing\n");
        List<TermList> edited = new java.util.ArrayList<>(lists);
        edited.set(0, added);
        TermKeys known = TermKeys.bundledFor(tokenizer);

        assertThat(known.saved(edited)).isEmpty();
        assertThat(known.saved(lists.subList(1, lists.size()))).isEmpty();
        List<TermList> reversed = new java.util.ArrayList<>(lists);
        java.util.Collections.reverse(reversed);
        assertThat(known.saved(reversed)).isEmpty();
        assertThat(TermKeys.none().saved(lists)).isEmpty();
        List<Token> tokens = tokenizer.tokenize("Observers saw ballot stuffing at the polls.");
        assertThat(new TermIndex(edited, tokenizer, known).find(tokens))
                .isEqualTo(new TermIndex(edited, tokenizer, TermKeys.none()).find(tokens))
                .anyMatch(m -> m.concept().equals(first.concept()));
    }

    /** {@code content} with two letters of its first entry changed so that its {@link String#hashCode} stays. */
    private static String sameStringHash(String content) {
        java.util.regex.Matcher pair = java.util.regex.Pattern.compile("(?m)^[^#\\s=]*?([a-y])([a-z])").matcher(content);
        assertThat(pair.find()).isTrue();
        // c1 * 31 + c2 == (c1 + 1) * 31 + (c2 - 31)
        String edited = content.substring(0, pair.start(1)) + (char) (pair.group(1).charAt(0) + 1)
                + (char) (pair.group(2).charAt(0) - 31) + content.substring(pair.end(2));
        assertThat(edited).isNotEqualTo(content).hasSameHashCodeAs(content);
        return edited;
    }

    @Test
    void aListEditedWithoutChangingItsStringHashIsStillTold() {
        List<TermList> lists = packLists();
        TermList first = lists.get(0);
        TermList edited = TermList.parse(first.concept(), first.source(), sameStringHash(RulePack.bundled().termFiles().get(0).content()));
        List<TermList> withEdit = new java.util.ArrayList<>(lists);
        withEdit.set(0, edited);
        TermKeys known = TermKeys.bundledFor(tokenizer);

        assertThat(known.saved(withEdit)).isEmpty();
        assertThat(known.of(edited)).isEmpty();
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
