package org.frametag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffCommandTest {

    @TempDir
    Path dir;

    Path old;
    Path current;
    Path docs;
    Path gold;

    @BeforeEach
    void setUp() {
        old = Cli.pack(dir.resolve("old"));
        current = Cli.pack(dir.resolve("new"));
        // The edit: "independence" now counts as sovereignty, "meddling" no longer as interference.
        Cli.write(current, "terms/sovereignty.txt", "sovereignty\nsovereign\nindependence\n");
        Cli.write(current, "terms/interference.txt", "interference\n");
        docs = dir.resolve("docs");
        Cli.write(docs, "a.txt", "They fought for independence. Foreign meddling was feared. The team won.");
        Cli.write(docs, "b.txt", "Independence day was sunny. Foreign interference is real.");
        gold = Cli.write(dir, "gold.jsonl", """
                {"doc": "a", "start": 0, "end": 29, "labels": ["SOVEREIGNTY"]}
                {"doc": "a", "start": 30, "end": 58, "labels": []}
                {"doc": "a", "start": 59, "end": 72, "labels": []}
                {"doc": "b", "start": 0, "end": 27, "labels": []}
                {"doc": "b", "start": 28, "end": 57, "labels": ["FOREIGN_INTERFERENCE"]}
                """);
    }

    @Test
    void listsGainedAndLostTagsByCategoryAndRule() {
        Cli r = Cli.run("diff", "--baseline", old.toString(), "--rules", current.toString(), docs.toString());
        assertThat(r.out()).isEqualTo("""
                SOVEREIGNTY: +2 -0
                  + gained by "sovereignty" (2)
                      a#0  They fought for independence.
                      b#0  Independence day was sunny.
                FOREIGN_INTERFERENCE: +0 -1
                  - lost from "foreign interference" (1)
                      a#1  Foreign meddling was feared.
                total: +2 -1 on 3 sentences
                """);
        assertThat(r.exit()).isEqualTo(0);
    }

    @Test
    void withGoldEachChangeIsAFixOrARegression() {
        Cli r = Cli.run("diff", "--baseline", old.toString(), "--rules", current.toString(), "--gold", gold.toString(),
                docs.toString());
        assertThat(r.out()).isEqualTo("""
                SOVEREIGNTY: +2 -0 (1 fix, 1 regression)
                  + gained by "sovereignty" (2)
                      fix         a#0  They fought for independence.
                      regression  b#0  Independence day was sunny.
                FOREIGN_INTERFERENCE: +0 -1 (1 fix, 0 regressions)
                  - lost from "foreign interference" (1)
                      fix         a#1  Foreign meddling was feared.
                total: +2 -1 (2 fixes, 1 regression) on 3 sentences
                """);
        assertThat(r.exit()).isEqualTo(0);
        assertThat(Cli.run("diff", "--baseline", old.toString(), "--rules", current.toString(), "--gold", gold.toString(),
                "--fail-on-regression", docs.toString()).exit()).isEqualTo(1);
    }

    @Test
    void aPreviousClassifyOutputCanBeTheBaseline() {
        Path before = dir.resolve("before.jsonl");
        assertThat(Cli.run("classify", "--rules", old.toString(), "--format", "jsonl", "-o", before.toString(), "-q",
                docs.toString()).exit()).isEqualTo(0);
        Cli r = Cli.run("diff", "--baseline-output", before.toString(), "--rules", current.toString(), "--format", "jsonl",
                docs.resolve("b.txt").toString());
        assertThat(r.out()).isEqualTo("""
                {"doc":"b","sentence":0,"start":0,"end":27,"text":"Independence day was sunny.","category":"SOVEREIGNTY","change":"gained","before":[],"after":["sovereignty"],"verdict":"unknown"}
                """);
    }

    @Test
    void noChange() {
        Cli r = Cli.run("diff", "--baseline", old.toString(), "--rules", old.toString(), docs.toString());
        assertThat(r.out()).isEqualTo("no tag changed\n");
        assertThat(r.exit()).isEqualTo(0);
    }

    @Test
    void aBrokenBaselineIsReported() {
        Cli.edit(old, "main.drl", "\"SOVEREIGNTY\"", "\"NOPE\"");
        Cli r = Cli.run("diff", "--baseline", old.toString(), "--rules", current.toString(), docs.toString());
        assertThat(r.err()).contains("main.drl:16:20: error: unknown category \"NOPE\"")
                .endsWith("frametag: the baseline rule pack has errors\n");
        assertThat(r.exit()).isEqualTo(1);
    }
}
