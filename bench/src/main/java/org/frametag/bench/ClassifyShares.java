package org.frametag.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;
import org.frametag.api.Frametag;
import org.frametag.core.DocumentAnalyzer;
import org.frametag.core.segment.NewsSentenceSegmenter;
import org.frametag.core.token.NewsTokenizer;
import org.frametag.core.text.Document;

/**
 * Where a warm classifier spends a pass over a corpus, by the thread's CPU time (best of the
 * rounds): segmenting and tokenizing alone, classifying, and the same analysis timed inside a
 * classifying pass, where the rules' work competes with it for the caches. Also the analysis
 * with the tokenizer's memo off and four times larger, which says whether the memo is the limit.
 *
 * <p>Usage: {@code ClassifyShares CORPUS.txt [ROUNDS]} (blank-line-separated articles).
 */
public final class ClassifyShares {

    private ClassifyShares() {
    }

    public static void main(String[] args) throws Exception {
        List<Document> documents = Corpus.articles(Corpus.read(Path.of(args[0])));
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Frametag frametag = Frametag.bundled();
        DocumentAnalyzer analyzer = DocumentAnalyzer.news();
        DocumentAnalyzer noMemo = new DocumentAnalyzer(new NewsSentenceSegmenter(), new NewsTokenizer(0));
        DocumentAnalyzer largeMemo = new DocumentAnalyzer(new NewsSentenceSegmenter(),
                new NewsTokenizer(4 * NewsTokenizer.DEFAULT_MEMO_SIZE));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long analyze = Long.MAX_VALUE;
        long classify = Long.MAX_VALUE;
        long analyzeWithin = Long.MAX_VALUE;
        long analyzeNoMemo = Long.MAX_VALUE;
        long analyzeLargeMemo = Long.MAX_VALUE;
        long checksum = 0;
        for (int round = 0; round < rounds; round++) {
            analyze = Math.min(analyze, pass(threads, documents, d -> analyzer.analyze(d).sentences().size()));
            analyzeNoMemo = Math.min(analyzeNoMemo, pass(threads, documents, d -> noMemo.analyze(d).sentences().size()));
            analyzeLargeMemo = Math.min(analyzeLargeMemo,
                    pass(threads, documents, d -> largeMemo.analyze(d).sentences().size()));
            classify = Math.min(classify, pass(threads, documents, d -> frametag.classify(d).sentences().size()));
            long within = 0;
            for (Document document : documents) {
                long start = threads.getCurrentThreadCpuTime();
                checksum += analyzer.analyze(document).sentences().size();
                within += threads.getCurrentThreadCpuTime() - start;
                checksum += frametag.classify(document).sentences().size();
            }
            analyzeWithin = Math.min(analyzeWithin, within);
        }
        System.out.printf(Locale.ROOT, "corpus: %d articles; best of %d passes by thread CPU time (%d)%n",
                documents.size(), rounds, checksum);
        print("segment and tokenize", analyze, classify);
        print("  with the memo off", analyzeNoMemo, classify);
        print("  with a 4x larger memo", analyzeLargeMemo, classify);
        print("classify", classify, classify);
        print("segment and tokenize, timed between classifications", analyzeWithin, classify);
    }

    private static long pass(ThreadMXBean threads, List<Document> documents, ToLongFunction<Document> work) {
        long start = threads.getCurrentThreadCpuTime();
        long sum = 0;
        for (Document document : documents) {
            sum += work.applyAsLong(document);
        }
        if (sum < 0) {
            throw new IllegalStateException();
        }
        return threads.getCurrentThreadCpuTime() - start;
    }

    private static void print(String name, long nanos, long classify) {
        System.out.printf(Locale.ROOT, "%-52s %7.3f s  %5.2f of classify%n", name, nanos / 1e9, (double) nanos / classify);
    }
}
