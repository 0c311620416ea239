package org.frametag.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.frametag.api.Diagnostic;
import org.frametag.api.Frametag;
import org.frametag.api.RulePackException;
import org.frametag.rules.engine.CacheFolder;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The rule-pack options every command that runs rules shares. */
public final class RulesOptions {

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Rule pack folder (DRL files, terms/*.txt, categories.txt). Default: the bundled pack.")
    Path rules;

    @Option(names = "--max-firings", paramLabel = "N", defaultValue = "" + Frametag.DEFAULT_MAX_FIRINGS, converter = Positive.IntValue.class,
            description = "Rule firings allowed per document before it is reported as looping (default: ${DEFAULT-VALUE}).")
    int maxFirings;

    @Option(names = "--doc-timeout", paramLabel = "SECONDS", converter = Positive.IntValue.class,
            defaultValue = "" + Frametag.DEFAULT_DOC_TIMEOUT_SECONDS,
            description = "Time one document may take before it is reported and the run goes on (default: ${DEFAULT-VALUE}).")
    int docTimeout;

    @Mixin
    VerboseOption verbose;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--no-cache", description = "Compile the rule pack even if a compiled copy is cached.")
    boolean noCache;

    /**
     * How to load the pack for this run. Compiled packs are cached in the folder named by the
     * {@code frametag.cache} system property or the {@code FRAMETAG_CACHE} environment variable
     * ({@code off} turns the cache off), by default {@code $XDG_CACHE_HOME/frametag} or
     * {@code ~/.cache/frametag}.
     */
    public Frametag.Loader loader() {
        Frametag.Loader loader = Frametag.loader().maxFirings(maxFirings).docTimeout(Duration.ofSeconds(docTimeout));
        if (rules != null) {
            loader = loader.rules(rules);
        }
        Optional<Path> cache = noCache ? Optional.empty() : CacheFolder.configured();
        return cache.isPresent() ? loader.cacheIn(cache.get()) : loader;
    }

    /**
     * The pack of this run, its warnings printed to {@code err}.
     *
     * @throws RulePackException with its diagnostics {@linkplain #located placed} for the user
     */
    public Frametag load(PrintWriter err) throws RulePackException {
        Frametag frametag;
        try {
            Optional<CompletableFuture<Frametag>> early = loadsAsItStarted() ? earlyPack().loading() : Optional.empty();
            frametag = early.isPresent() ? joined(early.get()) : loader().load();
        } catch (RulePackException e) {
            throw new RulePackException(e.diagnostics().stream().map(this::located).toList());
        }
        frametag.warnings().forEach(w -> err.println(located(w)));
        return frametag;
    }

    /** The early load used the bundled pack with every default; a run that did not is loaded anew. */
    private boolean loadsAsItStarted() {
        return rules == null && !noCache && maxFirings == Frametag.DEFAULT_MAX_FIRINGS
                && docTimeout == Frametag.DEFAULT_DOC_TIMEOUT_SECONDS;
    }

    private EarlyPack earlyPack() {
        return mixee != null && mixee.root().userObject() instanceof FrametagCommand root ? root.earlyPack() : EarlyPack.none();
    }

    private static Frametag joined(CompletableFuture<Frametag> loading) throws RulePackException {
        try {
            return loading.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RulePackException broken) {
                throw broken;
            }
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    /**
     * A diagnostic of this run's pack with its file as the user would open it: the pack folder's
     * file, relative to the working directory when it is under it ({@code my-pack/terms/x.txt}).
     * The bundled pack's files keep their path inside the pack.
     */
    public Diagnostic located(Diagnostic diagnostic) {
        return rules == null ? diagnostic : located(rules, diagnostic);
    }

    static Diagnostic located(Path pack, Diagnostic diagnostic) {
        Path file = Path.of(diagnostic.file());
        if (file.isAbsolute() || file.equals(pack) || diagnostic.file().equals(pack.toString())) {
            return diagnostic;
        }
        Path absolute = pack.resolve(file).toAbsolutePath().normalize();
        Path here = Path.of("").toAbsolutePath();
        return diagnostic.inFile((absolute.startsWith(here) ? here.relativize(absolute) : absolute).toString());
    }

    /**
     * The pack in {@code folder}, loaded as this run's pack is, to compare against; one that does
     * not compile ends the command with its diagnostics printed to {@code err}.
     */
    public Frametag loadBaseline(Path folder, PrintWriter err) {
        try {
            return loader().rules(folder).load();
        } catch (RulePackException e) {
            e.diagnostics().forEach(d -> err.println(located(folder, d)));
            throw new CommandFailure("the baseline rule pack has errors");
        }
    }
}
