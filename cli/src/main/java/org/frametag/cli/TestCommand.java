package org.frametag.cli;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.frametag.core.text.Document;
import org.frametag.rules.engine.Classifier;
import org.frametag.rules.engine.SentenceResult;
import org.frametag.rules.examples.ExampleFailure;
import org.frametag.rules.examples.ExampleRunner;
import org.frametag.rules.pack.PackOutline;
import org.frametag.rules.pack.RulePack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code frametag test}: runs every rule's {@code @example} and {@code @counterexample} and
 * shows, for each failure, what fired instead and which concepts the rules could see.
 */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Run the examples of every rule (@example sentences it must tag, @counterexample sentences it must not).",
                "Exits 1 when any example fails."})
public final class TestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RulesOptions rules;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RulePack pack = rules.pack();
        Classifier classifier = rules.compile(err);
        if (classifier == null) {
            return ExitCode.USAGE_OR_RULES;
        }
        ExampleRunner.Report report = new ExampleRunner(classifier).run();
        out.print(failures(report, classifier, places(pack)));
        out.println(summary(report));
        out.flush();
        return report.passed() ? ExitCode.OK : ExitCode.USAGE_OR_RULES;
    }

    /** Where each rule is declared, as {@code file:line}. */
    static Map<String, String> places(RulePack pack) {
        Map<String, String> places = new HashMap<>();
        PackOutline.of(pack).rules().forEach(r -> places.putIfAbsent(r.rule().name(), r.place()));
        return places;
    }

    static String failures(ExampleRunner.Report report, Classifier classifier, Map<String, String> places) {
        StringBuilder s = new StringBuilder();
        for (ExampleFailure f : report.failures()) {
            s.append("FAIL ").append(places.getOrDefault(f.rule(), "?")).append(" rule \"").append(f.rule()).append("\"\n");
            s.append(f.shouldTag() ? "  example not tagged: " : "  counterexample tagged: ")
                    .append('"').append(f.sentence()).append("\"\n");
            s.append("  rules that fired: ").append(f.firedRules().isEmpty() ? "none" : String.join(", ", f.firedRules()))
                    .append('\n');
            List<SentenceResult> sentences = classifier.classify(Document.of("example", f.sentence())).sentences();
            String seen = sentences.stream().flatMap(r -> r.mentions().stream())
                    .map(m -> m.concept() + " \"" + m.text() + "\"")
                    .collect(Collectors.joining(", "));
            s.append("  concepts seen: ").append(seen.isEmpty() ? "none" : seen).append('\n');
        }
        return s.toString();
    }

    static String summary(ExampleRunner.Report report) {
        String line = ValidateCommand.count(report.examples(), "example") + ", " + report.failures().size() + " failed";
        if (!report.rulesWithoutExamples().isEmpty()) {
            line += "; " + ValidateCommand.count(report.rulesWithoutExamples().size(), "rule") + " without examples: "
                    + report.rulesWithoutExamples().stream().map(r -> "\"" + r + "\"").collect(Collectors.joining(", "));
        }
        return line;
    }
}
