package org.frametag.rules.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.frametag.api.Tag;
import org.frametag.core.text.Document;
import org.frametag.rules.engine.Classifier;
import org.frametag.rules.engine.RuleCompiler;
import org.frametag.rules.pack.PackFile;
import org.frametag.rules.pack.RulePack;
import org.junit.jupiter.api.Test;

class MentionTest {

    private static Mention at(int first, int last) {
        return new Mention("c", 0, first, last, first * 5, last * 5 + 4, "w");
    }

    /** A pack of one category, the given rules over Sentence and Mention, and the given term lists. */
    private static Classifier compile(String category, String rules, PackFile... terms) throws Exception {
        List<PackFile> files = new ArrayList<>(List.of(terms));
        files.add(new PackFile("categories.txt", category + "\n"));
        files.add(new PackFile("rules.drl", """
                package test
                import org.frametag.rules.facts.Sentence
                import org.frametag.rules.facts.Mention
                global org.frametag.rules.engine.Tagger tagger
                """ + rules));
        return RuleCompiler.defaults().compile(new RulePack("test", files));
    }

    @Test
    void precedesCountsTheTokensBetweenAndNeedsOrder() {
        Mention disrupt = at(2, 2);
        Mention vote = at(5, 5);
        assertThat(disrupt.precedes(vote, 2)).isTrue();
        assertThat(disrupt.precedes(vote, 1)).isFalse();
        assertThat(vote.precedes(disrupt, 10)).isFalse();
        assertThat(at(2, 3).precedes(at(3, 4), 5)).isFalse();
    }

    @Test
    void precedesNeverCrossesSentences() {
        Mention other = new Mention("c", 1, 5, 5, 100, 104, "w");
        assertThat(at(0, 0).precedes(other, 100)).isFalse();
    }

    @Test
    void theShortConstructorMakesAMentionThatDoesNotOpen() {
        assertThat(at(0, 0).isOpening()).isFalse();
        assertThat(new Mention("c", 0, 0, 0, 0, 4, "w", true, 0, 0).isOpening()).isTrue();
    }

    @Test
    void theClassifierMarksMentionsThatOnlyPunctuationPrecedes() throws Exception {
        Classifier classifier = compile("OPENS", """
                rule "pointer opens the sentence"
                when
                    $s : Sentence()
                    $pointer : Mention(sentence == $s.index, concept == "pointer", opening)
                then
                    tagger.tag($s, "OPENS");
                end
                """, new PackFile("terms/pointer.txt", "they\n"));
        var result = classifier.classify(Document.of("d",
                "“They will fail,” he said. And they will fail. Nobody thinks they will."));
        assertThat(result.sentences()).hasSize(3);
        assertThat(result.sentences().get(0).tags()).extracting(Tag::category).containsExactly("OPENS");
        assertThat(result.sentences().get(1).tags()).isEmpty();
        assertThat(result.sentences().get(2).tags()).isEmpty();
    }

    @Test
    void wordsOfAnInsertionDoNotCountInTheDistanceBetweenWordsOutsideIt() throws Exception {
        Classifier classifier = compile("NEAR", """
                rule "election judged unfair"
                when
                    $s : Sentence()
                    $e : Mention(sentence == $s.index, concept == "election")
                    $f : Mention(sentence == $s.index, concept == "fairness", near($e, 2), sameClause($e))
                then
                    tagger.tag($s, "NEAR");
                end
                """, new PackFile("terms/election.txt", "polls\n"), new PackFile("terms/fairness.txt", "unfair\n"));
        var result = classifier.classify(Document.of("d", String.join(" ",
                "The polls, which the opposition will boycott in many districts, were unfair.",
                "The polls (held in March after many delays and two court rulings) were unfair.",
                "The polls — held in March after many delays — were unfair.",
                "The polls went ahead in many districts and were unfair.",
                "The polls went ahead, which many districts thought unfair.",
                "The polls, which many called unfair, went ahead.",
                "The polls (in March) (and April) were unfair.",
                "The polls, which opened in March, although unfair to some, went ahead.",
                "The polls, which were rigged, looked unfair")));
        assertThat(result.sentences()).extracting(s -> s.tags().stream().map(Tag::category).toList())
                .containsExactly(List.of("NEAR"), List.of("NEAR"), List.of("NEAR"), List.of(), List.of(), List.of(),
                        List.of("NEAR"), List.of(), List.of("NEAR"));
    }

    @Test
    void modalsAndFormsOfBeDoNotCountInTheDistance() throws Exception {
        Classifier classifier = compile("RERUN\nMODAL", """
                rule "vote held again"
                when
                    $s : Sentence()
                    $e : Mention(sentence == $s.index, concept == "election")
                    $r : Mention(sentence == $s.index, concept == "rerun", $e.precedes(this, 0))
                then
                    tagger.tag($s, "RERUN");
                end
                rule "modal right before the verb"
                when
                    $s : Sentence()
                    $m : Mention(sentence == $s.index, concept == "modal")
                    $r : Mention(sentence == $s.index, concept == "rerun", $m.precedes(this, 0))
                then
                    tagger.tag($s, "MODAL");
                end
                """, new PackFile("terms/election.txt", "vote\n"), new PackFile("terms/rerun.txt", "rerun\n"),
                new PackFile("terms/modal.txt", "must\n"));
        var result = classifier.classify(Document.of("d", String.join(" ",
                "The vote must be rerun.",
                "The vote could have been rerun.",
                "The vote should not be rerun.",
                "The vote in the north must be rerun.")));
        assertThat(result.sentences()).extracting(s -> s.tags().stream().map(Tag::category).sorted().toList())
                .containsExactly(List.of("MODAL", "RERUN"), List.of(), List.of(), List.of("MODAL"));
    }

    @Test
    void becauseOpensAClauseButBecauseOfDoesNot() throws Exception {
        Classifier classifier = compile("SAME", """
                rule "win judged"
                when
                    $s : Sentence()
                    $w : Mention(sentence == $s.index, concept == "win")
                    $f : Mention(sentence == $s.index, concept == "fraud", sameClause($w))
                then
                    tagger.tag($s, "SAME");
                end
                """, new PackFile("terms/win.txt", "won\n"), new PackFile("terms/fraud.txt", "fraud\n"));
        var result = classifier.classify(Document.of("d", String.join(" ",
                "He won only because of fraud.",
                "He won, because of fraud.",
                "He won because there was fraud.",
                "He won, because there was fraud.")));
        assertThat(result.sentences()).extracting(s -> s.tags().stream().map(Tag::category).toList())
                .containsExactly(List.of("SAME"), List.of("SAME"), List.of(), List.of());
    }

    @Test
    void aMentionWhosePlaceIsNotKnownCountsEveryToken() {
        Mention known = new Mention("d", 0, 12, 12, 0, 0, "", false, 0, 10);
        assertThat(at(10, 10).distanceTo(known)).isEqualTo(1);
        assertThat(known.distanceTo(at(10, 10))).isEqualTo(1);
    }
}
