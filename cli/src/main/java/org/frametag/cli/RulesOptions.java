package org.frametag.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
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

    @Option(names = "--no-cache", description = "Compile the rule pack even if a compiled copy is cached.")
    boolean noCache;

    /**
     * The compiler for this run. Compiled packs are cached in the folder named by the
     * {@code frametag.cache} system property or the {@code FRAMETAG_CACHE} environment variable
     * ({@code off} turns the cache off), by default {@code $XDG_CACHE_HOME/frametag} or
     * {@code ~/.cache/frametag}.
     */
    public RuleCompiler compiler() {
        RuleCompiler compiler = new RuleCompiler(DocumentAnalyzer.news(), maxFirings);
        Optional<Path> folder = noCache ? Optional.empty() : cacheFolder();
        return folder.map(compiler::cachingIn).orElse(compiler);
    }

    private static Optional<Path> cacheFolder() {
        String configured = System.getProperty("frametag.cache", System.getenv("FRAMETAG_CACHE"));
        if (configured != null && !configured.isBlank()) {
            return configured.equals("off") ? Optional.empty() : Optional.of(Path.of(configured));
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return Optional.of(base.resolve("frametag"));
    }

    public RulePack pack() {
        return rules == null ? RulePack.bundled() : RulePack.fromFolder(rules);
    }

    /**
     * Compiles the pack, printing warnings; on errors prints every diagnostic and returns null.
     */
    public Classifier compile(PrintWriter err) {
        try {
            Classifier classifier = compiler().compile(pack());
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
