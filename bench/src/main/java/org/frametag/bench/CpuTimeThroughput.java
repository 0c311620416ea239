package org.frametag.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.function.IntSupplier;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A cross-check of the JMH figures on a shared machine: runs each benchmark body many times on
 * one thread and reports the best MB/s measured by the thread's CPU time, which other
 * processes competing for the cores disturb much less than wall-clock time.
 */
public final class CpuTimeThroughput {

    private CpuTimeThroughput() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        SegmentationBenchmark bench = new SegmentationBenchmark();
        bench.setUp();
        Blackhole sink = new Blackhole(
                "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        double megabytes = Corpus.megabytes(Corpus.text());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        report(threads, rounds, megabytes, "splitOnSpaces", () -> {
            bench.splitOnSpaces(sink);
            return 0;
        });
        report(threads, rounds, megabytes, "jdkBreakIterator", bench::jdkBreakIterator);
        report(threads, rounds, megabytes, "icuBreakIterator", bench::icuBreakIterator);
        report(threads, rounds, megabytes, "segment", () -> bench.segment().size());
        report(threads, rounds, megabytes, "segmentAndTokenize", () -> {
            bench.segmentAndTokenize(sink);
            return 0;
        });
        report(threads, rounds, megabytes, "analyze", () -> bench.analyze().sentences().size());
    }

    private static void report(ThreadMXBean threads, int rounds, double megabytes, String name, IntSupplier body) {
        long best = Long.MAX_VALUE;
        int checksum = 0;
        for (int round = 0; round < rounds; round++) {
            long start = threads.getCurrentThreadCpuTime();
            checksum += body.getAsInt();
            best = Math.min(best, threads.getCurrentThreadCpuTime() - start);
        }
        System.out.printf(Locale.ROOT, "%-22s %8.1f MB/s (best of %d by thread CPU time; %d)%n",
                name, megabytes / (best / 1e9), rounds, checksum);
    }
}
