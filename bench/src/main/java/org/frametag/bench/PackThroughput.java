package org.frametag.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.frametag.api.Frametag;
import org.frametag.api.Tag;
import org.frametag.core.text.Document;

/**
 * What a change to a rule pack costs in throughput: several packs classify the same corpus in one
 * JVM, taking turns pass by pass so that the machine's load falls on all of them alike. Each pack
 * is reported by its best pass, after one pass to warm up, as a ratio to the best pass of the first
 * pack named. Time is the thread's CPU time, which leaves out the serial collector's pauses, so a
 * pack that allocates much more than another looks a little cheaper than it is. The number of tags
 * (sentence and category pairs) tells packs that tag differently apart; an equal number does not
 * prove that they tag alike ({@code frametag diff} does).
 *
 * <p>Usage: {@code PackThroughput CORPUS.txt ROUNDS PACK_FOLDER...} (blank-line-separated articles;
 * ROUNDS measured passes of each pack, at least 1). A folder written {@code PACK_FOLDER+drools-reset}
 * loads that pack with Drools' own reset of the pooled session instead of the classifier's lean one,
 * so that the two resets can be measured in one run.
 */
public final class PackThroughput {

    private static final String DROOLS_RESET = "+drools-reset";

    private PackThroughput() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: PackThroughput CORPUS.txt ROUNDS PACK_FOLDER...");
        }
        String text = Corpus.read(Path.of(args[0]));
        List<Document> documents = Corpus.articles(text);
        int rounds = Integer.parseInt(args[1]);
        if (rounds < 1) {
            throw new IllegalArgumentException("ROUNDS must be at least 1, not " + rounds);
        }
        List<String> names = Arrays.asList(args).subList(2, args.length);
        List<Frametag> packs = new ArrayList<>();
        for (String name : names) {
            boolean droolsReset = name.endsWith(DROOLS_RESET);
            System.setProperty("frametag.droolsReset", String.valueOf(droolsReset));
            packs.add(Frametag.load(Path.of(droolsReset ? name.substring(0, name.length() - DROOLS_RESET.length()) : name)));
        }
        System.clearProperty("frametag.droolsReset");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] best = new long[packs.size()];
        long[] tags = new long[packs.size()];
        Arrays.fill(best, Long.MAX_VALUE);
        for (int round = 0; round <= rounds; round++) {
            for (int p = 0; p < packs.size(); p++) {
                long start = threads.getCurrentThreadCpuTime();
                long tagged = 0;
                for (Document document : documents) {
                    tagged += packs.get(p).classify(document).sentences().stream()
                            .mapToLong(s -> s.tags().stream().map(Tag::category).distinct().count()).sum();
                }
                long spent = threads.getCurrentThreadCpuTime() - start;
                tags[p] = tagged;
                if (round > 0) {
                    best[p] = Math.min(best[p], spent);
                }
            }
        }
        double megabytes = Corpus.megabytes(text);
        System.out.printf(Locale.ROOT, "corpus: %d articles, %.1f MB; best of %d passes by thread CPU time, after one to warm up%n",
                documents.size(), megabytes, rounds);
        for (int p = 0; p < packs.size(); p++) {
            System.out.printf(Locale.ROOT, "%7.3f s  %6.2f MB/s  %5.2f of the first  %6d tags  %s%n", best[p] / 1e9,
                    megabytes / (best[p] / 1e9), (double) best[p] / best[0], tags[p], names.get(p));
        }
    }
}
