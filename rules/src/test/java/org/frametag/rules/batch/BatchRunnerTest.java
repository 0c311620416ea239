package org.frametag.rules.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterators;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.frametag.api.ClassifiedDocument;
import org.frametag.api.Outcome;
import org.frametag.core.io.ReadResult;
import org.frametag.core.text.Document;
import org.frametag.rules.engine.Classifier;
import org.frametag.rules.engine.RuleCompiler;
import org.frametag.rules.pack.RulePack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchRunnerTest {

    private static Classifier classifier;

    @BeforeAll
    static void compilePack(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("categories.txt"), "FOREIGN_INTERFERENCE\n");
        Files.createDirectories(dir.resolve("terms"));
        Files.writeString(dir.resolve("terms/interference.txt"), "meddling\n");
        Files.writeString(dir.resolve("main.drl"), """
                package test
                import org.frametag.rules.facts.Sentence
                import org.frametag.rules.facts.Mention
                global org.frametag.rules.engine.Tagger tagger

                rule "meddling"
                when
                    $s : Sentence()
                    Mention(sentence == $s.index, concept == "interference")
                then
                    tagger.tag($s, "FOREIGN_INTERFERENCE");
                end
                """);
        classifier = RuleCompiler.defaults().compile(RulePack.fromFolder(dir));
    }

    private static ReadResult document(int n) {
        return new ReadResult.Loaded(Document.of("d" + n, n % 3 == 0 ? "Meddling " + n + "." : "Nothing " + n + "."));
    }

    private static Stream<Outcome> classify(int jobs, Stream<ReadResult> inputs) {
        return new BatchRunner(classifier::classify, jobs).classify(inputs, d -> false);
    }

    private static List<String> run(int jobs, Stream<ReadResult> inputs) {
        try (Stream<Outcome> outcomes = classify(jobs, inputs)) {
            return outcomes.map(o -> ((Outcome.Classified) o).document())
                    .map(d -> d.id() + ":" + d.sentences().get(0).tags().size())
                    .toList();
        }
    }

    @Test
    void outcomesKeepInputOrderForAnyNumberOfJobs() throws Exception {
        List<String> one = run(1, IntStream.range(0, 2_000).mapToObj(BatchRunnerTest::document));
        List<String> three = run(3, IntStream.range(0, 2_000).mapToObj(BatchRunnerTest::document));

        assertThat(three).isEqualTo(one).hasSize(2_000);
        assertThat(three.subList(0, 4)).containsExactly("d0:1", "d1:0", "d2:0", "d3:1");
    }

    @Test
    void aDocumentIsPassedOnBeforeTheNextOneArrives() throws Exception {
        CountDownLatch firstWritten = new CountDownLatch(1);
        AtomicInteger waitedInVain = new AtomicInteger();
        Iterator<ReadResult> slowStream = new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                if (next == 1) {
                    try {
                        if (!firstWritten.await(10, TimeUnit.SECONDS)) {
                            waitedInVain.incrementAndGet();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return next < 2;
            }

            @Override
            public ReadResult next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return document(next++);
            }
        };
        List<String> seen = new ArrayList<>();

        try (Stream<Outcome> outcomes = classify(2, StreamSupport.stream(Spliterators.spliteratorUnknownSize(slowStream, 0), false))) {
            outcomes.forEach(outcome -> {
                seen.add(((Outcome.Classified) outcome).document().id());
                firstWritten.countDown();
            });
        }

        assertThat(seen).containsExactly("d0", "d1");
        assertThat(waitedInVain).hasValue(0);
    }

    @Test
    void closingTheOutcomesEarlyStopsTheReader() {
        AtomicInteger read = new AtomicInteger();
        Stream<ReadResult> inputs = IntStream.range(0, 100_000).peek(n -> read.incrementAndGet())
                .mapToObj(BatchRunnerTest::document);
        AtomicInteger written = new AtomicInteger();

        assertThatThrownBy(() -> {
            try (Stream<Outcome> outcomes = classify(2, inputs)) {
                outcomes.forEach(outcome -> {
                    if (written.incrementAndGet() == 3) {
                        throw new UncheckedIOException(new IOException("No space left on device"));
                    }
                });
            }
        }).isInstanceOf(UncheckedIOException.class).hasMessageContaining("No space left on device");
        assertThat(written).hasValue(3);
        assertThat(read.get()).isLessThan(100_000);
    }

    @Test
    void aFailingInputEndsTheOutcomesAfterTheDocumentsBeforeIt() {
        Stream<ReadResult> inputs = IntStream.range(0, 5).mapToObj(n -> {
            if (n == 4) {
                throw new IllegalStateException("the folder went away");
            }
            return document(n);
        });
        List<String> seen = new ArrayList<>();

        assertThatThrownBy(() -> {
            try (Stream<Outcome> outcomes = classify(2, inputs)) {
                outcomes.forEach(o -> seen.add(((Outcome.Classified) o).document().id()));
            }
        }).isInstanceOf(IllegalStateException.class).hasMessage("the folder went away");
        assertThat(seen).containsExactly("d0", "d1", "d2", "d3");
    }

    /** Outcomes as {@code id} for a classified document, {@code id: reason} for a failed one. */
    private static List<String> outcomes(Stream<Outcome> outcomes) {
        try (outcomes) {
            return outcomes.map(o -> o instanceof Outcome.Classified c ? c.document().id()
                    : ((Outcome.Failed) o).problem().doc() + ": " + ((Outcome.Failed) o).problem().reason()).toList();
        }
    }

    @Test
    void aDocumentThatNeverFinishesIsReportedWithTheRuleAndTheRestGoOn() {
        CountDownLatch never = new CountDownLatch(1);
        Function<Document, ClassifiedDocument> hangsOnD1 = document -> {
            if (document.id().equals("d1")) {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return classifier.classify(document);
        };
        classifier.classify(Document.of("warm-up", "Meddling."));
        BatchRunner runner = new BatchRunner(hangsOnD1, thread -> "waits for ever", 1, Duration.ofMillis(1500));

        List<String> seen = outcomes(runner.classify(IntStream.range(0, 4).mapToObj(BatchRunnerTest::document), d -> false));

        assertThat(seen).containsExactly("d0",
                "d1: took longer than 1500 ms to classify (--doc-timeout); rule \"waits for ever\" was firing; its thread is left running",
                "d2", "d3");
    }

    @Test
    void aDocumentTooLargeForTheHeapIsReportedBeforeItIsClassified() {
        long tooMany = Runtime.getRuntime().maxMemory() / BatchRunner.HEAP_BYTES_PER_CHAR + 1;
        AtomicInteger classified = new AtomicInteger();
        Function<Document, ClassifiedDocument> counting = document -> {
            classified.incrementAndGet();
            return classifier.classify(document);
        };
        Stream<ReadResult> inputs = Stream.of(document(0),
                new ReadResult.Loaded(Document.of("huge", "x".repeat((int) Math.min(Integer.MAX_VALUE - 8, tooMany)))), document(2));

        List<String> seen = outcomes(new BatchRunner(counting, 2).classify(inputs, d -> false));

        assertThat(seen).hasSize(3);
        assertThat(seen.get(1)).startsWith("huge: too large for memory: " + tooMany + " characters need about ")
                .endsWith("(split the document, or raise the heap: FRAMETAG_JAVA_OPTS=-Xmx4g); it is not classified");
        assertThat(seen).first().isEqualTo("d0");
        assertThat(seen).last().isEqualTo("d2");
        assertThat(classified).hasValue(2);
    }
}
