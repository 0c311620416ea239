package org.frametag.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.frametag.core.io.Compression;
import org.frametag.core.io.CsvColumns;
import org.frametag.core.io.DocumentReader;
import org.frametag.core.io.InvalidUtf8;
import org.frametag.core.text.Document;
import org.frametag.core.text.Span;
import org.frametag.rules.eval.GoldSentence;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library API as a caller sees it, on a small pack of two rules and a looping one. */
class FrametagTest {

    private static final String HEADER = """
            package test
            import org.frametag.rules.facts.Sentence
            import org.frametag.rules.facts.Mention
            import org.frametag.rules.facts.Tagged
            global org.frametag.rules.engine.Tagger tagger

            """;

    private static final String MEDDLING = """
            rule "meddling in the vote"
                @example("Meddling in the vote was reported.")
            when
                $s : Sentence()
                $m : Mention(sentence == $s.index, concept == "meddling")
                $v : Mention(sentence == $s.index, concept == "vote", near($m, 4))
            then
                tagger.tag($s, "FOREIGN_INTERFERENCE");
            end

            """;

    private static Frametag frametag;

    @BeforeAll
    static void load(@TempDir Path dir) throws Exception {
        frametag = Frametag.loader().maxFirings(200).rules(pack(dir, HEADER + MEDDLING + """
                rule "pointer"
                when
                    $s : Sentence()
                    $p : Mention(sentence == $s.index, concept == "pointer")
                    $t : Tagged(sentence == $s.index - 1)
                then
                    tagger.tag($s, $t.getCategory());
                end

                rule "loops"
                when
                    $s : Sentence(text == "An endless loop.")
                then
                    insert(new Sentence($s.getIndex(), 0, 0, $s.getText(), 0));
                end
                """)).load();
    }

    private static Path pack(Path dir, String drl) throws IOException {
        Files.writeString(dir.resolve("categories.txt"), "FOREIGN_INTERFERENCE\n");
        Files.createDirectories(dir.resolve("terms"));
        Files.writeString(dir.resolve("terms/meddling.txt"), "meddling\n");
        Files.writeString(dir.resolve("terms/vote.txt"), "vote\n");
        Files.writeString(dir.resolve("terms/pointer.txt"), "such attempts\n");
        Files.writeString(dir.resolve("main.drl"), drl);
        return dir;
    }

    @Test
    void aTextComesBackWithSentencesOffsetsTagsRulesAndEvidence() {
        ClassifiedDocument result = frametag.classify("Meddling in the vote is likely. Such attempts will fail.");

        assertThat(result.id()).isEqualTo("text");
        assertThat(result.sentences()).extracting(s -> s.sentence().span())
                .containsExactly(new Span(0, 31), new Span(32, 56));
        assertThat(result.sentences().get(0).tags()).containsExactly(
                new Tag("FOREIGN_INTERFERENCE", "meddling in the vote", List.of(new Span(0, 8), new Span(16, 20))));
        assertThat(result.sentences().get(1).tags()).containsExactly(
                new Tag("FOREIGN_INTERFERENCE", "pointer", List.of(new Span(32, 45)), OptionalInt.of(0)));
    }

    @Test
    void aStreamIsClassifiedInInputOrderAndAFailedDocumentDoesNotStopIt() {
        List<Document> documents = new ArrayList<>();
        IntStream.range(0, 300).forEach(n -> documents.add(Document.of("d" + n, n == 7 ? "An endless loop." : "Meddling in the vote " + n + ".")));

        List<String> seen;
        try (Stream<Outcome> outcomes = frametag.classify(documents.stream(), 3)) {
            seen = outcomes.map(o -> o instanceof Outcome.Classified c ? c.document().id()
                    : "failed " + ((Outcome.Failed) o).problem().doc()).toList();
        }

        assertThat(seen).hasSize(300).startsWith("d0", "d1", "d2", "d3", "d4", "d5", "d6", "failed d7", "d8").endsWith("d299");
    }

