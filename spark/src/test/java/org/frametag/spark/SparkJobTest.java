package org.frametag.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.frametag.core.io.Compression;
import org.frametag.core.io.InputProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job in local mode against the CLI: the same sentence records, errors and counts. Each test
 * runs one job on the shared session.
 */
class SparkJobTest {

    private static final Path SEEDS = Path.of("../seeds/docs").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theSeedsGiveTheRecordsAndCountsOfTheCli() throws IOException {
        Path out = dir.resolve("out");
        Run job = Run.spark("--input", SEEDS.toString(), "--output", out.toString());
        Run cli = Run.cli("classify", "--format", "jsonl", "-q", "-o", dir.resolve("cli.jsonl").toString(),
                "--summary", dir.resolve("cli-summary.json").toString(), SEEDS.toString());

        assertThat(job.exit()).as(job.err()).isZero();
        assertThat(cli.exit()).isZero();
        assertThat(Run.parts(out.resolve("sentences"))).hasSize(125).isEqualTo(Run.sorted(dir.resolve("cli.jsonl")));
        assertThat(Run.parts(out.resolve("errors"))).isEmpty();
        assertThat(counts(out.resolve("summary.json"))).isEqualTo(counts(dir.resolve("cli-summary.json")));
        assertThat(job.err()).contains("frametag: 4 documents, 125 sentences classified in");
    }

    /**
     * A few hundred documents with bad ones of every kind, a rule that loops, a missing input, and
     * a JSON Lines file cut into splits of 4 KB so that many tasks number its lines.
     */
    @Test
    void generatedDocumentsGiveTheRecordsAndErrorReportOfTheCli() throws IOException {
        Path pack = GeneratedCorpus.pack(dir.resolve("pack"));
        Path corpus = GeneratedCorpus.write(dir.resolve("corpus"), SEEDS);
        List<String> options = List.of("--rules", pack.toString(), "--max-firings", "" + GeneratedCorpus.MAX_FIRINGS,
                "--max-doc-bytes", "" + GeneratedCorpus.MAX_DOC_BYTES);
        List<String> inputs = List.of(corpus.resolve("news.jsonl").toString(), corpus.resolve("texts").toString(),
                corpus.resolve("missing.txt").toString());
        Path out = dir.resolve("out");

        List<String> jobArgs = new ArrayList<>(options);
        inputs.forEach(input -> jobArgs.addAll(List.of("--input", input)));
        jobArgs.addAll(List.of("--output", out.toString()));
        Run job = withSmallSplits(() -> Run.spark(jobArgs.toArray(String[]::new)));
        List<String> cliArgs = new ArrayList<>(List.of("classify", "--format", "jsonl", "-q",
                "-o", dir.resolve("cli.jsonl").toString(), "--errors", dir.resolve("cli-errors.jsonl").toString(),
                "--summary", dir.resolve("cli-summary.json").toString()));
        cliArgs.addAll(options);
        cliArgs.addAll(inputs);
        Run cli = Run.cli(cliArgs.toArray(String[]::new));

        assertThat(job.exit()).as(job.err()).isEqualTo(2);
        assertThat(cli.exit()).isEqualTo(2);
        List<String> errors = Run.parts(out.resolve("errors"));
        assertThat(errors).isEqualTo(Run.sorted(dir.resolve("cli-errors.jsonl")));
        assertThat(errors.stream().map(e -> read(e).get("reason").asText().replaceAll(":.*| at column.*", "")).distinct())
                .containsExactlyInAnyOrder("malformed JSON", "missing \"text\" field", "empty document",
                        "\"text\" must be a string", "document is larger than the limit of 3000 bytes (--max-doc-bytes)",
                        "invalid UTF-8 (use --on-invalid-utf8 replace to read it anyway)", "rule failure", "no such file");
        assertThat(Run.parts(out.resolve("sentences"))).hasSizeGreaterThan(1000).isEqualTo(Run.sorted(dir.resolve("cli.jsonl")));
        assertThat(counts(out.resolve("summary.json"))).isEqualTo(counts(dir.resolve("cli-summary.json")));
        // the failures the job shows are the first lines of its errors output, in its order
        List<String> shown = job.err().lines().filter(line -> line.startsWith("  failed: ")).toList();
        List<String> first = firstLines(out.resolve("errors"), 20).stream().map(e -> read(e))
                .map(e -> "  failed: " + new InputProblem(e.hasNonNull("doc") ? e.get("doc").asText() : null, e.get("path").asText(),
                        e.hasNonNull("line") ? e.get("line").asInt() : null, e.get("reason").asText()))
                .toList();
        assertThat(errors).hasSizeGreaterThan(20);
        assertThat(shown).isEqualTo(first);
        assertThat(job.err()).contains("... and " + (errors.size() - 20) + " more");
    }

