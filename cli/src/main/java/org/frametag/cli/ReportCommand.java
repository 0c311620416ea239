package org.frametag.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.frametag.api.Frametag;
import org.frametag.api.RuleInfo;
import org.frametag.cli.report.HtmlReport;
import org.frametag.rules.diff.TagDiff;
import org.frametag.rules.diff.TagSnapshot;
import org.frametag.rules.eval.GoldSentence;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code frametag report}: the tags of a corpus as one HTML file an analyst opens in a browser,
 * with what {@code evaluate} and {@code diff} would say when given gold labels or a baseline pack.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write an HTML report of the tags, one self-contained file that opens offline in any browser.",
                "It has counts and charts, every document with its tagged sentences, filters by category and rule, "
                        + "and search.",
                "With --gold it marks false positives and negatives and shows per-rule statistics; with --baseline, "
                        + "the sentences that gained or lost tags since that pack."})
public final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RulesOptions rules;

    @Mixin
    InputOptions inputs;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "report.html",
            description = "Where to write the report (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--gold", paramLabel = "GOLD.jsonl", description = "Mark errors against these gold labels and score the rules.")
    Path gold;

    @Option(names = "--baseline", paramLabel = "OLD_RULES_DIR", description = "Show what changed since this rule pack.")
    Path baseline;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        List<GoldSentence> labels = gold == null ? List.of() : GoldLabels.read(gold);
        Frametag frametag = rules.load(err);
        Corpus corpus = Corpus.read(inputs.read());
        Corpus.Run run = corpus.classify(frametag);
        run.problems().forEach(problem -> err.println("frametag: " + problem));
        Optional<HtmlReport.Gold> judged = Optional.empty();
        if (gold != null) {
            HtmlReport.Gold g = new HtmlReport.Gold(labels, frametag.evaluate(labels, run.documents()));
            g.evaluation().missing().forEach(d -> err.println("frametag: warning: gold document " + d
                    + " was not among the inputs; all its labels count as missed"));
            judged = Optional.of(g);
        }
        Optional<HtmlReport.Baseline> changes = Optional.empty();
        if (baseline != null) {
            TagSnapshot before = TagSnapshot.of(corpus.classify(rules.loadBaseline(baseline, err)).documents());
            changes = Optional.of(new HtmlReport.Baseline(baseline.toString(),
                    new TagDiff(labels).compare(before, TagSnapshot.of(run.documents()))));
        }
        List<String> about = new ArrayList<>();
        about.add("rules: " + (rules.rules == null ? "the bundled pack" : rules.rules));
        about.add("inputs: " + String.join(", ", inputs.paths));
        if (gold != null) {
            about.add("gold: " + gold);
        }
        HtmlReport.Contents contents = new HtmlReport.Contents("frametag report", about, frametag.categories(),
                frametag.rules().stream().map(RuleInfo::name).distinct().toList(), run.documents(), run.problems(),
                judged, changes);
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            HtmlReport.write(contents, out);
        }
        err.printf("frametag: wrote %s (%d documents, %.1f MB)%n", output, run.documents().size(), Files.size(output) / 1e6);
        err.flush();
        return run.problems().isEmpty() ? ExitCode.OK : ExitCode.SOME_DOCUMENTS_FAILED;
    }
}
