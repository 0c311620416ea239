package org.frametag.spark;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.frametag.api.Frametag;
import org.frametag.api.RulePackException;
import org.frametag.rules.pack.PackFile;
import org.frametag.rules.pack.RulePack;

/**
 * A rule pack as the job ships it to the executors: its files, read once on the driver, so a
 * {@code --rules} folder on the driver's disk reaches every executor of a cluster.
 *
 * @param fingerprint the pack's {@link RulePack#fingerprint()}: the same files, the same pack
 */
record ShippedPack(String name, List<File> files, String fingerprint, int maxFirings) implements Serializable {

    /**
     * The packs this JVM has compiled, by fingerprint and firing limit. Compiling a pack takes about
     * a second, far more than classifying a document, and a compiled {@link Frametag} is immutable
     * and safe to share between threads; but Spark gives a task nothing that lives as long as its
     * executor except static state. So the first task of an executor that needs a pack compiles
     * it, and every later task and thread of that executor uses the same one. This map is the
     * job's only static state. Its entries are never evicted: an executor belongs to one Spark
     * application, which uses one pack (a few at most), and ends with it.
     */
    private static final ConcurrentMap<String, Frametag> COMPILED = new ConcurrentHashMap<>();

    record File(String path, String content) implements Serializable {
    }

    static ShippedPack of(RulePack pack, int maxFirings) {
        return new ShippedPack(pack.name(), pack.files().stream().map(f -> new File(f.path(), f.content())).toList(),
                pack.fingerprint(), maxFirings);
    }

    /** The pack compiled, once per JVM; the driver compiles it first, so its errors stop the job before it starts. */
    Frametag compiled() throws RulePackException {
        return compiled(Optional.empty());
    }

    /**
     * The pack compiled once per JVM, read from the CLI's cache of compiled packs in {@code cache}
     * when the same files were compiled before (and stored there when not). In local mode the
     * driver is the only executor, so the driver's copy is the one every task uses.
     */
    Frametag compiled(Optional<Path> cache) throws RulePackException {
        try {
            return COMPILED.computeIfAbsent(fingerprint + "/" + maxFirings, key -> {
                try {
                    Frametag.Loader loader = Frametag.loader().rules(pack()).maxFirings(maxFirings);
                    return cache.map(loader::cacheIn).orElse(loader).load();
                } catch (RulePackException e) {
                    throw new NotCompiled(e);
                }
            });
        } catch (NotCompiled e) {
            throw e.cause;
        }
    }

    private RulePack pack() {
        return new RulePack(name, files.stream().map(f -> new PackFile(f.path(), f.content())).toList());
    }

    /** Carries a checked compilation error out of {@code computeIfAbsent}. */
    private static final class NotCompiled extends RuntimeException {
        private final RulePackException cause;

        NotCompiled(RulePackException cause) {
            super(cause);
            this.cause = cause;
        }
    }
}
