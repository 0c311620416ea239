package org.frametag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.frametag.api.Frametag;
import org.frametag.core.io.DocumentReader;
import org.frametag.core.io.Inputs;
import org.frametag.core.io.InvalidUtf8;
import org.frametag.rules.eval.GoldFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchSessionTest {

    @TempDir
    Path dir;

    Path pack;
    StringWriter out = new StringWriter();
    WatchSession session;

    @BeforeEach
    void setUp() throws Exception {
        pack = Cli.pack(dir.resolve("pack"));
        Path docs = dir.resolve("docs");
        Cli.write(docs, "a.txt", "They fought for independence. Foreign meddling was feared.");
        Path gold = Cli.write(dir, "gold.jsonl", """
                {"doc": "a", "start": 0, "end": 29, "labels": ["SOVEREIGNTY"]}
                {"doc": "a", "start": 30, "end": 58, "labels": ["FOREIGN_INTERFERENCE"]}
                """);
        Corpus corpus = Corpus.read(new DocumentReader(InvalidUtf8.ERROR, DocumentReader.DEFAULT_MAX_DOC_BYTES, null)
                .read(new Inputs(List.of(), List.of()).expand(List.of(docs.toString()), System.in)));
        // A low firing limit keeps the looping-rule test fast.
        session = new WatchSession(pack, corpus, GoldFile.read(gold), Frametag.loader().maxFirings(500), new PrintWriter(out), () -> 0L);
    }

    private String output() {
        String text = out.toString();
        out.getBuffer().setLength(0);
        return text;
    }

    @Test
    void eachSaveShowsTheExamplesTheTagChangesAndTheScores() throws Exception {
        assertThat(session.refresh()).isEqualTo(WatchSession.Outcome.UPDATED);
        assertThat(output()).isEqualTo("""
                == run 1 ==
                4 examples, 0 failed
                1 document, 2 sentences, 1 tagged
                micro F1 0.667
                (0.00 s)
                """);

        assertThat(session.refresh()).isEqualTo(WatchSession.Outcome.UNCHANGED);
        assertThat(output()).isEmpty();

        Cli.write(pack, "terms/sovereignty.txt", "sovereignty\nsovereign\nindependence\n");
        assertThat(session.refresh()).isEqualTo(WatchSession.Outcome.UPDATED);
        assertThat(output()).isEqualTo("""
                == run 2 ==
                4 examples, 0 failed
                SOVEREIGNTY: +1 -0 (1 fix, 0 regressions)
                  + gained by "sovereignty" (1)
                      fix         a#0  They fought for independence.
                total: +1 -0 (1 fix, 0 regressions) on 1 sentence
                micro F1 0.667 -> 1.000 (+0.333)
                  SOVEREIGNTY 0.000 -> 1.000 (+1.000)
                (0.00 s)
                """);
    }

    @Test
    void aBrokenSaveKeepsTheLastGoodPack() throws Exception {
        session.refresh();
        output();
        Cli.edit(pack, "main.drl", "\"SOVEREIGNTY\"", "\"SOVEREIGNTIES\"");
        assertThat(session.refresh()).isEqualTo(WatchSession.Outcome.BROKEN);
        assertThat(output()).isEqualTo("""
                == run 2 ==
                %s:16:20: error: unknown category "SOVEREIGNTIES" in rule "sovereignty": it is not in categories.txt; did you mean "SOVEREIGNTY"?
                1 error; keeping the last good pack
                """.formatted(pack.resolve("main.drl")));

        Cli.edit(pack, "main.drl", "\"SOVEREIGNTIES\"", "\"SOVEREIGNTY\"");
        Cli.write(pack, "terms/interference.txt", "interference\n");
        Cli.edit(pack, "main.drl", "@counterexample(\"The team won the cup.\")", "@counterexample(\"A sovereign debt.\")");
        assertThat(session.refresh()).isEqualTo(WatchSession.Outcome.UPDATED);
        assertThat(output()).isEqualTo("""
                == run 3 ==
                FAIL main.drl:9 rule "sovereignty"
                  counterexample tagged: "A sovereign debt."
                  rules that fired: sovereignty (SOVEREIGNTY)
                  concepts seen: sovereignty "sovereign"
                4 examples, 1 failed
                FOREIGN_INTERFERENCE: +0 -1 (0 fixes, 1 regression)
                  - lost from "foreign interference" (1)
                      regression  a#1  Foreign meddling was feared.
                total: +0 -1 (0 fixes, 1 regression) on 1 sentence
                micro F1 0.667 -> 0.000 (-0.667)
                  FOREIGN_INTERFERENCE 1.000 -> 0.000 (-1.000)
                (0.00 s)
                """);
    }

    @Test
    void newWarningsArePrintedOnce() throws Exception {
        Cli.write(pack, "terms/foreign.txt", "foreign\nforeign\n");
        session.refresh();
        assertThat(output()).contains(pack.resolve("terms/foreign.txt") + ":2:1: warning: duplicate entry \"foreign\"");
        Cli.write(pack, "terms/foreign.txt", "foreign\nforeign\nabroad\n");
        session.refresh();
        assertThat(output()).doesNotContain("warning");
    }

    @Test
    void aLoopingRuleKeepsTheLastGoodPack() throws Exception {
        session.refresh();
        output();
        Cli.write(pack, "loop.drl", Cli.MAIN.substring(0, Cli.MAIN.indexOf("rule \"sovereignty\"")) + """
                rule "loop"
                    @example("Our sovereignty.")
                when
                    $t : Tagged()
                then
                    insert(new Tagged($t.getSentence(), $t.getCategory(), "loop", false));
                end
                """);
        assertThat(session.refresh()).isEqualTo(WatchSession.Outcome.BROKEN);
        assertThat(output()).startsWith("== run 2 ==\n" + pack.resolve("loop.drl") + ":9:1: warning: rule \"loop\": its consequence"
                        + " does more than call tagger.tag, tagger.exclude or tagger.drop, so every rule of the pack runs on every"
                        + " sentence; keep the consequence to those calls\nan example failed to run: rules fired more than ")
                .endsWith("most often \"loop\" (541 times): a rule that loops, or raise --max-firings; keeping the last good pack\n");
    }
}
