package org.frametag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.frametag.core.io.Compression;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The corpora users have: compressed files, CSV exports, compressed output and the metadata they carry. */
class CorpusFormatsTest {

    @TempDir
    Path dir;

    private Path pack;

    @BeforeEach
    void writePack() {
        pack = Cli.pack(dir.resolve("pack"));
    }

    private Cli classify(String... args) {
        List<String> all = new ArrayList<>(List.of("classify", "--rules", pack.toString(), "-q"));
        all.addAll(List.of(args));
        return Cli.run(all.toArray(String[]::new));
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static String gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aCsvExportIsClassifiedRowByRowWithItsColumnsAsMeta() {
        Path export = Cli.write(dir, "export.csv", """
                uid,published,outlet,body
                u1,2024-05-01T08:00:00Z,Wire,"They defend the sovereignty of the nation, he said."
                u2,2024-05-02,"Daily, Evening",Nothing here.
                """);

        Cli run = classify("--format", "jsonl", "--text-column", "body", "--id-column", "uid",
                "--date-column", "published", export.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("""
                {"doc":"u1","path":"%1$s","sentence":0,"start":0,"end":51,"text":"They defend the sovereignty of the nation, he said.","tags":[{"category":"SOVEREIGNTY","rule":"sovereignty","evidence":[{"start":16,"end":27,"text":"sovereignty"}]}],"meta":{"date":"2024-05-01","published":"2024-05-01T08:00:00Z","outlet":"Wire"}}
                {"doc":"u2","path":"%1$s","sentence":0,"start":0,"end":13,"text":"Nothing here.","tags":[],"meta":{"date":"2024-05-02","published":"2024-05-02","outlet":"Daily, Evening"}}
                """.formatted(export));
    }

    @Test
    void csvOutputHasADateColumnAndAColumnPerFieldOfTheFirstDocument() {
        Path batch = Cli.write(dir, "batch.jsonl", """
                {"id": "a", "text": "Sovereignty first.", "date": "2024-05-01", "source": "wire", "tags": ["x", "y"]}
                {"id": "b", "text": "Then nothing.", "source": "web", "section": "world"}
                """);

        Cli run = classify("--format", "csv", batch.toString());

        assertThat(run.out()).isEqualTo(String.join("\n",
                "doc,path,sentence,start,end,text,SOVEREIGNTY,FOREIGN_INTERFERENCE,date,source,tags,meta",
                "a,\"" + batch + "\",0,0,18,\"Sovereignty first.\",1,0,2024-05-01,wire,\"[\"\"x\"\",\"\"y\"\"]\",",
                "b,\"" + batch + "\",0,0,13,\"Then nothing.\",0,0,,web,,\"{\"\"section\"\":\"\"world\"\"}\"",
                ""));
    }

    @Test
    void aFolderOfCompressedFilesWithBrokenOnesIsClassifiedAndEveryFailureReported() throws IOException {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.write(corpus.resolve("a.txt.gz"), gzip("They defend the sovereignty of the nation."));
        byte[] whole = gzip("They warned of foreign interference. ".repeat(2000));
        Files.write(corpus.resolve("b.txt.gz"), Arrays.copyOf(whole, whole.length / 2));
        Cli.write(corpus, "c.csv", "id,text\nc1,Fine.\nc2,\"Never closed.\nc3,Swallowed.\n");
        Cli.write(corpus, "d.csv", "id,body\nd1,No text column.\n");
        Path errors = dir.resolve("errors.jsonl");

        Cli run = classify("--format", "jsonl", "--errors", errors.toString(), corpus.toString());

        assertThat(run.exit()).isEqualTo(ExitCode.SOME_DOCUMENTS_FAILED);
        assertThat(run.out().lines().map(l -> l.substring(0, l.indexOf(",\"sentence\"")))).containsExactly(
                "{\"doc\":\"a\",\"path\":\"" + corpus.resolve("a.txt.gz") + "\"", "{\"doc\":\"c1\",\"path\":\"" + corpus.resolve("c.csv") + "\"");
        assertThat(Files.readString(errors)).isEqualTo(String.join("\n",
                "{\"doc\":\"b\",\"path\":\"" + corpus.resolve("b.txt.gz") + "\",\"line\":null,"
                        + "\"reason\":\"cannot read: gzip data ends early (a truncated file?)\"}",
                "{\"doc\":null,\"path\":\"" + corpus.resolve("c.csv") + "\",\"line\":3,"
                        + "\"reason\":\"unclosed quote: the field runs to the end of the file\"}",
                "{\"doc\":null,\"path\":\"" + corpus.resolve("d.csv") + "\",\"line\":1,\"reason\":\"no column \\\"text\\\""
                        + " for the text (the header has id, body; name the text column with --text-column)\"}",
                ""));
    }

    @Test
    void outputEndingInGzOrZstIsCompressed() throws IOException {
        Path docs = Cli.write(dir, "docs/a.txt", "They defend the sovereignty of the nation. Nothing else.");
        Cli plain = classify("--format", "jsonl", docs.toString());
        Path gz = dir.resolve("out/run.jsonl.gz");
        Path zst = dir.resolve("out/run.jsonl.zst");

        classify("--format", "jsonl", "-o", gz.toString(), docs.toString());
        classify("--format", "jsonl", "-o", zst.toString(), docs.toString());

        assertThat(gunzip(gz)).isEqualTo(plain.out());
        try (InputStream in = Compression.ZSTD.decompress(Files.newInputStream(zst))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(plain.out());
        }
    }

    @Test
    void anInterruptedCompressedRunResumesToTheSameOutput() throws IOException {
        Random random = new Random(3);
        StringBuilder batch = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            StringBuilder text = new StringBuilder("Report " + i + " on sovereignty:");
            for (int w = 0; w < 12; w++) {
                text.append(' ').append(Integer.toString(random.nextInt(1 << 20), 36));
            }
            batch.append("{\"id\": \"d").append(i).append("\", \"text\": \"").append(text).append(".\"}\n");
        }
        Path corpus = Cli.write(dir, "batch.jsonl", batch.toString());
        Path full = dir.resolve("full.jsonl.gz");
        classify("--format", "jsonl", "-o", full.toString(), corpus.toString());
        byte[] compressed = Files.readAllBytes(full);
        Path partial = dir.resolve("partial.jsonl.gz");
        Files.write(partial, Arrays.copyOf(compressed, compressed.length / 2));

        Cli resumed = Cli.run("classify", "--rules", pack.toString(), "--format", "jsonl", "-o", partial.toString(),
                "--resume", corpus.toString());

        assertThat(resumed.exit()).isZero();
        int kept = Integer.parseInt(resumed.err().replaceAll("(?s)frametag: resuming after (\\d+) complete documents.*", "$1"));
        assertThat(kept).isBetween(20, 380);
        assertThat(gunzip(partial)).isEqualTo(gunzip(full));
    }

    @Test
    void resumingIntoAFileThatIsNotWhatItsNameSaysLeavesItAlone() throws IOException {
        Path docs = Cli.write(dir, "docs/a.txt", "Sovereignty.");
        Path output = Cli.write(dir, "out.jsonl.gz", "{\"doc\":\"a\"}\n");

        Cli run = classify("--format", "jsonl", "-o", output.toString(), "--resume", docs.toString());

        assertThat(run.exit()).isEqualTo(ExitCode.USAGE_OR_RULES);
        assertThat(run.err()).isEqualTo("frametag: " + output + " does not hold gzip data; there is nothing to resume from\n");
        assertThat(Files.readString(output)).isEqualTo("{\"doc\":\"a\"}\n");
    }

    @Test
    void theBaselineOfADiffAndAGoldFileMayBeCompressed() throws IOException {
        Path docs = Cli.write(dir, "docs/a.txt", "They defend the sovereignty of the nation.");
        Path baseline = dir.resolve("baseline.jsonl.gz");
        classify("--format", "jsonl", "-o", baseline.toString(), docs.toString());
        Path gold = dir.resolve("gold.jsonl.gz");
        Files.write(gold, gzip("{\"doc\": \"a\", \"sentence\": 0, \"start\": 0, \"end\": 42, \"text\": \"They defend the"
                + " sovereignty of the nation.\", \"labels\": [\"SOVEREIGNTY\"], \"context_labels\": []}\n"));

        Cli diff = Cli.run("diff", "--rules", pack.toString(), "--baseline-output", baseline.toString(), docs.toString());
        Cli evaluate = Cli.run("evaluate", "--rules", pack.toString(), "--gold", gold.toString(), "--json", docs.toString());

        assertThat(diff.exit()).isZero();
        assertThat(diff.out()).isEqualTo("no tag changed\n");
        assertThat(evaluate.exit()).isZero();
        JsonNode micro = new ObjectMapper().readTree(evaluate.out()).get("micro");
        assertThat(micro.get("tp").asInt()).isEqualTo(1);
        assertThat(micro.get("fn").asInt()).isZero();
    }
}
