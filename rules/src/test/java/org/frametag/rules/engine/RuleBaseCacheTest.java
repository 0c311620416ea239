package org.frametag.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.frametag.api.RulePackException;
import org.frametag.api.Tag;
import org.frametag.core.text.Document;
import org.frametag.rules.pack.RulePack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleBaseCacheTest {

    @TempDir
    Path dir;

    private static final String RULE = TestPacks.HEADER + """
            rule "interference in an election"
                @example("Meddling in the election was reported.")
            when
                $s : Sentence()
                $i : Mention(sentence == $s.index, concept == "interference")
                $e : Mention(sentence == $s.index, concept == "election", near($i, 3))
            then
                tagger.tag($s, "FOREIGN_INTERFERENCE");
            end
            """;

    private static final Document TEXT = Document.of("d",
            "They warned of meddling in the election. Nothing else happened.");

    private RulePack pack(String folder, String rule) {
        return TestPacks.write(dir.resolve(folder), Map.of(
                "categories.txt", "FOREIGN_INTERFERENCE\n",
                "main.drl", rule,
                "terms/interference.txt", "meddling\n",
                "terms/election.txt", "election\n"));
    }

    private RuleCompiler compiler() {
        return RuleCompiler.defaults().cachingIn(dir.resolve("cache"));
    }

    private List<Path> cached() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("cache"))) {
            return files.sorted().toList();
        }
    }

    @Test
    void aSecondRunReadsTheCompiledPackAndTagsTheSame() throws RulePackException {
        Classifier compiled = compiler().compile(pack("p", RULE));
        Classifier reloaded = compiler().compile(pack("p", RULE));

        assertThat(compiled.fromCache()).isFalse();
        assertThat(reloaded.fromCache()).isTrue();
        assertThat(reloaded.classify(TEXT)).isEqualTo(compiled.classify(TEXT));
        assertThat(reloaded.classify(TEXT).sentences().get(0).tags())
                .extracting(Tag::rule).containsExactly("interference in an election");
        assertThat(reloaded.examples().get(0).examples()).containsExactly("Meddling in the election was reported.");
        assertThat(reloaded.outline()).isEqualTo(compiled.outline());
    }

    @Test
    void aPackKnownByWhereItComesFromIsReadBeforeThePackIsRead() throws RulePackException, IOException {
        String origin = "the pack's jar, 120 bytes, changed at noon";
        Classifier compiled = compiler().compile(() -> pack("p", RULE), origin);
        Path entry = cached().stream().filter(f -> f.toString().endsWith(".rulebase")).findFirst().orElseThrow();
        FileTime longAgo = FileTime.fromMillis(0);
        Files.setLastModifiedTime(entry, longAgo);
        boolean[] readFirst = new boolean[1];

        // reading an entry touches it, so the pack's reader waits for that before it reads the pack
        Classifier reloaded = compiler().compile(() -> {
            readFirst[0] = touchedWithin(entry, longAgo, Duration.ofSeconds(20));
            return pack("p", RULE);
        }, origin);

        assertThat(compiled.fromCache()).isFalse();
        assertThat(readFirst[0]).isTrue();
        assertThat(reloaded.fromCache()).isTrue();
        assertThat(reloaded.classify(TEXT)).isEqualTo(compiled.classify(TEXT));
        assertThat(cached()).extracting(f -> f.getFileName().toString().replaceAll("^[^.]*", ""))
                .containsExactlyInAnyOrder(".rulebase", ".key");
    }

    private static boolean touchedWithin(Path file, FileTime since, Duration limit) {
        long end = System.nanoTime() + limit.toNanos();
        try {
            while (System.nanoTime() < end) {
                if (Files.getLastModifiedTime(file).compareTo(since) > 0) {
                    return true;
                }
                Thread.sleep(10);
            }
            return false;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aKeyRememberedForAnotherPackFromTheSameOriginIsNotUsed() throws RulePackException {
        String origin = "a jar rebuilt with the same size and time";
        compiler().compile(() -> pack("p", RULE), origin);

        Classifier edited = compiler().compile(() -> pack("q", RULE.replace("near($i, 3)", "near($i, 1)")), origin);
        Classifier again = compiler().compile(() -> pack("q", RULE.replace("near($i, 3)", "near($i, 1)")), origin);

        assertThat(edited.fromCache()).isFalse();
        assertThat(edited.classify(TEXT).sentences().get(0).tags()).isEmpty();
        assertThat(again.fromCache()).isTrue();
        assertThat(again.classify(TEXT).sentences().get(0).tags()).isEmpty();
    }

    @Test
    void anEditedRuleFileIsCompiledAgain() throws RulePackException, IOException {
        compiler().compile(pack("p", RULE));

        Classifier edited = compiler().compile(pack("q", RULE.replace("near($i, 3)", "near($i, 1)")));

        assertThat(edited.fromCache()).isFalse();
        assertThat(edited.classify(TEXT).sentences().get(0).tags()).isEmpty();
        assertThat(cached()).hasSize(2);
    }

    @Test
    void aDamagedEntryIsIgnoredAndReplaced() throws RulePackException, IOException {
        compiler().compile(pack("p", RULE));
        Path entry = cached().get(0);
        Files.write(entry, new byte[] {1, 2, 3});

        Classifier recompiled = compiler().compile(pack("p", RULE));
        Classifier reloaded = compiler().compile(pack("p", RULE));

        assertThat(recompiled.fromCache()).isFalse();
        assertThat(reloaded.fromCache()).isTrue();
        assertThat(reloaded.classify(TEXT).sentences().get(0).tags()).hasSize(1);
    }

    @Test
    void aPackWithErrorsIsNeverCached() {
        RulePack broken = pack("p", RULE.replace("FOREIGN_INTERFERENCE\");", "FOREIGN_INTERFERENCE\""));

        assertThatThrownBy(() -> compiler().compile(broken)).isInstanceOf(RulePackException.class);
        assertThat(dir.resolve("cache")).satisfiesAnyOf(
                cache -> assertThat(cache).doesNotExist(),
                cache -> assertThat(cache).isEmptyDirectory());
    }

    @Test
    void anUnwritableCacheOnlyCostsTheCompilation() throws RulePackException, IOException {
        Files.writeString(dir.resolve("cache"), "a file where the cache folder should be");

        Classifier classifier = compiler().compile(pack("p", RULE));

        assertThat(classifier.fromCache()).isFalse();
        assertThat(classifier.classify(TEXT).sentences().get(0).tags()).hasSize(1);
    }
}
