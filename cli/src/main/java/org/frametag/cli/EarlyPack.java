package org.frametag.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.frametag.api.Frametag;
import org.frametag.rules.engine.CacheFolder;

/**
 * The bundled pack, loading from the first moment of a run that will use it as it is, so that
 * reading the cached rule base overlaps the JVM warming up, picocli building its command model
 * and parsing the arguments (a third of a short run's wall time). A run that names another pack
 * or changes how it loads ({@code --rules}, {@code --no-cache}, {@code --max-firings},
 * {@code --doc-timeout}, {@code --verbose}, which must raise the log level before any logger
 * exists) or asks for help loads as before, once its options are known.
 */
final class EarlyPack {

    private static final Set<String> COMMANDS = Set.of("classify", "explain", "evaluate", "diff", "report", "test");
    private static final List<String> OPTIONS_THAT_CHANGE_THE_LOAD = List.of(
            "--rules", "--no-cache", "--max-firings", "--doc-timeout", "--verbose", "--help", "-h", "--version", "-V");

    private static final long SHORT_INPUT_BYTES = 16 * 1024;
    /** Options whose value names a file the run writes, not one it reads. */
    private static final Set<String> OUTPUT_OPTIONS = Set.of("-o", "--output", "--errors", "--summary");

    private final Optional<CompletableFuture<Frametag>> loading;

    private EarlyPack(Optional<CompletableFuture<Frametag>> loading) {
        this.loading = loading;
    }

    static EarlyPack none() {
        return new EarlyPack(Optional.empty());
    }

    /** Starts loading when the command line asks for a command that loads the pack with its defaults. */
    static EarlyPack forArguments(String[] args) {
        if (args.length == 0 || !COMMANDS.contains(args[0]) || Arrays.stream(args).anyMatch(EarlyPack::changesTheLoad)) {
            return none();
        }
        boolean onDemand = args[0].equals("classify") && shortInput(args);
        return new EarlyPack(CacheFolder.configured().map(folder -> Frametag.loader().cacheIn(folder).rulesOnDemand(onDemand).loadInBackground()));
    }

    /**
     * Whether the run reads only regular files of {@value #SHORT_INPUT_BYTES} bytes or fewer in all
     * (what it writes, such as {@code -o /dev/null} or an earlier run's output, does not count):
     * one short document or a few, for which building only the rules they can match is quicker than
     * building them all. The system property {@code frametag.rulesOnDemand=false} builds them all,
     * as the launcher's class-data archive must record every rule's classes.
     */
    static boolean shortInput(String[] args) {
        if ("false".equals(System.getProperty("frametag.rulesOnDemand"))) {
            return false;
        }
        long bytes = 0;
        boolean files = false;
        boolean outputNext = false;
        for (String arg : Arrays.asList(args).subList(1, args.length)) {
            if (outputNext) {
                outputNext = false;
                continue;
            }
            if (arg.equals("-")) {
                return false;
            }
            if (OUTPUT_OPTIONS.contains(arg)) {
                outputNext = true;
                continue;
            }
            try {
                Path path = Path.of(arg);
                if (arg.startsWith("-") || !Files.exists(path)) {
                    continue;
                }
                if (!Files.isRegularFile(path)) {
                    return false;
                }
                bytes += Files.size(path);
                files = true;
            } catch (InvalidPathException | IOException e) {
                return false;
            }
        }
        return files && bytes <= SHORT_INPUT_BYTES;
    }

    private static boolean changesTheLoad(String arg) {
        return OPTIONS_THAT_CHANGE_THE_LOAD.stream().anyMatch(o -> arg.equals(o) || arg.startsWith(o + "="));
    }

    /** The pack being loaded, when this run started one. */
    Optional<CompletableFuture<Frametag>> loading() {
        return loading;
    }
}
