package org.frametag.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
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
