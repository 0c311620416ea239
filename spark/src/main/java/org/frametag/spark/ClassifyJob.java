package org.frametag.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.network.util.JavaUtils;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.SerializableConfiguration;
import org.apache.spark.util.TaskCompletionListener;
import org.frametag.api.ClassifiedDocument;
import org.frametag.api.Frametag;
import org.frametag.api.Outcome;
import org.frametag.api.SentenceResult;
import org.frametag.core.io.CsvColumns;
import org.frametag.core.io.DocumentReader;
import org.frametag.core.io.InputProblem;
import org.frametag.core.io.InvalidUtf8;
import org.frametag.core.io.ReadResult;
import org.frametag.rules.batch.ErrorReport;
import org.frametag.rules.batch.RunSummary;
import org.frametag.rules.format.JsonlResultWriter;
import org.frametag.rules.format.SentenceRecord;

/**
 * {@code frametag classify} as a Spark job: reads the inputs in parallel tasks, classifies every
 * document with a pack compiled once per executor, and writes under the output folder
 * {@code sentences/} (the records of {@code classify --format jsonl}, as JSON Lines or Parquet),
 * {@code errors/} (the lines of {@code classify --errors}) and {@code summary.json} (the counts of
 * {@code classify --summary}). A document that fails is an error line, never a failed job.
 */
final class ClassifyJob {

    /**
     * Where and how the job reads and writes.
     *
     * @param csvColumns the columns of CSV and TSV inputs, as the CLI's {@code --text-column} and the others name them
     */
    record Options(List<String> inputs, InputFormatOption inputFormat, OutputFormat format, String output,
                   boolean overwrite, InvalidUtf8 onInvalidUtf8, long maxDocBytes, CsvColumns csvColumns) {
    }

    /** The formats of the sentence records. */
    enum OutputFormat {
        JSONL, PARQUET;

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A problem with the job's arguments, found before any document is read. */
    static final class UsageProblem extends RuntimeException {
        UsageProblem(String message) {
            super(message);
        }
    }

    private static final StructType ERROR = DataTypes.createStructType(List.of(
            DataTypes.createStructField("doc", DataTypes.StringType, true),
            DataTypes.createStructField("path", DataTypes.StringType, true),
            DataTypes.createStructField("line", DataTypes.IntegerType, true),
            DataTypes.createStructField("reason", DataTypes.StringType, true)));

    /** What became of one document: its error, or its sentence count, sentences per category, and its records. */
    private static final StructType OUTCOME = DataTypes.createStructType(List.of(
            DataTypes.createStructField("error", ERROR, true),
            DataTypes.createStructField("sentences", DataTypes.IntegerType, false),
            DataTypes.createStructField("tags", DataTypes.createArrayType(DataTypes.IntegerType, false), true),
            DataTypes.createStructField("jsonl", DataTypes.StringType, true),
            DataTypes.createStructField("records",
                    DataTypes.createArrayType(new RecordRows(SentenceRecord.class).schema(), false), true)));

    private static final int TASKS_PER_CORE = 4;

    private final SparkSession spark;
    private final Options options;
    private final ShippedPack pack;

    ClassifyJob(SparkSession spark, Options options, ShippedPack pack) {
        this.spark = spark;
        this.options = options;
        this.pack = pack;
    }

