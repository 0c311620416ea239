package org.frametag.rules.engine;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where compiled rule packs are cached by default, for the CLI and for the Spark job in local
 * mode: the folder named by the {@code frametag.cache} system property or the
 * {@code FRAMETAG_CACHE} environment variable ({@code off} turns the cache off), else
 * {@code $XDG_CACHE_HOME/frametag} or {@code ~/.cache/frametag}.
 */
public final class CacheFolder {

    /** The cache folder of this JVM, or empty when the cache is turned off. */
    public static Optional<Path> configured() {
        String configured = System.getProperty("frametag.cache", System.getenv("FRAMETAG_CACHE"));
        if (configured != null && !configured.isBlank()) {
            return configured.equals("off") ? Optional.empty() : Optional.of(Path.of(configured));
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return Optional.of(base.resolve("frametag"));
    }

    private CacheFolder() {
    }
}
