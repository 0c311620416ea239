package org.frametag.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.frametag.api.RulePackException;
import org.frametag.core.DocumentAnalyzer;
import org.frametag.core.text.AnalyzedDocument;
import org.frametag.core.text.Document;
import org.frametag.rules.engine.Classifier;
import org.frametag.rules.engine.RuleCompiler;
import org.frametag.rules.pack.RulePack;
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

/**
 * The rule engine on the 1 MB news slice with the bundled pack, one thread. One operation is
 * the whole slice; {@code analyze} (segment + tokenize, no rules) is the baseline measured in
 * the same run, so the figures compare as ratios on a noisy machine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EngineBenchmark {

    private DocumentAnalyzer analyzer;
    private Classifier classifier;
    private List<Document> documents;
    private List<AnalyzedDocument> analyzed;

    @Setup
    public void setUp() throws RulePackException {
        classifier = RuleCompiler.defaults().compile(RulePack.bundled());
        analyzer = classifier.analyzer();
        documents = Corpus.articles(Corpus.text());
        analyzed = documents.stream().map(analyzer::analyze).toList();
    }

    @Benchmark
    public int analyze() {
        int sentences = 0;
        for (Document d : documents) {
            sentences += analyzer.analyze(d).sentences().size();
        }
        return sentences;
    }

    @Benchmark
    public int rules() {
        int tagged = 0;
        for (AnalyzedDocument d : analyzed) {
            tagged += classifier.classify(d).sentences().size();
        }
        return tagged;
    }

    @Benchmark
    public int analyzeAndRules() {
        int tagged = 0;
        for (Document d : documents) {
            tagged += classifier.classify(d).sentences().size();
        }
        return tagged;
    }
}
