package org.frametag.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.frametag.api.Frametag;
import org.frametag.api.RulePackException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The rule-pack options every command that runs rules shares. */
public final class RulesOptions {

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Rule pack folder (DRL files, terms/*.txt, categories.txt). Default: the bundled pack.")
    Path rules;

    @Option(names = "--max-firings", paramLabel = "N", defaultValue = "" + Frametag.DEFAULT_MAX_FIRINGS,
            description = "Rule firings allowed per document before it is reported as looping (default: ${DEFAULT-VALUE}).")
    int maxFirings;

    @Mixin
    VerboseOption verbose;

    @Option(names = "--no-cache", description = "Compile the rule pack even if a compiled copy is cached.")
    boolean noCache;

    /**
     * How to load the pack for this run. Compiled packs are cached in the folder named by the
     * {@code frametag.cache} system property or the {@code FRAMETAG_CACHE} environment variable
     * ({@code off} turns the cache off), by default {@code $XDG_CACHE_HOME/frametag} or
     * {@code ~/.cache/frametag}.
     */
    public Frametag.Loader loader() {
        Frametag.Loader loader = Frametag.loader().maxFirings(maxFirings);
        if (rules != null) {
            loader = loader.rules(rules);
        }
        Optional<Path> cache = noCache ? Optional.empty() : cacheFolder();
        return cache.isPresent() ? loader.cacheIn(cache.get()) : loader;
    }

    /** The pack of this run, its warnings printed to {@code err}. */
    public Frametag load(PrintWriter err) throws RulePackException {
        Frametag frametag = loader().load();
        frametag.warnings().forEach(err::println);
        return frametag;
    }

    /**
     * The pack in {@code folder}, loaded as this run's pack is, to compare against; one that does
     * not compile ends the command with its diagnostics printed to {@code err}.
     */
    public Frametag loadBaseline(Path folder, PrintWriter err) {
        try {
            return loader().rules(folder).load();
        } catch (RulePackException e) {
            e.diagnostics().forEach(d -> err.println(folder + "/" + d));
            throw new CommandFailure("the baseline rule pack has errors");
        }
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
}
