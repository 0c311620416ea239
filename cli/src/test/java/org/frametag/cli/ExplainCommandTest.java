package org.frametag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainCommandTest {

    @TempDir
    Path dir;

    @BeforeEach
    void pack() {
        Cli.pack(dir);
        Cli.write(dir, "terms/pointer.txt", "this\n");
        Cli.write(dir, "context.drl", """
                package test.pack

                import org.frametag.rules.facts.Sentence
                import org.frametag.rules.facts.Mention
                import org.frametag.rules.facts.Tagged

                global org.frametag.rules.engine.Tagger tagger

                rule "pointer"
                    @example("They defend our sovereignty. This matters.")
                when
                    $prev : Tagged(category == "SOVEREIGNTY", context == false)
                    $s : Sentence(index == $prev.sentence + 1)
                    $p : Mention(sentence == $s.index, concept == "pointer")
                then
                    tagger.tag($s, "SOVEREIGNTY");
                end
                """);
    }

    @Test
    void explainsTagsEvidenceContextAndNearMisses() {
        Cli r = Cli.run("explain", "--rules", dir.toString(),
                "Foreign", "meddling", "threatens", "our", "sovereignty.", "This", "is", "serious.", "Radio", "interference.");
        assertThat(r.out()).isEqualTo("""
                #0 [Foreign] [meddling] threatens our [sovereignty].
                  SOVEREIGNTY by rule "sovereignty" (main.drl:9)
                    evidence: "sovereignty"
                  FOREIGN_INTERFERENCE by rule "foreign interference" (main.drl:19)
                    evidence: "Foreign", "meddling"
                  concepts seen: foreign "Foreign", interference "meddling", sovereignty "sovereignty"
                #1 [This] is serious.
                  SOVEREIGNTY by rule "pointer" (context.drl:9)
                    evidence: "This"
                    context from #0: Foreign meddling threatens our sovereignty.
                  concepts seen: pointer "This"
                #2 Radio interference.
                  no tags
                  concepts seen: interference "interference"
                  rules that did not fire:
                    "foreign interference" (FOREIGN_INTERFERENCE, main.drl:19): saw interference; did not see foreign
                """);
        assertThat(r.exit()).isEqualTo(0);
    }

    @Test
    void namesWhatExclusionsAndWordSensesTookAway() {
        Cli.write(dir, "terms/radio.txt", "radio\n");
        Cli.write(dir, "terms/coin.txt", "coin\n");
        Cli.write(dir, "senses.drl", """
                package test.pack

                import org.frametag.rules.facts.Sentence
                import org.frametag.rules.facts.Mention

                global org.frametag.rules.engine.Tagger tagger

                rule "radio interference is no meddling"
                    salience 100
                when
                    $s : Sentence()
                    Mention(sentence == $s.index, concept == "radio")
                then
                    tagger.exclude($s, "FOREIGN_INTERFERENCE");
                end

                rule "a sovereign is a coin"
                    salience 100
                when
                    $s : Sentence()
                    $w : Mention(sentence == $s.index, concept == "sovereignty")
                    Mention(sentence == $s.index, concept == "coin")
                then
                    tagger.drop($w);
                end
                """);
        Cli r = Cli.run("explain", "--rules", dir.toString(), "Foreign", "radio", "interference.", "A", "sovereign", "coin", "sold.");
        assertThat(r.out()).isEqualTo("""
                #0 Foreign radio interference.
                  no tags
                  ruled out: FOREIGN_INTERFERENCE by rule "radio interference is no meddling" (senses.drl:8)
                    kept from tagging: "foreign interference"
                  concepts seen: foreign "Foreign", radio "radio", interference "interference"
                  rules that did not fire:
                    "foreign interference" (FOREIGN_INTERFERENCE, main.drl:19): matched, but its category was ruled out
                #1 A sovereign coin sold.
                  no tags
                  read in another sense: sovereignty "sovereign" by rule "a sovereign is a coin" (senses.drl:17)
                  concepts seen: coin "coin"
                """);
        assertThat(r.exit()).isEqualTo(0);
    }

    @Test
    void oneSentenceOfAFile() {
        Path file = Cli.write(dir.resolve("docs"), "doc.txt", "date 2024-01-02\nThe team won. Sovereign states met.\n");
        Cli r = Cli.run("explain", "--rules", dir.toString(), "--file", file.toString(), "--sentence", "1");
        assertThat(r.out()).isEqualTo("""
                #1 [Sovereign] states met.
                  SOVEREIGNTY by rule "sovereignty" (main.drl:9)
                    evidence: "Sovereign"
                  concepts seen: sovereignty "Sovereign"
                """);
    }

    @Test
    void aSentenceOutOfRangeIsAUsageError() {
        Cli r = Cli.run("explain", "--rules", dir.toString(), "--sentence", "3", "One sentence.");
        assertThat(r.err()).isEqualTo("frametag: there is no sentence 3; the text has 1 (numbered from 0)\n");
        assertThat(r.exit()).isEqualTo(1);
    }

    @Test
    void aNamedRuleIsAlwaysExplainedAndNearMissesCanBeLimited() {
        Cli r = Cli.run("explain", "--rules", dir.toString(), "--near-misses", "0", "--rule", "sovereignty",
                "--rule", "pointer", "Radio", "interference.");
        assertThat(r.out()).isEqualTo("""
                #0 Radio interference.
                  no tags
                  concepts seen: interference "interference"
                  rules that did not fire:
                    "pointer" (SOVEREIGNTY, context.drl:9): saw none of its concepts; did not see pointer
                    "sovereignty" (SOVEREIGNTY, main.drl:9): saw none of its concepts; did not see sovereignty
                    ... and 1 more (--near-misses N shows more)
                """);
    }

    @Test
    void anUnknownRuleNameIsAUsageError() {
        Cli r = Cli.run("explain", "--rules", dir.toString(), "--rule", "nope", "Text.");
        assertThat(r.err()).isEqualTo("frametag: there is no rule \"nope\" in the pack\n");
        assertThat(r.exit()).isEqualTo(1);
    }

    @Test
    void aMissingFileIsAUsageError() {
        Cli r = Cli.run("explain", "--rules", dir.toString(), "--file", dir.resolve("nope.txt").toString());
        assertThat(r.err()).isEqualTo("frametag: file not found: " + dir.resolve("nope.txt") + "\n");
        assertThat(r.exit()).isEqualTo(1);
    }

    @Test
    void worksOnTheBundledPack() {
        Cli r = Cli.run("explain", "Officials warned of foreign interference in the vote.");
        assertThat(r.out()).startsWith("#0 Officials warned of [foreign] [interference] in the [vote].\n"
                + "  FOREIGN_INTERFERENCE by rule ");
        assertThat(r.exit()).isEqualTo(0);
    }
}
