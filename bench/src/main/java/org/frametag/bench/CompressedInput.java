package org.frametag.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.management.OperatingSystemMXBean;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.frametag.api.Frametag;
import org.frametag.api.Outcome;
import org.frametag.core.io.Compression;
import org.frametag.core.io.DocumentReader;
import org.frametag.core.io.ReadResult;
import org.frametag.rules.format.JsonlResultWriter;
import org.frametag.rules.format.ResultWriter;

/**
 * What compressed input costs: classifying a JSON Lines corpus, plain and as
 * {@code .jsonl.gz} and {@code .jsonl.zst}, runs interleaved so the machine's drift hits each
 * alike, with plain JSON Lines as the baseline; and reading alone (no rules), where the
 * decompression is all the difference.
 *
 * <p>Usage: {@code CompressedInput --corpus FILE.jsonl [--times N] [--repeats N]}: the corpus is
 * FILE's records {@code N} times over (ids made unique), written to a temporary folder.
 */
public final class CompressedInput {

    private static final int JOBS = Runtime.getRuntime().availableProcessors();
    private static final List<String> KINDS = List.of("corpus.jsonl", "corpus.jsonl.gz", "corpus.jsonl.zst");

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        Path source = Path.of(options.getOrDefault("--corpus", "reuters.jsonl"));
        int times = Integer.parseInt(options.getOrDefault("--times", "8"));
        int repeats = Integer.parseInt(options.getOrDefault("--repeats", "3"));
        Path work = Files.createTempDirectory("frametag-bench-compressed");
        long documents = build(source, times, work);
        long bytes = Files.size(work.resolve(KINDS.get(0)));
        System.out.printf("corpus: %s %d times, %d documents, %.1f MB; gzip %.1f MB, zstd %.1f MB; %d cores;"
                        + " %d jobs; best of %d runs after a warm-up, interleaved%n",
                source.getFileName(), times, documents, bytes / 1e6, Files.size(work.resolve(KINDS.get(1))) / 1e6,
                Files.size(work.resolve(KINDS.get(2))) / 1e6, Runtime.getRuntime().availableProcessors(), JOBS, repeats);

        Frametag frametag = Frametag.bundled();
        Timing[] read = new Timing[KINDS.size()];
        Timing[] classify = new Timing[KINDS.size()];
        List<List<Double>> roundRatios = new ArrayList<>();
        KINDS.forEach(k -> roundRatios.add(new ArrayList<>()));
        for (int round = 0; round <= repeats; round++) {
            Timing[] thisRound = new Timing[KINDS.size()];
            for (int k = 0; k < KINDS.size(); k++) {
                Path file = work.resolve(KINDS.get(k));
                Timing r = time(() -> read(file, documents));
                thisRound[k] = time(() -> classify(frametag, file, documents));
                if (round > 0) {
                    read[k] = Timing.best(read[k], r);
                    classify[k] = Timing.best(classify[k], thisRound[k]);
                    roundRatios.get(k).add(thisRound[0].wall() / thisRound[k].wall());
                }
            }
        }
        for (int k = 0; k < KINDS.size(); k++) {
            System.out.printf("%-18s read only %6.2f s (CPU %6.2f s)   classify %6.2f s %6.2f MB/s (CPU %6.2f s)%n",
                    KINDS.get(k), read[k].wall(), read[k].cpu(), classify[k].wall(), bytes / classify[k].wall() / 1e6,
                    classify[k].cpu());
        }
        for (int k = 1; k < KINDS.size(); k++) {
            List<Double> ratios = roundRatios.get(k).stream().sorted().toList();
            System.out.printf("ratio %s / plain throughput: classify %.2f (by CPU time %.2f; median of the rounds %.2f,"
                            + " each against the plain run just before it), read only %.2f (by CPU time %.2f)%n",
                    KINDS.get(k).substring("corpus.jsonl.".length()), classify[0].wall() / classify[k].wall(),
                    classify[0].cpu() / classify[k].cpu(), ratios.get(ratios.size() / 2), read[0].wall() / read[k].wall(),
                    read[0].cpu() / read[k].cpu());
        }
        try (Stream<Path> files = Files.list(work)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(work);
    }

    /**
     * Wall-clock and process CPU seconds of one run, each the best of its kind: CPU time is
     * disturbed much less than wall time by other processes on a shared machine.
     */
    private record Timing(double wall, double cpu) {
        static Timing best(Timing a, Timing b) {
            return a == null ? b : new Timing(Math.min(a.wall, b.wall), Math.min(a.cpu, b.cpu));
        }
    }

    private interface Run {
        void run() throws IOException;
    }

    private static Timing time(Run run) throws IOException {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        run.run();
        return new Timing((System.nanoTime() - start) / 1e9, (os.getProcessCpuTime() - cpu) / 1e9);
    }

    /** Writes the corpus {@code times} over, plain and compressed; the n-th copy of id X is X-n. */
    private static long build(Path source, int times, Path work) throws IOException {
        ObjectMapper json = new ObjectMapper();
        long documents = 0;
        try (Writer plain = writer(Files.newOutputStream(work.resolve(KINDS.get(0))));
             Writer gzip = writer(Compression.GZIP.compress(Files.newOutputStream(work.resolve(KINDS.get(1)))));
             Writer zstd = writer(Compression.ZSTD.compress(Files.newOutputStream(work.resolve(KINDS.get(2)))))) {
            for (int copy = 0; copy < times; copy++) {
                try (BufferedReader in = Files.newBufferedReader(source, StandardCharsets.UTF_8)) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        if (line.isBlank()) {
                            continue;
                        }
                        ObjectNode record = (ObjectNode) json.readTree(line);
                        record.put("id", record.path("id").asText("doc" + documents) + "-" + copy);
                        String out = json.writeValueAsString(record) + "\n";
                        plain.write(out);
                        gzip.write(out);
                        zstd.write(out);
                        documents++;
                    }
                }
            }
        }
        return documents;
    }

    private static Writer writer(OutputStream out) {
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }

    /** Reads every document of {@code file}, no rules. */
    private static void read(Path file, long expected) {
        long count;
        try (Stream<ReadResult> documents = DocumentReader.defaults().read(file)) {
            count = documents.filter(ReadResult.Loaded.class::isInstance).count();
        }
        if (count != expected) {
            throw new IllegalStateException(file + ": read " + count + " documents, expected " + expected);
        }
    }

    /**
     * Classifies {@code file} as {@code frametag classify --format jsonl} does, with the pack
     * already loaded (so its loading does not dilute the difference) and the output dropped.
     */
    private static void classify(Frametag frametag, Path file, long expected) throws IOException {
        long count = 0;
        try (ResultWriter writer = new JsonlResultWriter(Writer.nullWriter());
             Stream<Outcome> outcomes = frametag.classify(DocumentReader.defaults().read(file), JOBS, d -> false)) {
            for (Outcome outcome : (Iterable<Outcome>) outcomes::iterator) {
                writer.write(((Outcome.Classified) outcome).document());
                count++;
            }
        }
        if (count != expected) {
            throw new IllegalStateException(file + ": classified " + count + " documents, expected " + expected);
        }
    }

    private CompressedInput() {
    }
}