    /** The first lines of the one part file of a folder the job wrote, in its order. */
    private static List<String> firstLines(Path folder, int count) throws IOException {
        try (var files = Files.list(folder)) {
            Path part = files.filter(p -> p.getFileName().toString().startsWith("part-")).findFirst().orElseThrow();
            return Files.readAllLines(part).stream().limit(count).toList();
        }
    }

    /**
     * The corpora users have: the generated JSON Lines as {@code .jsonl.gz} (larger than a split,
     * so it would be cut were it not compressed), a cut-off gzip file, a CSV export with quoted
     * commas, quotes and line breaks, a row without an id, a short row and an unclosed quote, a
     * TSV compressed with bzip2 and a text file compressed with xz, all in one folder.
     */
    @Test
    void compressedFilesAndCsvExportsGiveTheRecordsAndErrorReportOfTheCli() throws IOException {
        Path pack = GeneratedCorpus.pack(dir.resolve("pack"));
        Path generated = GeneratedCorpus.write(dir.resolve("generated"), SEEDS);
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        byte[] news = Files.readAllBytes(generated.resolve("news.jsonl"));
        Files.write(corpus.resolve("news.jsonl.gz"), compressed(Compression.GZIP, news));
        byte[] cut = compressed(Compression.GZIP, news);
        Files.write(corpus.resolve("cut.jsonl.gz"), Arrays.copyOf(cut, cut.length * 2 / 3));
        Files.writeString(corpus.resolve("export.csv"), """
                id,date,outlet,text
                c1,2024-05-01,"Wire, Evening","They defend the sovereignty of the nation, he said. ""Fine,"" she said."
                c2,2024-05-02T08:00:00Z,Web,"Officials warned of foreign interference in the vote.
                The count went on."
                ,2024-05-03,Web,A row without an id about the sovereignty of the nation.
                c4,2024-05-04,Web
                c5,2024-05-05,Web,"Never closed, the quote runs to the end of the file.
                """);
        Files.write(corpus.resolve("sheet.tsv.bz2"), compressed(Compression.BZIP2,
                "text\tsource\nWe defend the sovereignty of the nation.\tradio\nNothing here.\ttv\n".getBytes(StandardCharsets.UTF_8)));
        Files.write(corpus.resolve("note.txt.xz"), compressed(Compression.XZ,
                "date 2024-06-01\nOfficials warned of foreign interference in the vote.".getBytes(StandardCharsets.UTF_8)));
        Files.writeString(corpus.resolve("readme.md"), "Not an input.");
        List<String> options = List.of("--rules", pack.toString(), "--max-firings", "" + GeneratedCorpus.MAX_FIRINGS,
                "--max-doc-bytes", "" + GeneratedCorpus.MAX_DOC_BYTES);
        Path out = dir.resolve("out");

        List<String> jobArgs = new ArrayList<>(options);
        jobArgs.addAll(List.of("--input", corpus.toString(), "--output", out.toString()));
        Run job = withSmallSplits(() -> Run.spark(jobArgs.toArray(String[]::new)));
        List<String> cliArgs = new ArrayList<>(List.of("classify", "--format", "jsonl", "-q",
                "-o", dir.resolve("cli.jsonl").toString(), "--errors", dir.resolve("cli-errors.jsonl").toString(),
                "--summary", dir.resolve("cli-summary.json").toString()));
        cliArgs.addAll(options);
        cliArgs.add(corpus.toString());
        Run cli = Run.cli(cliArgs.toArray(String[]::new));

        assertThat(job.exit()).as(job.err()).isEqualTo(2);
        assertThat(cli.exit()).isEqualTo(2);
        List<String> records = Run.parts(out.resolve("sentences"));
        assertThat(records).hasSizeGreaterThan(1000).isEqualTo(Run.sorted(dir.resolve("cli.jsonl")));
        assertThat(records.stream().map(SparkJobTest::read).filter(r -> !r.get("path").asText().endsWith(".jsonl.gz"))
                .map(r -> r.get("doc").asText() + " " + r.get("meta")).distinct().sorted())
                .containsExactly("c1 {\"date\":\"2024-05-01\",\"outlet\":\"Wire, Evening\"}",
                        "c2 {\"date\":\"2024-05-02T08:00:00Z\",\"outlet\":\"Web\"}",
                        "export-5 {\"date\":\"2024-05-03\",\"outlet\":\"Web\"}",
                        "note {\"date\":\"2024-06-01\"}",
                        "sheet-2 {\"source\":\"radio\"}", "sheet-3 {\"source\":\"tv\"}");
        List<String> errors = Run.parts(out.resolve("errors"));
        assertThat(errors).isEqualTo(Run.sorted(dir.resolve("cli-errors.jsonl")));
        assertThat(errors.stream().map(SparkJobTest::read).filter(e -> !e.get("path").asText().endsWith(".jsonl.gz")
                        || e.get("reason").asText().startsWith("cannot read"))
                .map(e -> Path.of(e.get("path").asText()).getFileName() + ":" + e.get("line") + " " + e.get("reason").asText()))
                .containsExactlyInAnyOrder(
                        "cut.jsonl.gz:" + cutLine(errors) + " cannot read: gzip data ends early (a truncated file?)",
                        "export.csv:6 the row has 3 fields and the header 4",
                        "export.csv:7 unclosed quote: the field runs to the end of the file");
        assertThat(counts(out.resolve("summary.json"))).isEqualTo(counts(dir.resolve("cli-summary.json")));
    }

