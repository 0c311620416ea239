package org.frametag.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.frametag.api.Outcome;
import org.frametag.cli.Main;
import org.frametag.core.DocumentAnalyzer;
import org.frametag.core.io.DocumentReader;
import org.frametag.core.io.Input;
import org.frametag.core.text.Document;
import org.frametag.rules.batch.BatchRunner;
import org.frametag.rules.engine.Classifier;
import org.frametag.rules.engine.RuleCompiler;
import org.frametag.rules.format.JsonlResultWriter;
import org.frametag.rules.pack.PackFile;
import org.frametag.rules.pack.RulePack;
import picocli.CommandLine;

/**
 * End-to-end figures for {@code frametag classify} on a news corpus, each next to a baseline
 * measured in the same run: classify against {@code segment} on the same corpus, two jobs
 * against one, and a pack with a 1,000,000-entry term list against one with 1,000 entries.
 *
 * <p>Usage: {@code EndToEnd [--corpus FILE] [--repeats N] [--export-jsonl FILE]}; the corpus
 * has one article per blank-line-separated block (default: the 1 MB slice shipped with the
 * benchmarks). {@code --export-jsonl} only writes the corpus as JSON Lines and exits.
 */
public final class EndToEnd {

    private record Run(String name, double seconds, long documents, long sentences, long bytes, long peakHeap) {

        void print() {
            System.out.printf("%-34s %8.2f s %10.0f docs/s %10.0f sentences/s %7.2f MB/s  peak heap %4d MB%n",
                    name, seconds, documents / seconds, sentences / seconds, bytes / seconds / 1e6, peakHeap >> 20);
        }
    }

    private static final class CountingWriter extends Writer {
        long lines;

        @Override
        public void write(char[] buffer, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                if (buffer[i] == '\n') {
                    lines++;
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        String text = options.containsKey("--corpus") ? Corpus.read(Path.of(options.get("--corpus"))) : Corpus.text();
        int repeats = Integer.parseInt(options.getOrDefault("--repeats", "3"));
        List<Document> articles = Corpus.articles(text);
        if (options.containsKey("--export-jsonl")) {
            writeJsonl(articles, Path.of(options.get("--export-jsonl")));
            return;
        }
        Path work = Files.createTempDirectory("frametag-bench");
        Path corpus = work.resolve("corpus.jsonl");
        writeJsonl(articles, corpus);
        long bytes = Files.size(corpus);
        DocumentAnalyzer analyzer = DocumentAnalyzer.news();
        long sentences = articles.stream().mapToLong(d -> analyzer.analyze(d).sentences().size()).sum();
        System.out.printf("corpus: %d articles, %d sentences, %.1f MB; %d cores; best of %d runs after a warm-up%n",
                articles.size(), sentences, bytes / 1e6, Runtime.getRuntime().availableProcessors(), repeats);

        Run segment = best("segment", repeats, articles.size(), sentences, bytes,
                "segment", "--format", "jsonl", corpus.toString());
        Run one = best("classify --jobs 1", repeats, articles.size(), sentences, bytes,
                "classify", "--format", "jsonl", "-q", "--jobs", "1", corpus.toString());
        Run two = best("classify --jobs 2", repeats, articles.size(), sentences, bytes,
                "classify", "--format", "jsonl", "-q", "--jobs", "2", corpus.toString());
        segment.print();
        one.print();
        two.print();
        System.out.printf("ratio classify/segment throughput (1 job): %.2f%n", segment.seconds() / one.seconds());
        System.out.printf("ratio 2 jobs / 1 job throughput: %.2f%n", one.seconds() / two.seconds());
        Classifier bundled = RuleCompiler.defaults().compile(RulePack.bundled());
        double oneThread = inMemory(bundled, articles, 1, repeats);
        double twoThreads = inMemory(bundled, articles, 2, repeats);
        System.out.printf("ceiling for 2 jobs: 2 threads each classifying the whole corpus in memory reach %.2fx"
                + " the throughput of 1 (%.2f s vs %.2f s)%n", 2 * oneThread / twoThreads, twoThreads, oneThread);

        Path small = pack(work.resolve("pack-1k"), 1_000);
        Path large = pack(work.resolve("pack-1m"), 1_000_000);
        long start = System.nanoTime();
        Classifier withSmall = RuleCompiler.defaults().compile(RulePack.fromFolder(small));
        double loadSmall = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        Classifier withLarge = RuleCompiler.defaults().compile(RulePack.fromFolder(large));
        double loadLarge = (System.nanoTime() - start) / 1e9;
        System.out.printf("pack load: 1,000 entries %.2f s, 1,000,000 entries %.2f s%n", loadSmall, loadLarge);
        double small1k = bestClassify(withSmall, corpus, repeats);
        double large1m = bestClassify(withLarge, corpus, repeats);
        System.out.printf("classify (pack loaded), 1,000-entry list: %.2f s; 1,000,000-entry list: %.2f s%n", small1k, large1m);
        System.out.printf("ratio throughput 1,000,000 / 1,000 entries: %.2f%n", small1k / large1m);
        System.out.printf("peak RSS of this process: %s%n", peakRss());
    }

    private static Run best(String name, int repeats, long documents, long sentences, long bytes, String... args) {
        Run best = null;
        for (int i = 0; i <= repeats; i++) {
            Run run = run(name, documents, sentences, bytes, args);
            if (i > 0 && (best == null || run.seconds() < best.seconds())) {
                best = run;
            }
        }
        return best;
    }

    private static Run run(String name, long documents, long sentences, long bytes, String... args) {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        CountingWriter out = new CountingWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(Writer.nullWriter()));
        long start = System.nanoTime();
        int code = cli.execute(args);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (code != 0) {
            throw new IllegalStateException(name + " exited with " + code);
        }
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return new Run(name, seconds, documents, sentences, bytes, peak);
    }

