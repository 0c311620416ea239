package org.frametag.bench;

import java.util.Collection;
import java.util.Locale;
import org.frametag.core.DocumentAnalyzer;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Runs the benchmarks with the usual JMH command-line options, then prints each result as MB/s
 * and sentences/s of corpus text (one operation processes the whole corpus).
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        Collection<RunResult> results = new Runner(new CommandLineOptions(args)).run();
        String text = Corpus.text();
        double megabytes = Corpus.megabytes(text);
        DocumentAnalyzer analyzer = DocumentAnalyzer.news();
        long sentences = Corpus.articles(text).stream()
                .mapToLong(d -> analyzer.analyze(d).sentences().size()).sum();
        System.out.printf(Locale.ROOT, "%nCorpus: %.3f MB (UTF-8), %d sentences%n", megabytes, sentences);
        System.out.printf(Locale.ROOT, "%-22s %12s %12s %14s%n", "benchmark", "MB/s", "± MB/s", "sentences/s");
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark();
            double opsPerSecond = result.getPrimaryResult().getScore();
            double error = result.getPrimaryResult().getScoreError();
            System.out.printf(Locale.ROOT, "%-22s %12.1f %12.1f %14.0f%n",
                    name.substring(name.lastIndexOf('.') + 1), opsPerSecond * megabytes,
                    Double.isNaN(error) ? 0 : error * megabytes, opsPerSecond * sentences);
        }
    }
}