    /** CSV input to Parquet output: the {@code meta} column holds the JSON object of the JSON Lines records. */
    @Test
    void theMetaOfParquetRecordsIsTheJsonObjectOfTheJsonLines() throws IOException {
        SparkSession spark = SharedSpark.session();
        Path export = dir.resolve("export.csv");
        Files.writeString(export, """
                id,date,outlet,words,text
                c1,2024-05-01,"Wire, Evening",12,"They defend the sovereignty of the nation, he said."
                c2,,Web,,Nothing here.
                """);
        Path out = dir.resolve("out");

        Run job = Run.spark("--input", export.toString(), "--output", out.toString(), "--format", "parquet");
        Run cli = Run.cli("classify", "--format", "jsonl", "-q", "-o", dir.resolve("cli.jsonl").toString(), export.toString());

        assertThat(job.exit()).as(job.err()).isZero();
        assertThat(cli.exit()).isZero();
        Dataset<Row> sentences = spark.read().parquet(out.resolve("sentences").toString());
        assertThat(sentences.schema().apply("meta").dataType()).isEqualTo(DataTypes.StringType);
        assertThat(sentences.select("doc", "meta").collectAsList()).extracting(Row::toString).containsExactlyInAnyOrder(
                "[c1,{\"date\":\"2024-05-01\",\"outlet\":\"Wire, Evening\",\"words\":\"12\"}]",
                "[c2,{\"date\":\"\",\"outlet\":\"Web\",\"words\":\"\"}]");
        assertThat(sentences.toJSON().collectAsList().stream().map(SparkJobTest::withMetaObject).sorted().toList())
                .isEqualTo(Run.sorted(dir.resolve("cli.jsonl")));
    }

    @Test
    void parquetTablesGiveParquetRecordsWithTheFieldsOfTheJsonLines() throws IOException {
        SparkSession spark = SharedSpark.session();
        List<String> texts = List.of(
                "Officials warned of foreign interference in the vote. The count went on.",
                "We defend the sovereignty of the nation.\n\nNothing else happened.",
                "date 2024-05-01\nThe election commission rejected the claims of fraud as fake news.");
        List<Row> rows = new ArrayList<>();
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < texts.size(); i++) {
            rows.add(RowFactory.create("p" + i, texts.get(i)));
            jsonl.append(JSON.writeValueAsString(Map.of("id", "p" + i, "text", texts.get(i)))).append('\n');
        }
        rows.add(RowFactory.create(null, "No id."));
        rows.add(RowFactory.create("no-text", null));
        rows.add(RowFactory.create("blank", " \n "));
        Path table = dir.resolve("table.parquet");
        spark.createDataFrame(rows, DataTypes.createStructType(List.of(
                        DataTypes.createStructField("id", DataTypes.StringType, true),
                        DataTypes.createStructField("text", DataTypes.StringType, true))))
                .coalesce(1).write().parquet(table.toString());
        Files.writeString(dir.resolve("same.jsonl"), jsonl);
        Path out = dir.resolve("out");

