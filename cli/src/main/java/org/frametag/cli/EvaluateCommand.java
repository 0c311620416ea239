package org.frametag.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.frametag.api.ClassifiedDocument;
import org.frametag.api.Evaluation;
import org.frametag.api.Frametag;
import org.frametag.api.Outcome;
import org.frametag.core.text.TerminalText;
import org.frametag.rules.eval.EvaluationError;
import org.frametag.rules.eval.EvaluationReport;
import org.frametag.rules.eval.GoldSentence;
import org.frametag.rules.eval.RuleStats;
import org.frametag.rules.eval.Scores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code frametag evaluate}: scores the rules against labelled sentences. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Classify documents and score the tags against a gold file (precision, recall, F1 per category).")
public final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RulesOptions rules;

    @Mixin
    InputOptions inputs;

    @Option(names = "--gold", paramLabel = "GOLD.jsonl", required = true,
            description = "Gold labels: one JSON object per sentence with doc, start, end, labels.")
    Path gold;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Option(names = "--errors", description = "List the false positives and false negatives with the rules involved.")
    boolean errors;

    @Option(names = "--fail-under", paramLabel = "F1|CATEGORY=F1",
            description = "Exit 1 when micro F1 (or the F1 of CATEGORY) is under this value; repeatable, for CI.")
    List<String> failUnder = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<GoldSentence> labels = GoldLabels.read(gold);
        Map<String, Double> thresholds;
        try {
            thresholds = thresholds(failUnder);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(e.getMessage());
        }
        Frametag frametag = rules.load(err);
        Set<String> labelled = labels.stream().map(GoldSentence::doc).collect(Collectors.toSet());
        List<ClassifiedDocument> documents = new ArrayList<>();
        int failed = 0;
        try (Stream<Outcome> outcomes = frametag.classify(inputs.read(), Runtime.getRuntime().availableProcessors(),
                document -> !labelled.contains(document.id()))) {
            for (Outcome outcome : (Iterable<Outcome>) outcomes::iterator) {
                if (outcome instanceof Outcome.Classified c) {
                    documents.add(c.document());
                } else if (outcome instanceof Outcome.Failed f) {
                    err.println("frametag: " + f.problem());
                    failed++;
                }
            }
        }
        Evaluation evaluation = frametag.evaluate(labels, documents);
        evaluation.missing().forEach(d -> err.println("frametag: warning: gold document " + d
                + " was not among the inputs; all its labels count as missed"));
        EvaluationReport report = evaluation.scores();
        if (json) {
            out.print(toJson(report, evaluation.rules(), errors ? evaluation.errors() : null));
        } else {
            out.print(table(report));
            out.print(EvaluationText.rules(evaluation.rules()));
            if (errors) {
                out.print(TerminalText.visible(EvaluationText.errors(evaluation.errors(), documents)));
            }
        }
        out.flush();
        List<String> under = under(report, thresholds);
        under.forEach(u -> err.println("frametag: " + u));
        if (!under.isEmpty()) {
            return ExitCode.USAGE_OR_RULES;
        }
        return failed > 0 ? ExitCode.SOME_DOCUMENTS_FAILED : ExitCode.OK;
    }

    /** {@code 0.9} is the micro F1 threshold (key {@code micro}); {@code CATEGORY=0.8} one category's. */
    static Map<String, Double> thresholds(List<String> values) {
        Map<String, Double> thresholds = new LinkedHashMap<>();
        for (String v : values) {
            int eq = v.indexOf('=');
            String key = eq < 0 ? "micro" : v.substring(0, eq).strip();
            String number = eq < 0 ? v : v.substring(eq + 1);
            double f1;
            try {
                f1 = Double.parseDouble(number.strip());
            } catch (NumberFormatException e) {
                f1 = -1;
            }
            if (f1 < 0 || f1 > 1 || key.isEmpty()) {
                throw new IllegalArgumentException("--fail-under " + v + ": expected an F1 between 0 and 1, as 0.9 or CATEGORY=0.8");
            }
            thresholds.put(key, f1);
        }
        return thresholds;
    }

    /** The thresholds the report is under, as messages. */
    static List<String> under(EvaluationReport report, Map<String, Double> thresholds) {
        List<String> under = new ArrayList<>();
        thresholds.forEach((key, min) -> {
            Scores scores = key.equals("micro") ? report.micro() : report.categories().get(key);
            if (scores == null) {
                under.add("--fail-under " + key + ": no such category; the categories are "
                        + String.join(", ", report.categories().keySet()));
            } else if (scores.f1() < min) {
                under.add(String.format(Locale.ROOT, "%s F1 %.3f is under %.3f", key, scores.f1(), min));
            }
        });
        return under;
    }

    static String table(EvaluationReport report) {
        StringBuilder s = new StringBuilder();
        s.append(String.format("%-22s %9s %9s %9s %5s %5s %5s%n", "category", "precision", "recall", "f1", "tp", "fp", "fn"));
        report.categories().forEach((category, scores) -> s.append(row(category, scores)));
        s.append(row("micro", report.micro()));
        EvaluationReport.Averages m = report.macro();
        s.append(String.format("%-22s %9.3f %9.3f %9.3f%n", "macro", m.precision(), m.recall(), m.f1()));
        return s.toString();
    }

    private static String row(String name, Scores x) {
        return String.format("%-22s %9.3f %9.3f %9.3f %5d %5d %5d%n", name, x.precision(), x.recall(), x.f1(), x.tp(), x.fp(), x.fn());
    }

    /** The report as JSON; {@code rules} and {@code errors} are added when given. */
    static String toJson(EvaluationReport report, List<RuleStats> rules, List<EvaluationError> errors) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> categories = new LinkedHashMap<>();
        report.categories().forEach((c, s) -> categories.put(c, scores(s)));
        root.put("categories", categories);
        root.put("micro", scores(report.micro()));
        EvaluationReport.Averages m = report.macro();
        Map<String, Object> macro = new LinkedHashMap<>();
        macro.put("precision", round(m.precision()));
        macro.put("recall", round(m.recall()));
        macro.put("f1", round(m.f1()));
        root.put("macro", macro);
        if (rules != null) {
            root.put("rules", EvaluationText.rulesJson(rules));
        }
        if (errors != null) {
            root.put("errors", EvaluationText.errorsJson(errors));
        }
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
    }

    private static Map<String, Object> scores(Scores s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("precision", round(s.precision()));
        m.put("recall", round(s.recall()));
        m.put("f1", round(s.f1()));
        m.put("tp", s.tp());
        m.put("fp", s.fp());
        m.put("fn", s.fn());
        return m;
    }

    static double round(double value) {
        return Math.round(value * 10000) / 10000.0;
    }
}
