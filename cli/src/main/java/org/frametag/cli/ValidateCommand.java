package org.frametag.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.frametag.api.Frametag;
import org.frametag.api.Validation;
import org.frametag.rules.pack.RulePack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code frametag validate}: every problem of a rule pack, with its place, before anything runs. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check a rule pack and report every problem with its file, line and column.",
                "Errors (the pack cannot run) exit 1; warnings are printed and exit 0."})
public final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RulesOptions rules;

    @Option(names = "--inflections",
            description = "Also warn about term entries that only repeat an earlier entry's base forms (\"votes\" after \"vote\").")
    boolean inflections;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Frametag.Loader loader = rules.loader();
        RulePack pack = loader.pack();
        Validation validation = loader.validate(inflections);
        validation.diagnostics().forEach(d -> out.println(rules.located(d)));
        int errors = validation.errors().size();
        int warnings = validation.warnings().size();
        if (errors > 0) {
            out.printf("%s: %s, %s%n", pack.name(), count(errors, "error"), count(warnings, "warning"));
            out.flush();
            return ExitCode.USAGE_OR_RULES;
        }
        Frametag frametag = validation.frametag().orElseThrow();
        out.printf("%s: valid: %s, %s, %s; %s%n", pack.name(), count(frametag.rules().size(), "rule"),
                count(pack.termFiles().size(), "term list"), count(frametag.categories().size(), "category"),
                count(warnings, "warning"));
        out.flush();
        return ExitCode.OK;
    }

    static String count(int n, String noun) {
        String plural = noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s";
        return n + " " + (n == 1 ? noun : plural);
    }
}