    @Test
    void filesAreReadInEveryInputFormatCompressedOrNotWithTheirFields(@TempDir Path dir) throws IOException {
        Path export = dir.resolve("export.csv.zst");
        try (OutputStream out = Compression.ZSTD.compress(Files.newOutputStream(export))) {
            out.write("uid,body,published,outlet\nu1,Meddling in the vote was reported.,2024-05-01,Wire\n".getBytes(StandardCharsets.UTF_8));
        }
        DocumentReader reader = new DocumentReader(InvalidUtf8.ERROR, DocumentReader.DEFAULT_MAX_DOC_BYTES, null,
                new CsvColumns("body", Optional.of("uid"), Optional.of("published")));

        List<ClassifiedDocument> documents;
        try (Stream<Outcome> outcomes = frametag.classify(reader.read(dir), 2, d -> false)) {
            documents = outcomes.map(o -> ((Outcome.Classified) o).document()).toList();
        }

        assertThat(documents).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo("u1");
            assertThat(d.document().date()).contains(LocalDate.of(2024, 5, 1));
            assertThat(d.document().fields()).isEqualTo(Map.of("published", "2024-05-01", "outlet", "Wire"));
            assertThat(d.sentences().get(0).categories()).containsExactly("FOREIGN_INTERFERENCE");
        });
    }

    @Test
    void aLoopingRuleIsARuleFailureForThatDocument() {
        assertThatThrownBy(() -> frametag.classify("An endless loop."))
                .isInstanceOf(RuleFailure.class)
                .hasMessageContaining("\"loops\"");
    }

    @Test
    void rulesAreDescribedWithoutDroolsTypes() {
        assertThat(frametag.rules()).extracting(RuleInfo::name, RuleInfo::place, RuleInfo::categories, RuleInfo::concepts)
                .containsExactly(
                        tuple("meddling in the vote", "main.drl:7", List.of("FOREIGN_INTERFERENCE"),
                                List.of("meddling", "vote")),
                        tuple("pointer", "main.drl:17", List.of(), List.of("pointer")),
                        tuple("loops", "main.drl:26", List.of(), List.of()));
        assertThat(frametag.rule("meddling in the vote").orElseThrow().examples()).containsExactly("Meddling in the vote was reported.");
        assertThat(frametag.categories()).containsExactly("FOREIGN_INTERFERENCE");
    }

    @Test
    void explainingASentenceShowsTheRulesThatCameClose() {
        Explanation explanation = frametag.explain("Meddling was feared. The vote was held.");

        Explanation.SentenceExplanation first = explanation.sentences().get(0);
        assertThat(first.result().tags()).isEmpty();
        assertThat(first.nearMisses()).extracting(c -> c.rule().name(), RuleCheck::seen, RuleCheck::missing)
                .containsExactly(tuple("meddling in the vote", Set.of("meddling"),
                        Set.of("vote")));
        assertThat(first.rule("pointer").orElseThrow()).extracting(RuleCheck::fired, RuleCheck::seen)
                .containsExactly(false, Set.of());
    }

    @Test
    void anExclusionNamesTheRulesItKeptFromTagging(@TempDir Path dir) throws Exception {
        pack(dir, HEADER + MEDDLING + """
                rule "a game is no politics"
                    salience 100
                when
                    $s : Sentence()
                    Mention(sentence == $s.index, concept == "game")
                then
                    tagger.exclude($s, "FOREIGN_INTERFERENCE");
                end
                """);
        Files.writeString(dir.resolve("terms/game.txt"), "game\n");
        Frametag excluding = Frametag.load(dir);

        Explanation explanation = excluding.explain("Meddling in the vote of the game jury. Meddling in the vote.");

        SentenceResult game = explanation.sentences().get(0).result();
        assertThat(game.tags()).isEmpty();
        assertThat(game.vetoes()).containsExactly(new Veto("a game is no politics", "FOREIGN_INTERFERENCE", null,
                List.of("meddling in the vote")));
        assertThat(explanation.sentences().get(0).rules()).extracting(c -> c.rule().name(), RuleCheck::fired)
                .containsExactly(tuple("meddling in the vote", false), tuple("a game is no politics", true));
        assertThat(explanation.sentences().get(1).result().vetoes()).isEmpty();
    }

    @Test
    void evaluationScoresTagsAndNamesTheGoldDocumentsThatWereMissing() {
        ClassifiedDocument a = frametag.classify(Document.of("a", "Meddling in the vote is likely. The sky was clear."));
        List<GoldSentence> gold = List.of(
                new GoldSentence("a", 0, new Span(0, 31), "", Set.of("FOREIGN_INTERFERENCE"), Set.of()),
                new GoldSentence("a", 1, new Span(32, 50), "", Set.of("FOREIGN_INTERFERENCE"), Set.of()),
                new GoldSentence("b", 0, new Span(0, 9), "", Set.of(), Set.of()));

        Evaluation evaluation = frametag.evaluate(gold, List.of(a));

        assertThat(evaluation.scores().micro()).extracting("tp", "fp", "fn").containsExactly(1, 0, 1);
        assertThat(evaluation.missing()).containsExactly("b");
        assertThat(evaluation.errors()).hasSize(1);
    }

    @Test
    void aBrokenPackIsARulePackExceptionWithEveryPlace(@TempDir Path dir) throws IOException {
        pack(dir, HEADER + "rule \"x\"\nwhen\n  $s : Sentence()\nthen\n  tagger.tag($s, \"UNKNOWN\");\nend\n");

        assertThatThrownBy(() -> Frametag.load(dir))
                .isInstanceOfSatisfying(RulePackException.class, e -> assertThat(e.diagnostics())
                        .extracting(Diagnostic::toString)
                        .containsExactly("main.drl:11:18: error: unknown category \"UNKNOWN\" in rule \"x\": it is not in "
                                + "categories.txt; add it there or use one of FOREIGN_INTERFERENCE"));
        assertThat(Frametag.loader().rules(dir).validate(false).ok()).isFalse();
        assertThatThrownBy(() -> Frametag.load(dir.resolve("missing")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rule pack folder not found");
    }

    @Test
    void aPackLoadedInTheBackgroundTagsAsOneLoadedAtOnce(@TempDir Path dir) throws Exception {
        Frametag.Loader loader = Frametag.loader().rules(pack(dir, HEADER + """
                rule "meddling in the vote"
                when
                    $s : Sentence()
                    $m : Mention(sentence == $s.index, concept == "meddling")
                then
                    tagger.tag($s, "FOREIGN_INTERFERENCE");
                end
                """));
        CompletableFuture<Frametag> loading = loader.loadInBackground();
        String text = "Meddling in the vote is likely. Nothing else happened.";

        assertThat(loading.get(60, TimeUnit.SECONDS).classify(text)).isEqualTo(loader.load().classify(text));
    }

    @Test
    void aBrokenPackFailsTheBackgroundLoadWithItsDiagnostics(@TempDir Path dir) throws IOException {
        pack(dir, HEADER + "rule \"x\"\nwhen\n  $s : Sentence()\nthen\n  tagger.tag($s, \"UNKNOWN\");\nend\n");

        assertThat(Frametag.loader().rules(dir).loadInBackground()).failsWithin(60, TimeUnit.SECONDS)
                .withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(RulePackException.class).withMessageContaining("unknown category \"UNKNOWN\"");
    }

    /** Every public signature of the API names frametag's or Java's types, never the engine's. */
    @Test
    void noDroolsTypeAppearsInTheApi() throws IOException, URISyntaxException {
        Path api = Path.of(Frametag.class.getProtectionDomain().getCodeSource().getLocation().toURI()).resolve("org/frametag/api");
        List<String> leaks = new ArrayList<>();
        try (Stream<Path> classes = Files.list(api)) {
            for (Path file : classes.filter(f -> f.toString().endsWith(".class")).toList()) {
                Class<?> type = loadApiClass(file.getFileName().toString());
                if (!Modifier.isPublic(type.getModifiers())) {
                    continue;
                }
                for (Method m : type.getDeclaredMethods()) {
                    if (Modifier.isPublic(m.getModifiers())) {
                        List<Type> used = new ArrayList<>(List.of(m.getGenericParameterTypes()));
                        used.add(m.getGenericReturnType());
                        used.stream().map(Type::getTypeName).filter(t -> t.matches(".*\\b(org\\.drools|org\\.kie|org\\.frametag\\.rules\\.engine)\\..*"))
                                .forEach(t -> leaks.add(type.getSimpleName() + "." + m.getName() + ": " + t));
                    }
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    private static Class<?> loadApiClass(String file) {
        try {
            return Class.forName("org.frametag.api." + file.substring(0, file.length() - ".class".length()));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
