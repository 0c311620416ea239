package org.frametag.rules.terms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.frametag.core.token.NewsTokenizer;
import org.frametag.core.token.Tokenizer;
import org.junit.jupiter.api.Test;

class TermIndexTest {

    private final Tokenizer tokenizer = new NewsTokenizer();

    private List<TermMatch> find(String text, TermList... lists) {
        return new TermIndex(List.of(lists), tokenizer).find(tokenizer.tokenize(text));
    }

    @Test
    void entriesMatchInflectionsThroughBaseFormsButNotDerivations() {
        TermList interference = TermList.parse("interference", "terms/interference.txt", "interfere\nbuy votes\n");

        assertThat(find("They interfered, interfering with interference and bought votes.", interference))
                .containsExactly(new TermMatch("interference", 1, 1, 5, 15), new TermMatch("interference", 3, 3, 17, 28),
                        new TermMatch("interference", 7, 8, 51, 63));
    }

    @Test
    void compoundsMatchJoinedHyphenatedOrApart() {
        TermList technology = TermList.parse("voting-technology", "t.txt", "e-voting\ncyberattack\npolling station\n");
        String text = "E-voting, evoting, e voting, e–voting; a cyber attack, cyber-attacks; polling-stations.";

        assertThat(find(text, technology)).extracting(m -> text.substring(m.start(), m.end()))
                .containsExactly("E-voting", "evoting", "e voting", "e–voting", "cyber attack", "cyber-attacks",
                        "polling-stations");
    }

    @Test
    void possessivesAndContractionsLeaveTheWordToMatch() {
        TermList body = TermList.parse("election-body", "b.txt", "=CEC\n=It\nn't\nnot\n");
        String text = "The CEC’s site isn't down. It’s not.";

        assertThat(find(text, body)).extracting(m -> text.substring(m.start(), m.end()))
                .containsExactly("CEC", "n't", "It", "not");
    }

    @Test
    void multiwordEntriesMatchTheirLongestSpanPerStart() {
        TermList actors = TermList.parse("foreign-actor", "terms/foreign-actor.txt", "United States\nUnited States Army\n");

        assertThat(find("The United States Army and the United States.", actors))
                .containsExactly(new TermMatch("foreign-actor", 1, 3, 4, 22), new TermMatch("foreign-actor", 6, 7, 31, 44));
    }

    @Test
    void insertedWordsMayStandInsideAPhraseButNeverStartOrEndIt() {
        TermList fairness = TermList.parse("fairness", "f.txt", "not competitive\nfree and fair\n");
        TermList inserted = TermList.parse(TermIndex.INSERTED, "i.txt", "=truly\n=genuinely\n");
        String text = "Not truly competitive, free and genuinely fair, truly fair, competitive truly.";

        assertThat(find(text, fairness, inserted)).filteredOn(m -> m.concept().equals("fairness"))
                .extracting(m -> text.substring(m.start(), m.end()))
                .containsExactly("Not truly competitive", "free and genuinely fair");
    }

    @Test
    void exactEntriesAreCaseSensitive() {
        TermList actors = TermList.parse("foreign-actor", "f.txt", "=US  # the country, not the pronoun\n");

        assertThat(find("The US told us.", actors)).containsExactly(new TermMatch("foreign-actor", 1, 1, 4, 6));
    }

    @Test
    void lowerCaseExactEntriesMatchACapitalGivenOnlyByTheWordsPlace() {
        TermList votes = TermList.parse("vote-record", "v.txt", "=polls\n=votes\n=may\n");

        assertThat(find("Votes were counted after the Polls closed.", votes))
                .extracting(m -> m.start()).containsExactly(0);
        assertThat(find("Opposition Says Polls Were Rigged", votes))
                .extracting(m -> m.start()).containsExactly(16);
        assertThat(find("VOTES counted; VOTES.", votes)).isEmpty();
    }

    @Test
    void acronymsMatchTheirTitleCaseSpellingUnlessThePackKnowsItAsAWord() {
        TermList bodies = TermList.parse("election-body", "b.txt", "=INEC\n=ZEC\n=POLLS\n");
        TermList votes = TermList.parse("vote-record", "v.txt", "polls\n");
        String text = "Voters said Inec and the ZEC failed; the Polls Board met, but Zecs and INECS did not.";

        assertThat(find(text, bodies, votes)).extracting(m -> m.concept() + " " + text.substring(m.start(), m.end()))
                .containsExactly("election-body Inec", "election-body ZEC", "vote-record Polls");
        assertThat(find("Inec Says Polls Were Fair", bodies, votes)).extracting(m -> m.concept())
                .containsExactly("election-body", "vote-record");
    }

    @Test
    void tokenKindSlotsMatchAnyTokenOfThatKind() {
        TermList quantity = TermList.parse("quantity", "q.txt", "<PERCENT>\n<NUMBER> percent\n");

        assertThat(find("Some 60% said yes and 38 percent said no.", quantity))
                .containsExactly(new TermMatch("quantity", 1, 1, 5, 8), new TermMatch("quantity", 5, 6, 22, 32));
    }

    @Test
    void entriesThatCanNeverMatchAreReported() {
        TermList bad = TermList.parse("bad", "terms/bad.txt", "fine\n<ADJECTIVE> thing\n");

        TermIndex index = new TermIndex(List.of(bad), tokenizer);

        assertThat(index.unmatchable()).extracting(TermIndex.Unmatchable::reason)
                .containsExactly("unknown token kind <ADJECTIVE>");
        assertThat(index.unmatchable().get(0).entry().line()).isEqualTo(2);
    }
}
