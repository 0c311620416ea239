package org.frametag.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.frametag.api.ClassifiedDocument;
import org.frametag.api.Frametag;
import org.frametag.api.Outcome;
import org.frametag.core.io.Input;
import org.frametag.core.text.Document;
import org.frametag.rules.batch.BlockWriter;
import org.frametag.rules.batch.ErrorReport;
import org.frametag.rules.batch.OutputFile;
import org.frametag.rules.batch.ResumePoint;
import org.frametag.rules.batch.RunSummary;
import org.frametag.rules.format.OutputFormat;
import org.frametag.rules.format.ResultWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code frametag classify}: tags every sentence of every input document. */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = "Tag the sentences of files, folders or standard input with framing categories.")
public final class ClassifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RulesOptions rules;

    @Mixin
    InputOptions inputs;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the output to FILE instead of standard output, compressed when its extension is"
                    + " gz, bz2, xz or zst.")
    Path output;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", converter = Positive.IntValue.class,
            description = "Worker threads (default: the number of cores).")
    Integer jobs;

    @Option(names = "--errors", paramLabel = "FILE",
            description = "Write one JSON line per document that failed (doc, path, line, reason) to FILE"
                    + " (- for standard output, when the results go to --output).")
    Path errors;

    @Option(names = "--formula-guard", negatable = true,
            description = "CSV: prefix text cells a spreadsheet would run as formulas (=, +, -, @) with ' "
                    + "(default: on when writing to --output, off on standard output).")
    Boolean formulaGuard;

    @Option(names = "--summary", paramLabel = "FILE", description = "Write the run's summary as JSON to FILE.")
    Path summaryFile;

    @Option(names = "--resume",
            description = "Continue an interrupted run: keep the complete documents already in --output (jsonl,"
                    + " compressed or not) and append the rest.")
    boolean resume;

    @Option(names = {"-q", "--quiet"},
            description = "No progress line and no summary on standard error; failed documents are still listed there unless --errors is given.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (resume && (output == null || format != OutputFormat.JSONL)) {
            throw new ParameterException(spec.commandLine(), "--resume needs --output FILE and --format jsonl");
        }
        boolean errorsToStdout = errors != null && errors.toString().equals("-");
        if (errorsToStdout && output == null) {
            throw new ParameterException(spec.commandLine(),
                    "--errors - writes the error report to standard output, where the results go; give --output FILE too");
        }
        Frametag frametag = rules.load(err);
        Predicate<Document> skip = document -> false;
        RunSummary summary = new RunSummary(frametag.categories());
        if (resume) {
            ResumePoint point = ResumePoint.truncate(output);
            if (!quiet) {
                err.println("frametag: resuming after " + point.documents() + " complete documents in " + output);
            }
            summary.resumed(point);
            skip = point;
        }
        List<Input> sources = inputs.inputs();
        Progress progress = !quiet && Progress.stderrIsTerminal() ? new Progress(err, InputOptions.totalBytes(sources)) : null;
        int workers = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        boolean colour = output == null && spec.commandLine().getColorScheme().ansi().enabled();
        boolean guard = formulaGuard != null ? formulaGuard : output != null;
        Runnable checkOutput = output == null ? () -> StandardOutput.check(spec.commandLine().getOut()) : () -> { };
        Interruption interruption = null;
        try (Writer out = open();
             BatchedOutput batches = new BatchedOutput(out, checkOutput);
             ErrorReport report = errorReport(errorsToStdout);
             ResultWriter writer = batched(batches, format.writer(batches.writer(), frametag.categories(), colour, guard));
             Stream<Outcome> outcomes = frametag.classify(inputs.read(sources), workers, skip)) {
            interruption = new Interruption(err, batches);
            for (Outcome outcome : (Iterable<Outcome>) outcomes::iterator) {
                if (outcome instanceof Outcome.Classified c) {
                    writer.write(c.document());
                    summary.add(c.document());
                    interruption.written();
                    if (progress != null) {
                        progress.advance(c.document().sentences().size(), c.document().document().text().length());
                    }
                } else if (outcome instanceof Outcome.Failed f) {
                    report.add(f.problem());
                    summary.add(f.problem());
                    if (quiet && errors == null) {
                        err.println("frametag: failed: " + f.problem());
                    }
                }
            }
        } catch (IOException e) {
            throw CommandFailure.of("cannot write " + (output == null ? "the output" : output), e);
        } finally {
            if (interruption != null) {
                interruption.finished();
            }
            if (progress != null) {
                progress.finish();
            }
        }
        if (summaryFile != null) {
            try {
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(summaryFile.toFile(), summary.toMap());
            } catch (IOException e) {
                throw CommandFailure.of("cannot write --summary " + summaryFile, e);
            }
        }
        if (!quiet) {
            boolean countsShown = format == OutputFormat.TEXT && output == null;
            summary.print(err, !countsShown);
        }
        return summary.failed() > 0 ? ExitCode.SOME_DOCUMENTS_FAILED : ExitCode.OK;
    }

    /**
     * Says, when the run is stopped (Ctrl-C, a kill), how far it got and how to continue; the
     * output holds only whole documents, so {@code --resume} picks up where it stopped.
     */
    private final class Interruption {
        private final PrintWriter err;
        private final BatchedOutput batches;
        private final Thread hook;
        private final AtomicLong written = new AtomicLong();

        Interruption(PrintWriter err, BatchedOutput batches) {
            this.err = err;
            this.batches = batches;
            this.hook = new Thread(this::report, "frametag-interrupted");
            Runtime.getRuntime().addShutdownHook(hook);
        }

        void written() {
            written.incrementAndGet();
        }

        void finished() {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs or has run
            }
        }

        private void report() {
            try {
                batches.flush();
            } catch (IOException | RuntimeException e) {
                // what could be written is; the output holds whole documents all the same
            }
            err.println();
            err.println("frametag: interrupted after " + written.get() + " documents" + (resume ? " since the resume point" : ""));
            if (output != null && format == OutputFormat.JSONL) {
                err.println("frametag: " + output + " holds only complete documents; to continue, run:");
                err.println("  frametag " + commandLine() + (resume ? "" : " --resume"));
            } else {
                err.println("frametag: runs written with --output FILE --format jsonl can be continued with --resume");
            }
            err.flush();
        }

        private String commandLine() {
            return spec.commandLine().getParseResult().originalArgs().stream()
                    .map(a -> a.matches("[\\w@%+=:,./-]+") ? a : "'" + a.replace("'", "'\\''") + "'")
                    .collect(Collectors.joining(" "));
        }
    }

    /** {@code writer} writing each document, and its trailer, as one piece of the batched output. */
    private static ResultWriter batched(BatchedOutput batches, ResultWriter writer) {
        return new ResultWriter() {
            @Override
            public void write(ClassifiedDocument document) throws IOException {
                batches.write(() -> writer.write(document));
            }

            @Override
            public void close() throws IOException {
                batches.write(writer::close);
            }
        };
    }

    private ErrorReport errorReport(boolean toStdout) {
        if (toStdout) {
            return ErrorReport.to(new NonClosingWriter(spec.commandLine().getOut()));
        }
        try {
            return ErrorReport.open(errors);
        } catch (IOException e) {
            throw CommandFailure.of("cannot write --errors " + errors, e);
        }
    }

    private Writer open() {
        if (output == null) {
            return new NonClosingWriter(spec.commandLine().getOut());
        }
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            try {
                Files.createDirectories(parent);
            } catch (IOException e) {
                throw CommandFailure.of("cannot create folder " + output.getParent() + " for --output", e);
            }
        }
        try {
            return new BlockWriter(OutputFile.open(output, resume), true);
        } catch (IOException e) {
            throw CommandFailure.of("cannot write --output " + output, e);
        }
    }
}
