package org.frametag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Output that cannot be written, options out of range, text meant to fool a terminal or a spreadsheet: a clear word, never silence. */
class FailureModesTest {

    @TempDir
    Path dir;

    private String pack;
    private Path docs;

    @BeforeEach
    void writePackAndDocuments() throws IOException {
        pack = Cli.pack(dir.resolve("pack")).toString();
        docs = Files.createDirectories(dir.resolve("docs"));
        for (int i = 0; i < 20; i++) {
            Files.writeString(docs.resolve(String.format("%02d.txt", i)), "They defend our sovereignty. Number " + i + ".");
        }
    }

    /** Standard output whose reader has gone: every write fails as a closed pipe does. */
    private static final class ClosedPipe extends OutputStream {
        int writes;

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            writes++;
            throw new IOException("Broken pipe");
        }
    }

    @Test
    void aClosedPipeStopsTheRunAtTheFirstDocument() {
        ClosedPipe stdout = new ClosedPipe();

        Cli run = Cli.runWithStdout(stdout, "classify", "--rules", pack, "--format", "jsonl", "-j", "1", docs.toString());

        assertThat(run.exit()).isEqualTo(ExitCode.OUTPUT_CLOSED);
        assertThat(run.err()).isEmpty();
        assertThat(stdout.writes).isEqualTo(1);
    }

    @Test
    void outputThatCannotBeWrittenSaysWhatFailedAndWhy() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "in the way");

        Cli folder = Cli.run("classify", "--rules", pack, "-o", file.resolve("out.jsonl").toString(), docs.toString());
        Cli errors = Cli.run("classify", "--rules", pack, "-o", dir.resolve("out.txt").toString(),
                "--errors", file.resolve("errors.jsonl").toString(), docs.toString());

        assertThat(folder.exit()).isEqualTo(ExitCode.USAGE_OR_RULES);
        assertThat(folder.err()).isEqualTo("frametag: cannot create folder " + file + " for --output: " + file
                + ": it exists, and is not a folder\n");
        assertThat(errors.err()).isEqualTo("frametag: cannot write --errors " + file.resolve("errors.jsonl") + ": "
                + file.resolve("errors.jsonl") + ": Not a directory\n");
    }

    @Test
    void errorsDashGoesToStandardOutputOnlyWhenTheResultsGoToAFile() throws IOException {
        Files.writeString(docs.resolve("empty.txt"), "");
        Path out = dir.resolve("out.jsonl");

        Cli toFile = Cli.run("classify", "--rules", pack, "-q", "-o", out.toString(), "--errors", "-", docs.toString());
        Cli toStdout = Cli.run("classify", "--rules", pack, "--errors", "-", docs.toString());

        assertThat(toFile.exit()).isEqualTo(ExitCode.SOME_DOCUMENTS_FAILED);
        assertThat(toFile.out()).isEqualTo("{\"doc\":\"empty\",\"path\":\"" + docs.resolve("empty.txt") + "\",\"line\":null,\"reason\":\"empty document\"}\n");
        assertThat(Files.exists(dir.resolve("-"))).isFalse();
        assertThat(toStdout.exit()).isEqualTo(ExitCode.USAGE_OR_RULES);
        assertThat(toStdout.err()).startsWith(
                "--errors - writes the error report to standard output, where the results go; give --output FILE too\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "-j|0|Invalid value for option '--jobs': '0' must be between 1 and 2147483647",
            "--jobs|-3|Invalid value for option '--jobs': '-3' must be between 1 and 2147483647",
            "--max-firings|-1|Invalid value for option '--max-firings': '-1' must be between 1 and 2147483647",
            "--max-doc-bytes|-1|Invalid value for option '--max-doc-bytes': '-1' must be between 1 and 9223372036854775807",
            "--doc-timeout|0|Invalid value for option '--doc-timeout': '0' must be between 1 and 2147483647"})
    void countsBelowOneAreUsageErrors(String option, String value, String message) {
        Cli run = Cli.run("classify", "--rules", pack, option, value, docs.toString());

        assertThat(run.exit()).isEqualTo(ExitCode.USAGE_OR_RULES);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith(message + "\n");
    }

    @Test
    void failOnRegressionWithoutGoldIsAUsageError() {
        Cli run = Cli.run("diff", "--baseline", pack, "--rules", pack, "--fail-on-regression", docs.toString());

        assertThat(run.exit()).isEqualTo(ExitCode.USAGE_OR_RULES);
        assertThat(run.err()).startsWith(
                "--fail-on-regression needs --gold GOLD.jsonl: a change is a regression only against gold labels\n");
    }

    @Test
    void quietStillNamesTheDocumentsThatFailedUnlessThereIsAnErrorReport() throws IOException {
        Path empty = Files.writeString(docs.resolve("empty.txt"), "");

        Cli quiet = Cli.run("classify", "--rules", pack, "-q", "-o", dir.resolve("out.txt").toString(), docs.toString());
        Cli reported = Cli.run("classify", "--rules", pack, "-q", "-o", dir.resolve("out.txt").toString(),
                "--errors", dir.resolve("errors.jsonl").toString(), docs.toString());

        assertThat(quiet.exit()).isEqualTo(ExitCode.SOME_DOCUMENTS_FAILED);
        assertThat(quiet.err()).isEqualTo("frametag: failed: " + empty + " (empty): empty document\n");
        assertThat(reported.err()).isEmpty();
    }

    @Test
    void controlCharactersReachTheTerminalOnlyAsEscapes() throws IOException {
        Path hostile = Files.writeString(dir.resolve("hostile.txt"), "Our sovereignty\u001B[2J is \u001B]0;pwned\u0007 safe\u009B.");

        Cli classify = Cli.run("classify", "--rules", pack, "-q", hostile.toString());
        Cli explain = Cli.run("explain", "--rules", pack, "--file", hostile.toString());

        assertThat(classify.out()).startsWith("""
                hostile #0  SOVEREIGNTY
                  Our [sovereignty]\\x1B[2J is \\x1B]0;pwned\\x07 safe\\x9B.
                """);
        assertThat(explain.out()).startsWith("#0 Our [sovereignty]\\x1B[2J is \\x1B]0;pwned\\x07 safe\\x9B.\n");
        assertThat(classify.out() + explain.out()).doesNotContain("\u001B", "\u0007", "\u009B");
    }

    @Test
    void csvWrittenToAFileGuardsAgainstFormulas() throws IOException {
        Path hostile = Files.writeString(dir.resolve("hostile.jsonl"),
                "{\"id\": \"=1+1\", \"text\": \"=HYPERLINK(\\\"http://example.com\\\", \\\"sovereignty\\\"). -Fine.\"}\n");
        Path csv = dir.resolve("out.csv");

        Cli.run("classify", "--rules", pack, "--format", "csv", "-q", "-o", csv.toString(), hostile.toString());
        Cli stdout = Cli.run("classify", "--rules", pack, "--format", "csv", "-q", hostile.toString());
        Cli unguarded = Cli.run("classify", "--rules", pack, "--format", "csv", "-q", "--no-formula-guard",
                "-o", dir.resolve("raw.csv").toString(), hostile.toString());

        assertThat(Files.readAllLines(csv)).containsExactly(
                "doc,path,sentence,start,end,text,SOVEREIGNTY,FOREIGN_INTERFERENCE,date,meta",
                "\"'=1+1\",\"" + hostile + "\",0,0,48,\"'=HYPERLINK(\"\"http://example.com\"\", \"\"sovereignty\"\").\",1,0,,",
                "\"'=1+1\",\"" + hostile + "\",1,49,55,\"'-Fine.\",0,0,,");
        assertThat(stdout.out()).contains("\n\"=1+1\",").contains(",-Fine.,");
        assertThat(Files.readString(dir.resolve("raw.csv"))).isEqualTo(stdout.out());
    }

    @Test
    void aRuleThatNeverReturnsCostsItsDocumentOnly() throws IOException {
        Cli.write(dir.resolve("pack"), "terms/hang.txt", "hang\n");
        Cli.write(dir.resolve("pack"), "hang.drl", """
                package test.pack
                import org.frametag.rules.facts.Mention

                rule "waits for ever"
                when
                    Mention(concept == "hang")
                then
                    while (true) {
                        try {
                            Thread.sleep(100);
                        } catch (InterruptedException e) {
                            // never stops
                        }
                    }
                end
                """);
        Path hangs = Files.writeString(docs.resolve("05-hangs.txt"), "Programs hang.");

        Cli run = Cli.run("classify", "--rules", pack, "--format", "jsonl", "-q", "--doc-timeout", "2", docs.toString());

        assertThat(run.exit()).isEqualTo(ExitCode.SOME_DOCUMENTS_FAILED);
        assertThat(run.out().lines().map(l -> l.substring(0, l.indexOf(",\"path\""))).distinct())
                .hasSize(20).doesNotContain("{\"doc\":\"05-hangs\"");
        assertThat(run.err()).isEqualTo("frametag: failed: " + hangs + " (05-hangs): took longer than 2 s to classify"
                + " (--doc-timeout); rule \"waits for ever\" was firing; its thread is left running\n");
    }
}
