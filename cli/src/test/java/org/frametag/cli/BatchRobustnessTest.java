package org.frametag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A mixed corpus of good and broken inputs: nothing crashes, nothing is lost, output does not depend on --jobs. */
class BatchRobustnessTest {

    @TempDir
    Path dir;

    private Path pack;
    private Path corpus;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void writeCorpus() throws IOException {
        pack = dir.resolve("pack");
        Files.createDirectories(pack.resolve("terms"));
        Files.writeString(pack.resolve("categories.txt"), "SOVEREIGNTY\n");
        Files.writeString(pack.resolve("terms/sovereignty.txt"), "sovereignty\n");
        Files.writeString(pack.resolve("terms/trigger.txt"), "loop-trigger\n");
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

                rule "loops on a trigger word"
                when
                    $m : Mention(concept == "trigger")
                then
                    insert(new Mention("trigger", $m.getSentence(), 0, 0, 0, 0, ""));
                end
                """);
        corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(corpus.resolve("01-good.txt"), "We defend our sovereignty. Nothing else.");
        Files.writeString(corpus.resolve("02-crlf.txt"), "date 2024-02-03\r\nFirst line.\r\n\r\nSovereignty matters.\r\n");
        Files.write(corpus.resolve("03-bom.txt"), "\uFEFFA sovereignty claim.".getBytes(StandardCharsets.UTF_8));
        Files.writeString(corpus.resolve("04-empty.txt"), "");
        byte[] binary = new byte[4096];
        new Random(7).nextBytes(binary);
        Files.write(corpus.resolve("05-binary.txt"), binary);
        try (OutputStream out = Files.newOutputStream(corpus.resolve("06-huge-line.txt"))) {
            byte[] chunk = "word ".repeat(200_000).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 50; i++) {
                out.write(chunk);
            }
        }
        Files.writeString(corpus.resolve("07-long-sentence.txt"), "sovereignty " + "word ".repeat(200_000));
        Files.writeString(corpus.resolve("08-loop.txt"), "This has a loop-trigger in it.");
        Files.writeString(corpus.resolve("09-batch.jsonl"), String.join("\n",
                "{\"id\": \"j1\", \"text\": \"Sovereignty first.\"}",
                "{\"id\": \"j1\", \"text\": \"Same id again.\"}",
                "{\"id\": \"j2\", \"text\": ",
                "{\"id\": \"j3\"}",
                "{\"id\": \"j4\", \"text\": \"Last one.\"}",
                "{\"id\": \"j5\", \"text\": \"truncated"));
    }

    private Cli classify(String... extra) {
        List<String> args = new ArrayList<>(List.of("classify", "--rules", pack.toString(), "--format", "jsonl",
                "--max-firings", "1000", "-q"));
        args.addAll(List.of(extra));
        args.add(corpus.toString());
        return Cli.run(args.toArray(String[]::new));
    }

    private List<JsonNode> errors(Path file) throws IOException {
        List<JsonNode> records = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            records.add(json.readTree(line));
        }
        return records;
    }

    @Test
    void everyInputIsClassifiedOrReportedWithItsReason() throws IOException {
        Path errors = dir.resolve("errors.jsonl");

        Cli run = classify("--jobs", "2", "--errors", errors.toString());

        assertThat(run.exit()).isEqualTo(ExitCode.SOME_DOCUMENTS_FAILED);
        Set<String> classified = new LinkedHashSet<>();
        for (String line : run.out().lines().toList()) {
            classified.add(json.readTree(line).get("doc").asText());
        }
        assertThat(classified).containsExactly("01-good", "02-crlf", "03-bom", "07-long-sentence", "j1", "j4");
        assertThat(errors(errors)).extracting(e -> e.get("doc").asText(null) + " @" + e.get("line").asText("-") + ": "
                        + e.get("reason").asText().replaceAll(": .*", ""))
                .containsExactly(
                        "04-empty @-: empty document",
                        "05-binary @-: invalid UTF-8 (use --on-invalid-utf8 replace to read it anyway)",
                        "06-huge-line @-: document is larger than the limit of 2097152 bytes (--max-doc-bytes)",
                        "08-loop @-: rule failure",
                        "null @3: malformed JSON at column 21",
                        "j3 @4: missing \"text\" field",
                        "null @6: malformed JSON at column 32");
        assertThat(errors(errors).get(3).get("reason").asText())
                .isEqualTo("rule failure: rules fired more than 1030 times on document 08-loop, the limit for its 3 facts"
                        + " (--max-firings 1000 + 10 per fact); most often \"loops on a trigger word\" (1031 times):"
                        + " a rule that loops, or raise --max-firings");
    }

    @Test
    void outputIsTheSameForOneAndTwoJobs() {
        Cli one = classify("--jobs", "1");
        Cli two = classify("--jobs", "2");

        assertThat(two.out()).isEqualTo(one.out());
        assertThat(one.out().lines().count()).isGreaterThan(5);
    }

    @Test
    void replacedInvalidUtf8IsClassifiedAndFlagged() throws IOException {
        Files.write(corpus.resolve("05-binary.txt"), new byte[] {'S', 'o', 'v', 'e', 'r', 'e', 'i', 'g', 'n', 't', 'y', ' ', (byte) 0xC3, '.'});

        Cli run = classify("--on-invalid-utf8", "replace");

        String record = run.out().lines().filter(l -> l.contains("\"05-binary\"")).findFirst().orElseThrow();
        assertThat(record).endsWith(",\"invalid_utf8_replaced\":true}");
    }

    @Test
    void anInterruptedRunResumesToTheSameOutput() throws IOException {
        Path full = dir.resolve("full.jsonl");
        classify("--output", full.toString());
        Path partial = dir.resolve("partial.jsonl");
        Files.copy(full, partial);
        try (RandomAccessFile file = new RandomAccessFile(partial.toFile(), "rw")) {
            file.setLength(Files.readString(full).indexOf("\"doc\":\"03-bom\"") + 16);
        }

        Cli resumed = Cli.run("classify", "--rules", pack.toString(), "--format", "jsonl", "--max-firings", "1000",
                "--output", partial.toString(), "--resume", corpus.toString());

        assertThat(resumed.err()).startsWith("frametag: resuming after 2 complete documents in " + partial);
        assertThat(Files.readString(partial)).isEqualTo(Files.readString(full));
    }

    @Test
    void theSummaryFileCountsEverything() throws IOException {
        Path summary = dir.resolve("summary.json");

        classify("--summary", summary.toString());

        JsonNode s = json.readTree(summary.toFile());
        assertThat(s.get("documents").asInt()).isEqualTo(7);
        assertThat(s.get("failed").asInt()).isEqualTo(7);
        assertThat(s.get("tags").get("SOVEREIGNTY").asInt()).isEqualTo(5);
    }

    @Test
    void aResumedRunReportsEachFailureOnceAndSummarisesTheWholeRun() throws IOException {
        Path full = dir.resolve("full.jsonl");
        classify("--output", full.toString(), "--errors", dir.resolve("full-errors.jsonl").toString(),
                "--summary", dir.resolve("full-summary.json").toString());
        Path partial = dir.resolve("partial.jsonl");
        Files.copy(full, partial);
        try (RandomAccessFile file = new RandomAccessFile(partial.toFile(), "rw")) {
            file.setLength(Files.readString(full).indexOf("\"doc\":\"07-long-sentence\""));
        }
        Path errors = Files.copy(dir.resolve("full-errors.jsonl"), dir.resolve("errors.jsonl"));

        Cli resumed = classify("--output", partial.toString(), "--resume", "--errors", errors.toString(),
                "--summary", dir.resolve("summary.json").toString());

        assertThat(resumed.exit()).isEqualTo(ExitCode.SOME_DOCUMENTS_FAILED);
        assertThat(Files.readString(partial)).isEqualTo(Files.readString(full));
        assertThat(Files.readString(errors)).isEqualTo(Files.readString(dir.resolve("full-errors.jsonl")));
        JsonNode whole = json.readTree(dir.resolve("full-summary.json").toFile());
        JsonNode summary = json.readTree(dir.resolve("summary.json").toFile());
        for (String count : List.of("documents", "sentences", "failed", "tags")) {
            assertThat(summary.get(count)).as(count).isEqualTo(whole.get(count));
        }
    }

    @Test
    void filesOfTheSameNameInDifferentFoldersKeepTheirOwnIdsAndPaths() throws IOException {
        Path other = Files.createDirectories(corpus.resolve("more"));
        Files.writeString(other.resolve("01-good.txt"), "Another sovereignty.");

        Cli run = classify("--include", "*good.txt");

        assertThat(run.out().lines().map(l -> l.substring(0, l.indexOf(",\"sentence\""))).distinct()).containsExactly(
                "{\"doc\":\"01-good\",\"path\":\"" + corpus.resolve("01-good.txt") + "\"",
                "{\"doc\":\"more/01-good\",\"path\":\"" + other.resolve("01-good.txt") + "\"");
    }

    @Test
    void aFolderWithoutDocumentsIsAFailureNotASilentSuccess() throws IOException {
        Path notes = Files.createDirectories(dir.resolve("notes"));
        Files.writeString(notes.resolve("readme.md"), "Nothing to classify.");

        Cli run = Cli.run("classify", "--rules", pack.toString(), notes.toString());

        assertThat(run.exit()).isEqualTo(ExitCode.SOME_DOCUMENTS_FAILED);
        assertThat(run.err()).contains("failed: " + notes + ": no documents: the folder holds no *.txt, *.jsonl, *.ndjson, *.csv or *.tsv files, compressed or not");
    }
}
