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
import java.util.function.Predicate;
import java.util.stream.Stream;
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

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Worker threads (default: the number of cores).")
    Integer jobs;

    @Option(names = "--errors", paramLabel = "FILE",
            description = "Write one JSON line per document that failed (doc, path, line, reason) to FILE.")
    Path errors;

    @Option(names = "--summary", paramLabel = "FILE", description = "Write the run's summary as JSON to FILE.")
    Path summaryFile;

    @Option(names = "--resume",
            description = "Continue an interrupted run: keep the complete documents already in --output (jsonl,"
                    + " compressed or not) and append the rest.")
    boolean resume;

    @Option(names = {"-q", "--quiet"}, description = "No progress line and no summary on standard error.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (resume && (output == null || format != OutputFormat.JSONL)) {
            throw new ParameterException(spec.commandLine(), "--resume needs --output FILE and --format jsonl");
        }
        Frametag frametag = rules.load(err);
        Predicate<Document> skip = document -> false;
        if (resume) {
            ResumePoint point = ResumePoint.truncate(output);
            if (!quiet) {
                err.println("frametag: resuming after " + point.documents() + " complete documents in " + output);
            }
            skip = point;
        }
        List<Input> sources = inputs.inputs();
        Progress progress = !quiet && Progress.stderrIsTerminal() ? new Progress(err, InputOptions.totalBytes(sources)) : null;
        int workers = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        boolean colour = output == null && spec.commandLine().getColorScheme().ansi().enabled();
        RunSummary summary = new RunSummary(frametag.categories());
        try (Writer out = open();
             ErrorReport report = ErrorReport.open(errors, resume);
             ResultWriter writer = format.writer(out, frametag.categories(), colour);
             Stream<Outcome> outcomes = frametag.classify(inputs.read(sources), workers, skip)) {
            for (Outcome outcome : (Iterable<Outcome>) outcomes::iterator) {
                if (outcome instanceof Outcome.Classified c) {
                    writer.write(c.document());
                    out.flush();
                    summary.add(c.document());
                    if (progress != null) {
                        progress.advance(c.document().sentences().size(), c.document().document().text().length());
                    }
                } else if (outcome instanceof Outcome.Failed f) {
                    report.add(f.problem());
                    summary.add(f.problem());
                }
            }
        } finally {
            if (progress != null) {
                progress.finish();
            }
        }
        if (summaryFile != null) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(summaryFile.toFile(), summary.toMap());
        }
        if (!quiet) {
            boolean countsShown = format == OutputFormat.TEXT && output == null;
            summary.print(err, !countsShown);
        }
        return summary.failed() > 0 ? ExitCode.SOME_DOCUMENTS_FAILED : ExitCode.OK;
    }

    private Writer open() throws IOException {
        if (output == null) {
            return new NonClosingWriter(spec.commandLine().getOut());
        }
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return new BlockWriter(OutputFile.open(output, resume), true);
    }
}
