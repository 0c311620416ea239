package org.frametag.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.frametag.rules.engine.Classifier;
import org.frametag.rules.engine.RuleCompiler;
import org.frametag.rules.engine.RulePackException;
import org.frametag.core.DocumentAnalyzer;
import org.frametag.rules.pack.RulePack;
import picocli.CommandLine.Option;

/** The rule-pack options every command that runs rules shares. */
public final class RulesOptions {

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Rule pack folder (DRL files, terms/*.txt, categories.txt). Default: the bundled pack.")
    Path rules;

    @Option(names = "--max-firings", paramLabel = "N", defaultValue = "" + Classifier.DEFAULT_MAX_FIRINGS,
            description = "Rule firings allowed per document before it is reported as looping (default: ${DEFAULT-VALUE}).")
    int maxFirings;

    @Option(names = "--verbose", description = "Show the rule engine's log messages.")
    boolean verbose;

    public RulePack pack() {
        return rules == null ? RulePack.bundled() : RulePack.fromFolder(rules);
    }

    /**
     * Compiles the pack, printing warnings; on errors prints every diagnostic and returns null.
     */
    public Classifier compile(PrintWriter err) {
        try {
            Classifier classifier = new RuleCompiler(DocumentAnalyzer.news(), maxFirings).compile(pack());
            classifier.warnings().forEach(err::println);
            return classifier;
        } catch (RulePackException e) {
            e.diagnostics().forEach(err::println);
            err.println("frametag: the rule pack has errors; nothing was classified");
            return null;
        } catch (IllegalArgumentException e) {
            err.println("frametag: " + e.getMessage());
            return null;
        }
    }

}
