package org.frametag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

    @TempDir
    Path dir;

    Path pack;
    Path docs;

    @BeforeEach
    void setUp() {
        pack = Cli.pack(dir.resolve("pack"));
        docs = dir.resolve("docs");
        Cli.write(docs, "a.txt", "They fought for sovereignty. Foreign meddling was feared. The team won.");
        Cli.write(docs, "b.txt", "Independence day was sunny.");
    }

    @Test
    void writesOneHtmlFileWithEveryDocument() throws Exception {
        Path report = dir.resolve("out/report.html");

        Cli r = Cli.run("report", "--rules", pack.toString(), "-o", report.toString(), docs.toString());

        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEqualTo("frametag: wrote " + report + " (2 documents, 0.0 MB)\n");
        String html = Files.readString(report);
        assertThat(html).startsWith("<!DOCTYPE html>\n").endsWith("</html>\n");
        assertThat(html).contains("<p class=\"about\">rules: " + pack + " · inputs: " + docs + "</p>",
                "<dd id=\"n-documents\">2</dd>", "<dd id=\"n-sentences\">4</dd>", "<dd id=\"n-tagged\">2</dd>",
                "<h3>a</h3>", "<h3>b</h3>",
                "<span class=\"tag k1\" tabindex=\"0\">FOREIGN_INTERFERENCE<span class=\"tip\" role=\"tooltip\">"
                        + "rule “foreign interference” · evidence: “Foreign”, “meddling”</span></span>");
    }

    @Test
    void documentsThatFailAreListedAndTheExitCodeSaysSo() throws Exception {
        Cli.write(docs, "empty.txt", "  \n");
        Path report = dir.resolve("report.html");

        Cli r = Cli.run("report", "--rules", pack.toString(), "-o", report.toString(), docs.toString());

        assertThat(r.exit()).isEqualTo(ExitCode.SOME_DOCUMENTS_FAILED);
        String failure = docs.resolve("empty.txt") + " (empty): empty document";
        assertThat(r.err()).startsWith("frametag: " + failure + "\n");
        assertThat(Files.readString(report)).contains("<dd id=\"n-failed\">1</dd>", "<li>" + failure + "</li>");
    }

    @Test
    void goldAndBaselineAddTheEvaluationAndTheChanges() throws Exception {
        Path old = Cli.pack(dir.resolve("old"));
        Cli.write(old, "terms/interference.txt", "interference\n");
        Path gold = Cli.write(dir, "gold.jsonl", """
                {"doc": "a", "start": 0, "end": 28, "labels": ["SOVEREIGNTY"]}
                {"doc": "a", "start": 29, "end": 57, "labels": []}
                {"doc": "a", "start": 58, "end": 71, "labels": []}
                """);
        Path report = dir.resolve("report.html");

        Cli r = Cli.run("report", "--rules", pack.toString(), "--gold", gold.toString(), "--baseline", old.toString(),
                "-o", report.toString(), docs.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        String html = Files.readString(report);
        assertThat(html).contains("<p>Micro F1 <strong id=\"micro-f1\">0.667</strong>: 1 false positive, 0 false negatives.",
                "<p>Baseline: " + old + ". +1 gained, −0 lost (0 fixes, 1 regression) on <span id=\"n-changed\">1 sentence</span>.",
                "<span class=\"tag k1 fp gained\" tabindex=\"0\">✗ + FOREIGN_INTERFERENCE (regression)");
    }

    @Test
    void aBaselineThatDoesNotCompileIsAnError() {
        Path broken = Cli.pack(dir.resolve("broken"));
        Cli.write(broken, "main.drl", "rule \"x\" when then end end");

        Cli r = Cli.run("report", "--rules", pack.toString(), "--baseline", broken.toString(), "-o",
                dir.resolve("report.html").toString(), docs.toString());

        assertThat(r.exit()).isEqualTo(ExitCode.USAGE_OR_RULES);
        assertThat(r.err()).startsWith(broken + "/main.drl:").endsWith("frametag: the baseline rule pack has errors\n");
        assertThat(dir.resolve("report.html")).doesNotExist();
    }
}
