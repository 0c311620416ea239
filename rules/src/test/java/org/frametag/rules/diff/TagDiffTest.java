package org.frametag.rules.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.frametag.core.text.Span;
import org.frametag.rules.diff.TagSnapshot.RuleTag;
import org.frametag.rules.diff.TagSnapshot.SentenceTags;
import org.frametag.rules.eval.GoldSentence;
import org.junit.jupiter.api.Test;

class TagDiffTest {

    private static SentenceTags s(String doc, int index, int start, int end, RuleTag... tags) {
        return new SentenceTags(doc, index, new Span(start, end), "s" + index, Set.of(tags));
    }

    private static RuleTag t(String category, String rule) {
        return new RuleTag(category, rule);
    }

    @Test
    void gainedLostAndMovedTagsJudgedAgainstGold() {
        TagSnapshot before = new TagSnapshot(List.of(
                s("a", 0, 0, 10, t("A", "r1")),
                s("a", 1, 11, 20, t("B", "r2")),
                s("a", 2, 21, 30, t("A", "r1")),
                s("z", 0, 0, 5, t("A", "r1"))));
        TagSnapshot after = new TagSnapshot(List.of(
                s("a", 0, 0, 10, t("A", "r1"), t("B", "r3")),
                s("a", 1, 11, 20),
                s("a", 2, 21, 30, t("A", "r4")),
                s("y", 0, 0, 5, t("A", "r1"))));
        List<GoldSentence> gold = List.of(
                new GoldSentence("a", 0, new Span(0, 10), "", Set.of("A"), Set.of()),
                new GoldSentence("a", 1, new Span(11, 20), "", Set.of("B"), Set.of()));
        List<TagChange> changes = new TagDiff(gold).compare(before, after);
        assertThat(changes).extracting(c -> c.sentence().sentence() + " " + c.category() + " " + c.kind() + " "
                + c.before() + "->" + c.after() + " " + c.verdict()).containsExactly(
                "0 B GAINED []->[r3] REGRESSION",
                "1 B LOST [r2]->[] REGRESSION",
                "2 A RULES_CHANGED [r1]->[r4] UNKNOWN");
    }

    @Test
    void readsClassifyJsonl() throws Exception {
        TagSnapshot snapshot = TagSnapshot.readJsonl(utf8("""
                {"doc":"a","sentence":0,"start":0,"end":5,"text":"Hi.","tags":[{"category":"A","rule":"r","evidence":[]}]}

                {"doc":"a","sentence":1,"start":6,"end":9,"text":"Ho.","tags":[]}
                """));
        assertThat(snapshot.sentences()).containsExactly(
                new SentenceTags("a", 0, new Span(0, 5), "Hi.", Set.of(t("A", "r"))),
                new SentenceTags("a", 1, new Span(6, 9), "Ho.", Set.of()));
    }

    @Test
    void rejectsOtherJsonl() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TagSnapshot.readJsonl(utf8("{\"doc\":\"a\"}\n")))
                .hasMessage("line 1: missing \"start\"; expected the output of 'frametag classify --format jsonl'");
    }

    private static InputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
