package org.frametag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifyCommandTest {

    @TempDir
    Path dir;

    private Path pack;
    private Path docs;

    @BeforeEach
    void writePackAndDocuments() throws IOException {
        pack = dir.resolve("pack");
        Files.createDirectories(pack.resolve("terms"));
        Files.writeString(pack.resolve("categories.txt"), "SOVEREIGNTY\nSECURITY_INCIDENT\n");
        Files.writeString(pack.resolve("terms/sovereignty.txt"), "sovereignty\n");
        Files.writeString(pack.resolve("rules.drl"), """
                package test
                import org.frametag.rules.facts.Sentence
                import org.frametag.rules.facts.Mention
                global org.frametag.rules.engine.Tagger tagger

                rule "sovereignty named"
                when
                    $s : Sentence()
                    $m : Mention(sentence == $s.index, concept == "sovereignty")
                then
                    tagger.tag($s, "SOVEREIGNTY");
                end
                """);
        docs = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(docs.resolve("a.txt"), "date 2024-05-01\nWe defend our sovereignty. \"Fine,\" he said.\n");
        Files.writeString(docs.resolve("b.txt"), "Nothing here.");
    }

    @Test
    void jsonlHasOneRecordPerSentenceInDocumentOrderWithTheDocumentsDateAsMeta() {
        Cli run = Cli.run("classify", "--rules", pack.toString(), "--format", "jsonl", "--quiet", docs.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo("""
                {"doc":"a","path":"%1$s/a.txt","sentence":0,"start":16,"end":42,"text":"We defend our sovereignty.","tags":[{"category":"SOVEREIGNTY","rule":"sovereignty named","evidence":[{"start":30,"end":41,"text":"sovereignty"}]}],"meta":{"date":"2024-05-01"}}
                {"doc":"a","path":"%1$s/a.txt","sentence":1,"start":43,"end":59,"text":"\\"Fine,\\" he said.","tags":[],"meta":{"date":"2024-05-01"}}
                {"doc":"b","path":"%1$s/b.txt","sentence":0,"start":0,"end":13,"text":"Nothing here.","tags":[]}
                """.formatted(docs));
    }

    @Test
    void csvHasAColumnPerCategoryAndTheDocumentsDate() {
        Cli run = Cli.run("classify", "--rules", pack.toString(), "--format", "csv", "-q", docs.toString());

        assertThat(run.out()).isEqualTo(String.join("\n",
                "doc,path,sentence,start,end,text,SOVEREIGNTY,SECURITY_INCIDENT,date,meta",
                "a,\"" + docs.resolve("a.txt") + "\",0,16,42,\"We defend our sovereignty.\",1,0,2024-05-01,",
                "a,\"" + docs.resolve("a.txt") + "\",1,43,59,\"\"\"Fine,\"\" he said.\",0,0,2024-05-01,",
                "b,\"" + docs.resolve("b.txt") + "\",0,0,13,\"Nothing here.\",0,0,,",
                ""));
    }

    @Test
    void textMarksEvidenceInBracketsAndCountsCategories() {
        Cli run = Cli.run("classify", "--rules", pack.toString(), docs.toString());

        assertThat(run.out()).isEqualTo("""
                a #0  SOVEREIGNTY
                  We defend our [sovereignty].
                  - SOVEREIGNTY by "sovereignty named"

                Sentences: 3
                  SOVEREIGNTY            1
                  SECURITY_INCIDENT      0
                """);
        assertThat(run.err()).startsWith("frametag: 2 documents, 3 sentences classified in ")
                .endsWith(" s; 0 failed\n");
    }

    @Test
    void theSummaryCountsTagsWhenTheOutputDoesNot() {
        Cli run = Cli.run("classify", "--rules", pack.toString(), "--format", "jsonl", docs.toString());

        assertThat(run.err()).startsWith("frametag: 2 documents, 3 sentences classified in ")
                .endsWith(" s; 0 failed\n  SOVEREIGNTY            1\n  SECURITY_INCIDENT      0\n");
    }

    @Test
    void aBrokenDocumentIsReportedAndTheRestIsClassified() throws IOException {
        Files.write(docs.resolve("c.txt"), new byte[] {(byte) 0xFF, (byte) 0xFE, 'x'});
        Path errors = dir.resolve("errors.jsonl");

        Cli run = Cli.run("classify", "--rules", pack.toString(), "--format", "jsonl", "--jobs", "2",
                "--errors", errors.toString(), docs.toString());

        assertThat(run.exit()).isEqualTo(ExitCode.SOME_DOCUMENTS_FAILED);
        assertThat(run.out().lines()).hasSize(3);
        assertThat(Files.readString(errors)).isEqualTo("{\"doc\":\"c\",\"path\":\"" + docs.resolve("c.txt")
                + "\",\"line\":null,\"reason\":\"invalid UTF-8 (use --on-invalid-utf8 replace to read it anyway)\"}\n");
        assertThat(run.err()).contains("; 1 failed").contains("failed: " + docs.resolve("c.txt") + " (c): invalid UTF-8");
    }

    @Test
    void aBrokenPackExitsOneWithTheErrorsPlace() throws IOException {
        Files.writeString(pack.resolve("rules.drl"), "package test\n\nrule \"x\"\nwhen\n  Foo(\nthen\nend\n");

        Cli run = Cli.run("classify", "--rules", pack.toString(), docs.toString());

        assertThat(run.exit()).isEqualTo(ExitCode.USAGE_OR_RULES);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith(pack.resolve("rules.drl") + ":").contains(": error: ")
                .endsWith("frametag: the rule pack has errors; nothing was classified\n");
    }

    @Test
    void unknownOptionsAreUsageErrors() {
        Cli run = Cli.run("classify", "--colour", docs.toString());

        assertThat(run.exit()).isEqualTo(ExitCode.USAGE_OR_RULES);
        assertThat(run.err()).startsWith("Unknown option: '--colour'\nPossible solutions: --color\nUsage: frametag classify ")
                .endsWith("PATH...\nTry 'frametag classify --help' for more information.\n");
    }
}
