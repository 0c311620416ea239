package org.frametag.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.frametag.api.Frametag;
import org.frametag.api.RuleInfo;
import org.frametag.api.RulePackException;
import org.frametag.rules.examples.ExampleFailure;
import org.frametag.rules.examples.ExampleRunner;
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
    public Integer call() throws RulePackException {
        PrintWriter out = spec.commandLine().getOut();
        Frametag frametag = rules.load(spec.commandLine().getErr());
        ExampleRunner.Report report = frametag.testExamples();
        out.print(failures(report, frametag));
        out.println(summary(report));
        out.flush();
        return report.passed() ? ExitCode.OK : ExitCode.USAGE_OR_RULES;
    }

    static String failures(ExampleRunner.Report report, Frametag frametag) {
        StringBuilder s = new StringBuilder();
        for (ExampleFailure f : report.failures()) {
            s.append("FAIL ").append(frametag.rule(f.rule()).map(RuleInfo::place).orElse("?"))
                    .append(" rule \"").append(f.rule()).append("\"\n");
            s.append(f.shouldTag() ? "  example not tagged: " : "  counterexample tagged: ")
                    .append('"').append(f.sentence()).append("\"\n");
            s.append("  rules that fired: ").append(f.firedRules().isEmpty() ? "none" : String.join(", ", f.firedRules()))
                    .append('\n');
            String seen = frametag.classify(f.sentence()).sentences().stream().flatMap(r -> r.mentions().stream())
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
