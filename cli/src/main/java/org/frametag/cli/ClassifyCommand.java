package org.frametag.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.frametag.cli.batch.BatchRunner;
import org.frametag.cli.batch.ErrorReport;
import org.frametag.cli.batch.Outcome;
import org.frametag.cli.batch.RunSummary;
import org.frametag.cli.format.OutputFormat;
import org.frametag.cli.format.ResultWriter;
import org.frametag.rules.engine.Classifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the output to FILE instead of standard output.")
    Path output;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Worker threads (default: the number of cores).")
    Integer jobs;

    @Option(names = "--errors", paramLabel = "FILE",
            description = "Write one JSON line per document that failed (doc, path, line, reason) to FILE.")
    Path errors;

    @Option(names = {"-q", "--quiet"}, description = "Print no summary on standard error.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Classifier classifier = rules.compile(err);
        if (classifier == null) {
            return ExitCode.USAGE_OR_RULES;
        }
        int workers = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        RunSummary summary = new RunSummary(classifier.categories());
        try (Writer out = open();
             ErrorReport report = ErrorReport.open(errors);
             ResultWriter writer = format.writer(out, classifier.categories(), output == null && Terminal.isStdoutTerminal())) {
            new BatchRunner(classifier, workers).run(inputs.read(), document -> false, outcome -> {
                if (outcome instanceof Outcome.Classified c) {
                    writer.write(c.document());
                    out.flush();
                    summary.add(c.document());
                } else {
                    Outcome.Failed f = (Outcome.Failed) outcome;
                    report.add(f.problem());
                    summary.add(f.problem());
                }
            });
        }
        if (!quiet) {
            summary.print(err);
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
        return Files.newBufferedWriter(output, StandardCharsets.UTF_8);
    }
}
