package org.frametag.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.frametag.core.DocumentAnalyzer;
import org.frametag.rules.engine.RuleCompiler;
import org.frametag.rules.pack.RulePack;
import org.frametag.rules.terms.TermIndex;
import org.frametag.rules.terms.TermList;

/**
 * How long a pack with a 1,000,000-entry term list takes to load in a fresh JVM, as a command
 * does, against the same pack with 1,000 entries loaded first in the same JVM; then where the
 * large load's time goes: reading the files, parsing the lists, indexing the terms (with the
 * collector's share) and the whole compilation again. Only public API is used, so the class
 * also runs against another build's jars, which gives a before and after on one machine.
 *
 * <p>Usage: {@code PackLoad [ENTRIES]} (default 1,000,000).
 */
public final class PackLoad {

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path work = Files.createTempDirectory("frametag-pack-load");
        try {
            run(work, entries);
        } finally {
            try (var paths = Files.walk(work)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static void run(Path work, int entries) throws Exception {
        Path small = EndToEnd.pack(work.resolve("pack-1k"), 1_000);
        Path large = EndToEnd.pack(work.resolve("pack-large"), entries);
        double loadSmall = seconds(() -> RuleCompiler.defaults().compile(RulePack.fromFolder(small)));
        long collected = collectorMillis();
        double loadLarge = seconds(() -> RuleCompiler.defaults().compile(RulePack.fromFolder(large)));
        double largeCollector = (collectorMillis() - collected) / 1e3;
        System.out.printf("pack load, fresh JVM: 1,000 entries %.2f s, %,d entries %.2f s (collector %.2f s);"
                + " ratio %.2f%n", loadSmall, entries, loadLarge, largeCollector, loadLarge / loadSmall);

        long start = System.nanoTime();
        RulePack pack = RulePack.fromFolder(large);
        double read = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        List<TermList> lists = pack.termFiles().stream()
                .map(f -> TermList.parse(f.path(), f.path(), f.content())).toList();
        double parse = (System.nanoTime() - start) / 1e9;
        collected = collectorMillis();
        start = System.nanoTime();
        TermIndex index = new TermIndex(lists, DocumentAnalyzer.news().tokenizer());
        double indexing = (System.nanoTime() - start) / 1e9;
        double collector = (collectorMillis() - collected) / 1e3;
        System.out.printf("  again, by phase: read %.2f s, parse lists %.2f s, term index %.2f s (collector %.2f s),"
                + " %d unmatchable%n", read, parse, indexing, collector, index.unmatchable().size());
    }

    private interface Load {
        Object run() throws Exception;
    }

    private static double seconds(Load load) throws Exception {
        long start = System.nanoTime();
        load.run();
        return (System.nanoTime() - start) / 1e9;
    }

    private static long collectorMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private PackLoad() {
    }
}
