package org.frametag.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.frametag.api.ClassifiedDocument;
import org.frametag.api.Outcome;
import org.frametag.core.io.ReadResult;
import org.frametag.core.text.Document;
import org.frametag.rules.batch.BatchRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pack's term lists are indexed once, when it is compiled, and every job matches with that one
 * index: a list of a million entries costs its memory and its load time once, not once per job.
 */
class SharedTermIndexTest {

    @TempDir
    Path dir;

    @Test
    void fourJobsShareOneClassifierAndItsIndexAndTagAsOneJobDoes() throws Exception {
        String generated = IntStream.range(0, 20_000).mapToObj(i -> "word" + Integer.toString(i, 26) + " term")
                .collect(Collectors.joining("\n"));
        Classifier classifier = RuleCompiler.defaults().compile(TestPacks.write(dir, Map.of(
                "categories.txt", "SECURITY_INCIDENT\n",
                "rules.drl", TestPacks.HEADER + """
                        rule "a threat to a vote"
                        when
                            $s : Sentence()
                            Mention(sentence == $s.index, concept == "threat")
                            Mention(sentence == $s.index, concept in ("vote", "generated"))
                        then
                            tagger.tag($s, "SECURITY_INCIDENT");
                        end
                        """,
                "terms/threat.txt", "threat\nthreaten\n",
                "terms/vote.txt", "vote\nballot\n",
                "terms/generated.txt", generated + "\n")));
        List<Document> documents = IntStream.range(0, 400).mapToObj(i -> Document.of("d" + i,
                "They threatened the vote. A threat to word" + Integer.toString(i * 37, 26)
                        + " terms was made. Nothing else " + i + "."))
                .toList();
        Set<Thread> workers = ConcurrentHashMap.newKeySet();

        List<ClassifiedDocument> oneJob = classify(documents, 1, classifier, workers);
        workers.clear();
        List<ClassifiedDocument> fourJobs = classify(documents, 4, classifier, workers);

        assertThat(workers).hasSizeGreaterThan(1);
        assertThat(fourJobs).isEqualTo(oneJob);
        assertThat(oneJob).allMatch(d -> !d.sentences().get(0).tags().isEmpty() && !d.sentences().get(1).tags().isEmpty());
    }

    private static List<ClassifiedDocument> classify(List<Document> documents, int jobs, Classifier classifier,
                                                     Set<Thread> workers) {
        BatchRunner runner = new BatchRunner(document -> {
            workers.add(Thread.currentThread());
            return classifier.classify(document);
        }, jobs);
        List<ClassifiedDocument> out = new ArrayList<>();
        try (Stream<Outcome> outcomes = runner.classify(documents.stream().map(ReadResult.Loaded::new), d -> false)) {
            outcomes.forEach(o -> out.add(((Outcome.Classified) o).document()));
        }
        return out;
    }
}
