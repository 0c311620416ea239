package org.frametag.bench;

import com.ibm.icu.util.ULocale;
import java.text.BreakIterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.frametag.core.DocumentAnalyzer;
import org.frametag.core.segment.NewsSentenceSegmenter;
import org.frametag.core.text.AnalyzedDocument;
import org.frametag.core.text.Document;
import org.frametag.core.text.Span;
import org.frametag.core.token.NewsTokenizer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Single-threaded throughput over the whole corpus per operation: the news segmenter alone, the
 * segmenter plus tokenizer, the full analyzer, and the JDK and ICU sentence break iterators as
 * baselines; splitting at spaces calibrates for the speed of the machine. {@link BenchMain} turns operations per second into MB/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class SegmentationBenchmark {

    private String text;
    private Span all;
    private Document document;
    private NewsSentenceSegmenter segmenter;
    private NewsTokenizer tokenizer;
    private DocumentAnalyzer analyzer;
    private BreakIterator jdk;
    private com.ibm.icu.text.BreakIterator icu;

    @Setup
    public void setUp() {
        text = Corpus.text();
        all = new Span(0, text.length());
        document = Document.of("corpus", text);
        segmenter = new NewsSentenceSegmenter();
        tokenizer = new NewsTokenizer();
        analyzer = new DocumentAnalyzer(segmenter, tokenizer);
        jdk = BreakIterator.getSentenceInstance(Locale.US);
        icu = com.ibm.icu.text.BreakIterator.getSentenceInstance(new ULocale("en@ss=standard"));
    }

    /** Machine calibration, not a tokenizer: cut the text at every space into substrings. */
    @Benchmark
    public void splitOnSpaces(Blackhole sink) {
        int start = 0;
        for (int k = 0; k < text.length(); k++) {
            if (text.charAt(k) == ' ') {
                sink.consume(text.substring(start, k));
                start = k + 1;
            }
        }
    }

    @Benchmark
    public int jdkBreakIterator() {
        jdk.setText(text);
        int sentences = 0;
        for (int e = jdk.next(); e != BreakIterator.DONE; e = jdk.next()) {
            sentences++;
        }
        return sentences;
    }

    @Benchmark
    public int icuBreakIterator() {
        icu.setText(text);
        int sentences = 0;
        for (int e = icu.next(); e != com.ibm.icu.text.BreakIterator.DONE; e = icu.next()) {
            sentences++;
        }
        return sentences;
    }

    @Benchmark
    public List<Span> segment() {
        return segmenter.segment(text, all);
    }

    @Benchmark
    public void segmentAndTokenize(Blackhole sink) {
        for (Span sentence : segmenter.segment(text, all)) {
            sink.consume(tokenizer.tokenize(text, sentence));
        }
    }

    @Benchmark
    public AnalyzedDocument analyze() {
        return analyzer.analyze(document);
    }
}