        Run job = Run.spark("--input", table.toString(), "--output", out.toString(), "--format", "parquet");
        Run cli = Run.cli("classify", "--format", "jsonl", "-q", "-o", dir.resolve("cli.jsonl").toString(),
                dir.resolve("same.jsonl").toString());

        assertThat(job.exit()).as(job.err()).isEqualTo(2);
        assertThat(cli.exit()).isZero();
        List<String> records = spark.read().parquet(out.resolve("sentences").toString()).toJSON().collectAsList();
        assertThat(records.stream().map(SparkJobTest::withMetaObject).map(SparkJobTest::withoutPath).sorted().toList())
                .isEqualTo(Run.sorted(dir.resolve("cli.jsonl")).stream().map(SparkJobTest::withoutPath).sorted().toList());
        assertThat(records).allSatisfy(record -> assertThat(read(record).get("path").asText()).startsWith(table + "/part-"));
        assertThat(spark.read().parquet(out.resolve("sentences").toString()).schema().fieldNames())
                .containsExactly("doc", "path", "sentence", "start", "end", "text", "tags", "invalid_utf8_replaced", "meta");
        assertThat(Run.parts(out.resolve("errors")).stream().map(SparkJobTest::read)
                .map(e -> e.get("doc").asText() + ": " + e.get("reason").asText()))
                .containsExactlyInAnyOrder("null: missing \"id\" field", "no-text: missing \"text\" field",
                        "blank: empty document");
    }

    @Test
    void aPackThatDoesNotCompileOrAnOutputThatExistsStopsTheJobBeforeItStarts() throws IOException {
        Path pack = Files.createDirectories(dir.resolve("pack"));
        Files.writeString(pack.resolve("categories.txt"), "SOVEREIGNTY\n");
        Files.writeString(pack.resolve("broken.drl"), "rule \"no end\"\nwhen\nthen\n");
        Path out = Files.createDirectories(dir.resolve("out"));

        Run broken = Run.spark("--rules", pack.toString(), "--input", SEEDS.toString(), "--output", dir.resolve("o2").toString());
        Run exists = Run.spark("--input", SEEDS.toString(), "--output", out.toString());

        assertThat(broken.exit()).isEqualTo(1);
        assertThat(broken.err()).contains("broken.drl:").endsWith("frametag spark: the rule pack has errors; nothing was classified\n");
        assertThat(Files.exists(dir.resolve("o2"))).isFalse();
        assertThat(exists.exit()).isEqualTo(1);
        assertThat(exists.err()).isEqualTo("frametag spark: the output folder exists: " + out + " (use --overwrite to replace it)\n");
    }

    private static Run withSmallSplits(java.util.function.Supplier<Run> run) {
        SparkSession spark = SharedSpark.session();
        spark.conf().set("spark.sql.files.maxPartitionBytes", "4000");
        spark.conf().set("spark.sql.files.openCostInBytes", "1000");
        try {
            return run.get();
        } finally {
            spark.conf().unset("spark.sql.files.maxPartitionBytes");
            spark.conf().unset("spark.sql.files.openCostInBytes");
        }
    }

    private static byte[] compressed(Compression compression, byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = compression.compress(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    /** The line where reading the cut-off file stopped, as its error says (how far depends on the cut). */
    private static int cutLine(List<String> errors) {
        return errors.stream().map(SparkJobTest::read).filter(e -> e.get("path").asText().endsWith("cut.jsonl.gz"))
                .filter(e -> e.get("reason").asText().startsWith("cannot read")).findFirst().orElseThrow().get("line").asInt();
    }

    /** A summary without its time. */
    private static JsonNode counts(Path summary) throws IOException {
        ObjectNode node = (ObjectNode) JSON.readTree(summary.toFile());
        node.remove("elapsed_seconds");
        return node;
    }

    /** A Parquet record as JSON, its {@code meta} string column read back as the object it holds. */
    private static String withMetaObject(String line) {
        ObjectNode node = (ObjectNode) read(line);
        if (node.has("meta")) {
            node.set("meta", read(node.get("meta").asText()));
        }
        return node.toString();
    }

    /** A record without the path of its input, which differs between a table and the same documents as JSON Lines. */
    private static String withoutPath(String line) {
        ObjectNode node = (ObjectNode) read(line);
        node.remove("path");
        return node.toString();
    }

    private static JsonNode read(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new IllegalArgumentException(line, e);
        }
    }
}
