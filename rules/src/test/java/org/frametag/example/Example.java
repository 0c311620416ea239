package org.frametag.example;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.frametag.api.ClassifiedDocument;
import org.frametag.api.Evaluation;
import org.frametag.api.Frametag;
import org.frametag.api.Outcome;
import org.frametag.api.SentenceResult;
import org.frametag.api.Tag;
import org.frametag.core.io.DocumentReader;
import org.frametag.rules.eval.GoldFile;

/** Tags a text, explains a near miss, then tags the seed documents with four workers and scores them. */
public class Example {

    public static void main(String[] args) throws Exception {
        Frametag frametag = Frametag.bundled();          // or Frametag.load(Path.of("my-pack"))

        // One text: each sentence with its offsets, each tag with its category, rule and evidence.
        ClassifiedDocument result = frametag.classify("Officials warned of foreign interference in the vote.");
        String text = result.document().text();
        for (SentenceResult sentence : result.sentences()) {
            for (Tag tag : sentence.tags()) {
                System.out.println(sentence.sentence().span() + " " + tag.category() + " by \"" + tag.rule() + "\" on "
                        + tag.evidence().stream().map(e -> e.coveredText(text)).toList());
            }
        }

        // Why a sentence was not tagged: the rule that came closest, what it saw and what it missed.
        frametag.explain("Meddling was feared.").sentences().get(0).nearMisses().stream().limit(1)
                .forEach(miss -> System.out.println(miss.rule().name() + ": saw " + miss.seen() + ", not " + miss.missing()));

        // A folder of documents, four workers, outcomes in input order; then scores against gold labels.
        Path seeds = Path.of(args.length > 0 ? args[0] : "seeds");
        List<ClassifiedDocument> documents;
        try (Stream<Outcome> outcomes = frametag.classify(DocumentReader.defaults().read(seeds.resolve("docs")), 4, d -> false)) {
            documents = outcomes.flatMap(o -> o instanceof Outcome.Classified c ? Stream.of(c.document()) : Stream.empty())
                    .toList();
        }
        Evaluation evaluation = frametag.evaluate(GoldFile.read(seeds.resolve("gold/seeds.gold.jsonl")), documents);
        System.out.printf("%d documents, micro F1 %.3f%n", documents.size(), evaluation.scores().micro().f1());
    }
}
