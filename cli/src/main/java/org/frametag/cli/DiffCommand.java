package org.frametag.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.frametag.api.Frametag;
import org.frametag.core.io.Compression;
import org.frametag.core.text.TerminalText;
import org.frametag.rules.diff.TagChange;
import org.frametag.rules.diff.TagDiff;
import org.frametag.rules.diff.TagSnapshot;
import org.frametag.rules.eval.GoldSentence;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code frametag diff}: the answer to "what did my edit do?". Classifies the documents with
 * the baseline pack (or reads a baseline run) and with the current pack, and lists the
 * sentences that gained or lost each category, by rule, as fixes or regressions with gold.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Show which sentences gained or lost which tags since a baseline pack or run.",
                "Changes are grouped by category and rule; with --gold each is a fix or a regression."})
public final class DiffCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RulesOptions rules;

    @Mixin
    InputOptions inputs;

    /** Where the "before" comes from. */
    static final class Baseline {
        @Option(names = "--baseline", paramLabel = "OLD_RULES_DIR", required = true,
                description = "The rule pack folder before the edit.")
        Path rules;

        @Option(names = "--baseline-output", paramLabel = "OLD.jsonl", required = true,
                description = "A previous 'classify --format jsonl' output of the same documents.")
        Path output;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Baseline baseline;

    @Option(names = "--gold", paramLabel = "GOLD.jsonl", description = "Judge each change against these gold labels.")
    Path gold;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ReportFormat format;

    @Option(names = "--fail-on-regression", description = "Exit 1 when any change is a regression (needs --gold).")
    boolean failOnRegression;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (failOnRegression && gold == null) {
            throw new ParameterException(spec.commandLine(),
                    "--fail-on-regression needs --gold GOLD.jsonl: a change is a regression only against gold labels");
        }
        List<GoldSentence> labels = gold == null ? List.of() : GoldLabels.read(gold);
        Frametag current = rules.load(err);
        Corpus corpus = Corpus.read(inputs.read());
        TagSnapshot before;
        if (baseline.rules != null) {
            before = TagSnapshot.of(corpus.classify(rules.loadBaseline(baseline.rules, err)).documents());
        } else {
            try (InputStream in = Compression.open(baseline.output)) {
                before = TagSnapshot.readJsonl(in);
            } catch (IllegalArgumentException e) {
                throw new CommandFailure(baseline.output + ": " + e.getMessage());
            }
        }
        Corpus.Run run = corpus.classify(current);
        run.problems().forEach(problem -> err.println("frametag: " + problem));
        List<TagChange> changes = new TagDiff(labels).compare(before, TagSnapshot.of(run.documents()));
        out.print(format == ReportFormat.JSONL ? jsonl(changes) : TerminalText.visible(DiffText.render(changes, current.categories(), gold != null)));
        out.flush();
        if (!run.problems().isEmpty()) {
            return ExitCode.SOME_DOCUMENTS_FAILED;
        }
        boolean regressed = changes.stream().anyMatch(c -> c.verdict() == TagChange.Verdict.REGRESSION);
        return failOnRegression && regressed ? ExitCode.USAGE_OR_RULES : ExitCode.OK;
    }

    private static String jsonl(List<TagChange> changes) throws IOException {
        ObjectMapper json = new ObjectMapper();
        StringBuilder s = new StringBuilder();
        for (TagChange c : changes) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("doc", c.sentence().doc());
            m.put("sentence", c.sentence().sentence());
            m.put("start", c.sentence().span().start());
            m.put("end", c.sentence().span().end());
            m.put("text", c.sentence().text());
            m.put("category", c.category());
            m.put("change", c.kind().name().toLowerCase(Locale.ROOT));
            m.put("before", c.before().stream().sorted().toList());
            m.put("after", c.after().stream().sorted().toList());
            m.put("verdict", c.verdict().name().toLowerCase(Locale.ROOT));
            s.append(json.writeValueAsString(m)).append('\n');
        }
        return s.toString();
    }
}