    /**
     * Best seconds for {@code threads} threads that each classify every article, in memory: no
     * reading, writing or ordering, so the ratio between thread counts is what the machine allows.
     */
    private static double inMemory(Classifier classifier, List<Document> articles, int threads, int repeats)
            throws Exception {
        double best = Double.MAX_VALUE;
        for (int i = 0; i <= repeats; i++) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> articles.forEach(classifier::classify)));
            }
            for (Future<?> f : done) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            if (i > 0) {
                best = Math.min(best, seconds);
            }
        }
        return best;
    }

    /** Seconds to classify the corpus with an already loaded pack, one job, JSON Lines to nowhere. */
    private static double bestClassify(Classifier classifier, Path corpus, int repeats) throws Exception {
        double best = Double.MAX_VALUE;
        for (int i = 0; i <= repeats; i++) {
            long start = System.nanoTime();
            JsonlResultWriter writer = new JsonlResultWriter(new CountingWriter());
            try (Stream<Outcome> outcomes = new BatchRunner(classifier::classify, 1)
                    .classify(DocumentReader.defaults().read(new Input.FileInput(corpus)), d -> false)) {
                for (Outcome outcome : (Iterable<Outcome>) outcomes::iterator) {
                    writer.write(((Outcome.Classified) outcome).document());
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (i > 0) {
                best = Math.min(best, seconds);
            }
        }
        return best;
    }

    /** The bundled pack plus a generated term list of {@code entries} one- to three-word phrases. */
    static Path pack(Path dir, int entries) throws IOException {
        for (PackFile file : RulePack.bundled().files()) {
            Path target = dir.resolve(file.path());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.content());
        }
        Random random = new Random(42);
        List<String> vocabulary = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            StringBuilder word = new StringBuilder();
            int length = 4 + random.nextInt(7);
            for (int k = 0; k < length; k++) {
                word.append((char) ('a' + random.nextInt(26)));
            }
            vocabulary.add(word.toString());
        }
        Set<String> phrases = new LinkedHashSet<>();
        while (phrases.size() < entries) {
            int words = 1 + random.nextInt(3);
            StringBuilder phrase = new StringBuilder(vocabulary.get(random.nextInt(vocabulary.size())));
            for (int w = 1; w < words; w++) {
                phrase.append(' ').append(vocabulary.get(random.nextInt(vocabulary.size())));
            }
            phrases.add(phrase.toString());
        }
        Path list = dir.resolve("terms/generated.txt");
        Files.createDirectories(list.getParent());
        Files.write(list, phrases, StandardCharsets.UTF_8);
        return dir;
    }

    private static void writeJsonl(List<Document> articles, Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Document d : articles) {
                out.write(json.writeValueAsString(Map.of("id", d.id(), "text", d.text())));
                out.write('\n');
            }
        }
    }

    private static String peakRss() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("VmHWM")).map(l -> l.replaceAll("\\s+", " ")).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private EndToEnd() {
    }
}