    /** Runs the job and returns its counts; the pack must compile (check with {@link ShippedPack#compiled()} first). */
    RunSummary run(List<String> categories) throws IOException {
        RunSummary summary = new RunSummary(categories);
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        Path output = new Path(options.output());
        FileSystem outputFs = output.getFileSystem(conf);
        if (outputFs.exists(output)) {
            if (!options.overwrite()) {
                throw new UsageProblem("the output folder exists: " + output + " (use --overwrite to replace it)");
            }
            outputFs.delete(output, true);
        }
        // the outcomes stay an RDD of rows where Spark SQL has nothing to add: JSON Lines are lines of
        // text, and planning a query (its analyser, optimiser and generated code) is a fixed cost of
        // seconds; only Parquet records go through a data frame
        JavaRDD<Row> outcomes = outcomes(conf).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            writeSentences(outcomes, new Path(output, "sentences").toString());
            outcomes.filter(row -> !row.isNullAt(0)).map(row -> ErrorReport.line(problem(row.getStruct(0))))
                    .coalesce(1).saveAsTextFile(new Path(output, "errors").toString());
            addCounts(outcomes, categories, summary);
        } finally {
            outcomes.unpersist(false);
        }
        try (OutputStream out = outputFs.create(new Path(output, "summary.json"))) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out, summary.toMap());
        }
        return summary;
    }

    private void writeSentences(JavaRDD<Row> outcomes, String folder) {
        if (options.format() == OutputFormat.JSONL) {
            outcomes.filter(row -> !row.isNullAt(3) && row.getInt(1) > 0).map(row -> row.getString(3)).saveAsTextFile(folder);
        } else {
            spark.createDataFrame(outcomes, OUTCOME).select(explode(col("records")).as("record")).select("record.*")
                    .write().parquet(folder);
        }
    }

    /**
     * The counts of the summary and the first failures, in one pass over the cached outcomes: each
     * partition adds up its own, and the driver adds up the partitions in their order, so the
     * failures shown are the first ones of the errors output, as a {@code limit} would take them.
     */
    private static void addCounts(JavaRDD<Row> outcomes, List<String> categories, RunSummary summary) {
        int size = categories.size();
        List<Tally> tallies = outcomes.mapPartitions(rows -> {
            Tally tally = new Tally(size);
            rows.forEachRemaining(tally::add);
            return List.of(tally).iterator();
        }).collect();
        Tally total = new Tally(size);
        tallies.forEach(total::add);
        Map<String, Long> tags = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            tags.put(categories.get(i), total.tags[i]);
        }
        summary.add(total.documents, total.sentences, tags);
        summary.addFailures(total.failed, total.shown.stream().map(ClassifyJob::problem).toList());
    }

    /** The counts of some outcomes, and their first failures. */
    private static final class Tally implements Serializable {
        static final int SHOWN = 20;
        long documents;
        long sentences;
        long failed;
        final long[] tags;
        final List<Row> shown = new ArrayList<>();

        Tally(int categories) {
            tags = new long[categories];
        }

        void add(Row outcome) {
            if (!outcome.isNullAt(0)) {
                failed++;
                if (shown.size() < SHOWN) {
                    shown.add(outcome.getStruct(0));
                }
                return;
            }
            documents++;
            sentences += outcome.getInt(1);
            Integer[] counts = (Integer[]) outcome.get(2);
            for (int i = 0; i < tags.length; i++) {
                tags[i] += counts[i];
            }
        }

        void add(Tally other) {
            documents += other.documents;
            sentences += other.sentences;
            failed += other.failed;
            for (int i = 0; i < tags.length; i++) {
                tags[i] += other.tags[i];
            }
            other.shown.stream().limit(SHOWN - shown.size()).forEach(shown::add);
        }
    }

    private static InputProblem problem(Row error) {
        return new InputProblem(error.getString(0), error.getString(1), error.isNullAt(2) ? null : error.getInt(2),
                error.getString(3));
    }

    /** Every input document classified, text and JSON Lines files by splits, Parquet files by Spark's reader. */
    private JavaRDD<Row> outcomes(Configuration conf) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        InputPlan files = InputPlan.of(options.inputs(), options.inputFormat(), conf);
        Broadcast<ShippedPack> shipped = jsc.broadcast(pack);
        Broadcast<SerializableConfiguration> hadoop = jsc.broadcast(new SerializableConfiguration(conf));
        boolean records = options.format() == OutputFormat.PARQUET;
        InvalidUtf8 invalidUtf8 = options.onInvalidUtf8();
        long maxDocBytes = options.maxDocBytes();
        // the columns go to the executors as strings (an Optional is not serializable)
        String textColumn = options.csvColumns().text();
        String idColumn = options.csvColumns().id().orElse(null);
        String dateColumn = options.csvColumns().date().orElse(null);

        // Spark's rule for file sources, with four tasks per core rather than one: a task here is
        // bound by the rules, not by reading, and the cores should finish together
        int tasks = TASKS_PER_CORE * jsc.defaultParallelism();
        long openCost = bytes("spark.sql.files.openCostInBytes", "4MB");
        long splitSize = Math.min(bytes("spark.sql.files.maxPartitionBytes", "128MB"),
                Math.max(openCost, (files.bytes() + files.splits().size() * openCost) / tasks));
        InputPlan plan = numberLines(jsc, files.split(splitSize, conf), hadoop);
        List<List<Split>> groups = plan.groups(splitSize, openCost);

        JavaRDD<Row> outcomes = jsc.emptyRDD();
        if (!groups.isEmpty()) {
            outcomes = jsc.parallelize(groups, groups.size()).mapPartitions(group -> {
                List<Split> splits = new ArrayList<>();
                group.forEachRemaining(splits::addAll);
                CsvColumns columns = new CsvColumns(textColumn, Optional.ofNullable(idColumn), Optional.ofNullable(dateColumn));
                SplitReader reader = new SplitReader(new DocumentReader(invalidUtf8, maxDocBytes, null, columns),
                        hadoop.value().value());
                return classify(reader.read(splits), shipped.value(), records);
            });
        }
        if (!plan.parquet().isEmpty()) {
            Dataset<Row> rows;
            try {
                rows = spark.read().parquet(plan.parquet().toArray(String[]::new))
                        .select(col("id").cast("string"), col("text").cast("string"), col("_metadata.file_path"));
            } catch (Exception e) {
                if (e instanceof AnalysisException) {
                    throw new UsageProblem("Parquet input needs the columns id and text: " + e.getMessage());
                }
                throw e;
            }
            outcomes = outcomes.union(rows.javaRDD().mapPartitions(table -> {
                DocumentReader reader = new DocumentReader(invalidUtf8, maxDocBytes, null);
                Stream<ReadResult> documents = StreamSupport.stream(Spliterators.spliteratorUnknownSize(table, Spliterator.ORDERED), false)
                        .map(row -> reader.row(row.getString(0), row.getString(1), InputPlan.name(new Path(row.getString(2)))));
                return classify(documents, shipped.value(), records);
            }));
        }
        return outcomes;
    }

    /**
     * The splits with the lines before each: the JSON Lines files cut into several splits have their
     * line breaks counted by a job of their own (at the speed of reading) before they are read.
     */
    private static InputPlan numberLines(JavaSparkContext jsc, InputPlan plan, Broadcast<SerializableConfiguration> hadoop) {
        Map<String, List<Split>> files = plan.splits().stream().filter(Split::splittable)
                .collect(Collectors.groupingBy(Split::uri, LinkedHashMap::new, Collectors.toList()));
        List<Split> cut = files.values().stream().filter(parts -> parts.size() > 1).flatMap(List::stream).toList();
        if (cut.isEmpty()) {
            return plan;
        }
        List<SplitReader.LineCount> counts = jsc.parallelize(cut, cut.size())
                .map(split -> SplitReader.count(split, hadoop.value().value())).collect();
        Map<Split, SplitReader.LineCount> counted = new HashMap<>();
        for (int i = 0; i < cut.size(); i++) {
            counted.put(cut.get(i), counts.get(i));
        }
        List<Split> numbered = new ArrayList<>();
        String file = null;
        int lines = 0;
        SplitReader.LineCount previous = null;
        for (Split split : plan.splits()) {
            SplitReader.LineCount count = counted.get(split);
            if (count == null) {
                numbered.add(split);
                continue;
            }
            if (!split.uri().equals(file)) {
                file = split.uri();
                lines = 0;
                previous = null;
            }
            // a split that starts inside a line skips it: that line's break is the split's first
            numbered.add(previous == null ? split : split.withLinesBefore(lines + (previous.endsWithLineBreak() ? 0 : 1)));
            lines += count.lineBreaks();
            previous = count;
        }
        return new InputPlan(numbered, plan.parquet());
    }

    private long bytes(String key, String fallback) {
        return JavaUtils.byteStringAsBytes(spark.conf().get(key, fallback));
    }

    /** The outcome rows of a partition's documents, classified on this task's thread as they are read. */
    private static Iterator<Row> classify(Stream<ReadResult> documents, ShippedPack pack, boolean records) throws Exception {
        Frametag frametag = pack.compiled();
        List<String> categories = frametag.categories();
        RecordRows rows = records ? new RecordRows(SentenceRecord.class) : null;
        Stream<Outcome> outcomes = frametag.classify(documents, 1, document -> false);
        TaskContext task = TaskContext.get();
        if (task != null) {
            task.addTaskCompletionListener((TaskCompletionListener) context -> outcomes.close());
        }
        return outcomes.map(outcome -> outcome instanceof Outcome.Classified c
                ? classified(c.document(), categories, rows)
                : failed(((Outcome.Failed) outcome).problem())).iterator();
    }

    private static Row failed(InputProblem problem) {
        return RowFactory.create(RowFactory.create(problem.doc(), problem.path(), problem.line(), problem.reason()), 0, null, null, null);
    }

    private static Row classified(ClassifiedDocument document, List<String> categories, RecordRows rows) {
        Integer[] tags = new Integer[categories.size()];
        Arrays.fill(tags, 0);
        for (SentenceResult sentence : document.sentences()) {
            for (String category : sentence.categories()) {
                int i = categories.indexOf(category);
                tags[i]++;
            }
        }
        String jsonl = null;
        Row[] records = null;
        if (rows == null) {
            String lines = JsonlResultWriter.lines(document);
            jsonl = lines.isEmpty() ? lines : lines.substring(0, lines.length() - 1);
        } else {
            records = SentenceRecord.of(document).stream().map(rows::row).toArray(Row[]::new);
        }
        return RowFactory.create(null, document.sentences().size(), tags, jsonl, records);
    }
}
