package org.frametag.spark;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.frametag.api.Frametag;
import org.frametag.core.io.CsvColumns;
import org.frametag.core.io.DocumentReader;
import org.frametag.core.io.InvalidUtf8;
import org.frametag.rules.batch.RunSummary;
import org.frametag.rules.engine.CacheFolder;
import org.frametag.rules.pack.RulePack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code frametag spark}: the classification of {@code frametag classify} as an Apache Spark job. */
@Command(name = "frametag spark", mixinStandardHelpOptions = true,
        description = {"Tag the sentences of text, JSON Lines, CSV, TSV or Parquet files with Apache Spark, locally or on a cluster.",
                "Writes OUTPUT/sentences (the records of 'classify --format jsonl'), OUTPUT/errors and OUTPUT/summary.json."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every document was classified", "1:usage error, or a rule pack that does not compile",
                "2:the job finished, but some documents could not be read or classified (see OUTPUT/errors)"})
public final class SparkCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-i", "--input"}, required = true, paramLabel = "PATH",
            description = "A file, folder or glob, on any file system Spark reads (repeatable). Folders are searched"
                    + " recursively for the files classify reads (*.txt *.jsonl *.ndjson *.csv *.tsv, each also"
                    + " compressed: gz bz2 xz zst) and for *.parquet files.")
    List<String> inputs = new ArrayList<>();

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "The output folder.")
    String output;

    @Option(names = "--overwrite", description = "Replace the output folder if it exists.")
    boolean overwrite;

    @Option(names = "--input-format", paramLabel = "FORMAT",
            description = "Read every input as ${COMPLETION-CANDIDATES}. Default: by extension (*.jsonl and *.ndjson"
                    + " are JSON Lines, *.csv and *.tsv tables, *.parquet Parquet, the rest text), a compression's aside.")
    InputFormatOption inputFormat;

    @Option(names = "--text-column", paramLabel = "NAME", defaultValue = "text",
            description = "CSV and TSV: the column of the text (default: ${DEFAULT-VALUE}).")
    String textColumn;

    @Option(names = "--id-column", paramLabel = "NAME",
            description = "CSV and TSV: the column of the document id (default: id, when there is one; else FILE-LINE).")
    String idColumn;

    @Option(names = "--date-column", paramLabel = "NAME",
            description = "CSV and TSV: the column of the date, YYYY-MM-DD (default: date, when there is one)."
                    + " Other columns are kept as metadata.")
    String dateColumn;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "jsonl",
            description = "Format of the sentence records: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ClassifyJob.OutputFormat format;

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Rule pack folder on the driver's machine, shipped to the executors. Default: the bundled pack.")
    Path rules;

    @Option(names = "--max-firings", paramLabel = "N", defaultValue = "" + Frametag.DEFAULT_MAX_FIRINGS,
            description = "Rule firings allowed per document before it is reported as looping (default: ${DEFAULT-VALUE}).")
    int maxFirings;

    @Option(names = "--no-cache", description = "Local mode: compile the rule pack even if a compiled copy is cached"
            + " (in the CLI's cache, FRAMETAG_CACHE or ~/.cache/frametag). On a cluster the pack is always compiled.")
    boolean noCache;

    @Option(names = "--on-invalid-utf8", paramLabel = "ACTION", defaultValue = "error",
            description = "error: report the document; replace: read it with U+FFFD and flag it (default: ${DEFAULT-VALUE}).")
    InvalidUtf8 onInvalidUtf8;

    @Option(names = "--max-doc-bytes", paramLabel = "N", defaultValue = "" + DocumentReader.DEFAULT_MAX_DOC_BYTES,
            description = "Report documents larger than N bytes instead of reading them (default: ${DEFAULT-VALUE}).")
    long maxDocBytes;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master. Default: the one spark-submit gives, else local[*] (on this machine, bound to 127.0.0.1).")
    String master;

    @Option(names = "--ui", description = "Keep Spark's web UI on in local mode (off by default).")
    boolean ui;

    @Option(names = {"-q", "--quiet"}, description = "No summary on standard error.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        ShippedPack pack = ShippedPack.of(rules == null ? RulePack.bundled() : RulePack.fromFolder(rules), maxFirings);
        boolean ownSession = SparkSession.getDefaultSession().isEmpty();
        String chosen = !ownSession ? SparkSession.getDefaultSession().get().sparkContext().master()
                : master != null ? master : new SparkConf().get("spark.master", "local[*]");
        // in local mode the driver's pack is every task's, so the CLI's cache of compiled packs spares compiling it
        boolean cached = chosen.startsWith("local") && !noCache;
        Frametag frametag = pack.compiled(cached ? CacheFolder.configured() : Optional.empty());
        frametag.warnings().forEach(err::println);
        err.flush();
        SparkSession spark = ownSession ? session(chosen) : SparkSession.getDefaultSession().get();
        try {
            CsvColumns columns = new CsvColumns(textColumn, Optional.ofNullable(idColumn), Optional.ofNullable(dateColumn));
            ClassifyJob.Options options = new ClassifyJob.Options(inputs, inputFormat, format, output, overwrite,
                    onInvalidUtf8, maxDocBytes, columns);
            RunSummary summary = new ClassifyJob(spark, options, pack).run(frametag.categories());
            if (!quiet) {
                summary.print(err, true, output + "/errors");
                err.println("frametag: sentence records, errors and summary.json in " + output);
                err.flush();
            }
            return summary.failed() > 0 ? 2 : 0;
        } finally {
            if (ownSession) {
                spark.stop();
            }
        }
    }

    /**
     * The session of this run. In local mode it stays on this machine: Spark binds to the
     * machine's network address by default, and serves a web UI.
     */
    private SparkSession session(String chosen) {
        SparkSession.Builder builder = SparkSession.builder().appName("frametag").master(chosen);
        if (chosen.startsWith("local")) {
            builder.config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.ui.enabled", ui)
                    .config("spark.log.level", "WARN");
        }
        return builder.getOrCreate();
    }
}
