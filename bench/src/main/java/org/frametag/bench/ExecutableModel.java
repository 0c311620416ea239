package org.frametag.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.frametag.core.text.Document;
import org.frametag.rules.engine.Classifier;
import org.frametag.rules.engine.RuleCompiler;
import org.frametag.rules.format.JsonlResultWriter;
import org.frametag.rules.pack.RulePack;

/**
 * The bundled pack compiled from its DRL (MVEL constraints) against Drools' executable model, in
 * one JVM: compilation time, the first pass over the corpus (warm-up), the best warm pass, and
 * whether both give the same JSON Lines.
 *
 * <p>Usage: {@code ExecutableModel [CORPUS.txt [REPEATS [--model-first]]]}; the two take turns going first.
 */
public final class ExecutableModel {

    public static void main(String[] args) throws Exception {
        String text = args.length > 0 ? Corpus.read(Path.of(args[0])) : Corpus.text();
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        boolean modelFirst = args.length > 2 && args[2].equals("--model-first");
        List<Document> articles = Corpus.articles(text);
        long start = System.nanoTime();
        Classifier drl = RuleCompiler.defaults().compile(RulePack.bundled());
        double drlCompile = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        Classifier model = RuleCompiler.defaults().executableModel().compile(RulePack.bundled());
        double modelCompile = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "compile: DRL %.2f s, executable model %.2f s%n", drlCompile, modelCompile);
        double[] drlPasses = new double[repeats + 1];
        double[] modelPasses = new double[repeats + 1];
        boolean same = true;
        for (int i = 0; i <= repeats; i++) {
            StringBuilder a = new StringBuilder();
            StringBuilder b = new StringBuilder();
            // alternate which goes first, so neither always runs on code the other warmed up
            if ((i % 2 == 0) != modelFirst) {
                drlPasses[i] = pass(drl, articles, i == 0 ? a : null);
                modelPasses[i] = pass(model, articles, i == 0 ? b : null);
            } else {
                modelPasses[i] = pass(model, articles, i == 0 ? b : null);
                drlPasses[i] = pass(drl, articles, i == 0 ? a : null);
            }
            if (i == 0) {
                same = a.toString().equals(b.toString());
            }
        }
        System.out.printf(Locale.ROOT, "first pass (warm-up): DRL %.2f s, executable model %.2f s%n", drlPasses[0], modelPasses[0]);
        double bestDrl = java.util.Arrays.stream(drlPasses, 1, repeats + 1).min().orElseThrow();
        double bestModel = java.util.Arrays.stream(modelPasses, 1, repeats + 1).min().orElseThrow();
        System.out.printf(Locale.ROOT, "best warm pass of %d: DRL %.2f s, executable model %.2f s; ratio of throughput model/DRL %.2f%n",
                repeats, bestDrl, bestModel, bestDrl / bestModel);
        System.out.println("same JSON Lines output: " + same);
    }

    private static double pass(Classifier classifier, List<Document> articles, StringBuilder out) {
        long start = System.nanoTime();
        for (Document d : articles) {
            var result = classifier.classify(d);
            if (out != null) {
                out.append(JsonlResultWriter.lines(result));
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private ExecutableModel() {
    }
}
