package org.frametag.rules.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.frametag.api.Diagnostic;
import org.frametag.rules.pack.PackFile;
import org.frametag.rules.pack.RulePack;
import org.junit.jupiter.api.Test;

class PackValidatorTest {

    private static final String HEADER = """
            package test.pack
            import org.frametag.rules.facts.Sentence
            import org.frametag.rules.facts.Mention
            global org.frametag.rules.engine.Tagger tagger
            """;

    private static String rule(String name, String concept, String category) {
        return "rule \"" + name + "\"\n"
                + "    @example(\"The sovereignty of the nation.\")\n"
                + "when\n"
                + "    $s : Sentence()\n"
                + "    Mention(sentence == $s.index, concept == \"" + concept + "\")\n"
                + "then\n"
                + "    tagger.tag($s, \"" + category + "\");\n"
                + "end\n";
    }

    private static RulePack pack(String drl, PackFile... more) {
        List<PackFile> files = new ArrayList<>(List.of(
                new PackFile("categories.txt", "SOVEREIGNTY\nTRUST\n"),
                new PackFile("terms/sovereignty.txt", "sovereignty\nsovereign\n"),
                new PackFile("main.drl", HEADER + drl)));
        files.addAll(List.of(more));
        return new RulePack("test", files);
    }

    private static List<String> messages(RulePack pack) {
        return PackValidator.defaults().validate(pack).diagnostics().stream().map(Diagnostic::toString).toList();
    }

    @Test
    void aCleanPackHasNoDiagnostics() {
        PackValidator.Result v = PackValidator.defaults().validate(pack(rule("r1", "sovereignty", "SOVEREIGNTY")));
        assertThat(v.diagnostics()).isEmpty();
        assertThat(v.classifier().isPresent()).isTrue();
    }

    @Test
    void unknownCategoryIsAnErrorAtTheLiteral() {
        PackValidator.Result v = PackValidator.defaults().validate(pack(rule("r1", "sovereignty", "SOVERIENTY")));
        assertThat(v.classifier().isPresent()).isFalse();
        assertThat(v.diagnostics()).extracting(Diagnostic::toString).containsExactly(
                "main.drl:11:20: error: unknown category \"SOVERIENTY\" in rule \"r1\": it is not in categories.txt;"
                        + " did you mean \"SOVEREIGNTY\"?");
    }

    @Test
    void unknownCategoryWithNothingCloseListsTheCategories() {
        assertThat(messages(pack(rule("r1", "sovereignty", "WEATHER")))).containsExactly(
                "main.drl:11:20: error: unknown category \"WEATHER\" in rule \"r1\": it is not in categories.txt;"
                        + " add it there or use one of SOVEREIGNTY, TRUST");
    }

    @Test
    void conceptWithoutTermListIsAnError() {
        assertThat(messages(pack(rule("r1", "soverainty", "SOVEREIGNTY") + rule("r2", "weather", "TRUST")))).containsExactly(
                "main.drl:9:46: error: concept \"soverainty\" has no term list, so rule \"r1\" can never see it;"
                        + " did you mean \"sovereignty\"?",
                "main.drl:17:46: error: concept \"weather\" has no term list, so rule \"r2\" can never see it;"
                        + " create terms/weather.txt with one word or phrase per line",
                "terms/sovereignty.txt: warning: no rule uses concept \"sovereignty\"; use it in a rule"
                        + " (concept == \"sovereignty\") or delete the file");
    }

    @Test
    void syntaxErrorIsReportedWithItsLine() {
        PackValidator.Result v = PackValidator.defaults().validate(pack(rule("r1", "sovereignty", "SOVEREIGNTY")
                .replace("$s : Sentence()", "$s : Sentence(")));
        assertThat(v.classifier().isPresent()).isFalse();
        assertThat(v.diagnostics()).extracting(Diagnostic::toString).containsExactly(
                "main.drl:8:18: error: '(' is never closed; add the missing ')'",
                "main.drl:10:1: error: mismatched input 'then' in rule \"r1\"");
    }

    @Test
    void duplicateRuleNamesAcrossFiles() {
        RulePack pack = pack(rule("r1", "sovereignty", "SOVEREIGNTY"),
                new PackFile("other.drl", HEADER.replace("test.pack", "other.pack") + rule("r1", "sovereignty", "TRUST")));
        assertThat(messages(pack)).containsExactly(
                "other.drl:5:1: error: duplicate rule name \"r1\", first declared at main.drl:5; rename one of them");
    }

    @Test
    void termListWarnings() {
        RulePack pack = pack(rule("r1", "sovereignty", "SOVEREIGNTY"),
                new PackFile("terms/empty.txt", "# nothing yet\n"),
                new PackFile("terms/unused.txt", "weather\n"),
                new PackFile("terms/sovereignty.txt", "sovereignty\nsovereign\n# again\nSovereignty\nend. Start\n"));
        assertThat(messages(pack)).containsExactly(
                "terms/empty.txt: warning: term list is empty, so concept \"empty\" is never seen; add one word or phrase per line",
                "terms/sovereignty.txt:4:1: warning: duplicate entry \"Sovereignty\": it repeats line 1; delete one",
                "terms/sovereignty.txt:5:1: warning: entry \"end. Start\" can never match: a sentence break falls inside it,"
                        + " and entries only match within one sentence",
                "terms/unused.txt: warning: no rule uses concept \"unused\"; use it in a rule (concept == \"unused\") or delete the file");
    }

    @Test
    void ruleWithoutExamplesIsAWarning() {
        PackValidator.Result v = PackValidator.defaults().validate(pack(rule("r1", "sovereignty", "SOVEREIGNTY")
                .replace("    @example(\"The sovereignty of the nation.\")\n", "")));
        assertThat(v.classifier().isPresent()).isTrue();
        assertThat(v.diagnostics()).extracting(Diagnostic::toString).containsExactly(
                "main.drl:5:1: warning: rule \"r1\" has no examples; add @example(\"a sentence it must tag\") so"
                        + " 'frametag test' checks it");
    }

    @Test
    void commentsAreIgnored() {
        PackValidator.Result v = PackValidator.defaults().validate(pack(rule("r1", "sovereignty", "SOVEREIGNTY")
                + "// tagger.tag($s, \"NOPE\");\n/* concept == \"nothing\"\n rule \"ghost\" */\n"));
        assertThat(v.diagnostics()).isEmpty();
    }

    @Test
    void misspeltTypeFieldAndMethodNameTheFix() {
        assertThat(messages(pack(rule("r1", "sovereignty", "SOVEREIGNTY").replace("Mention(", "Mentions(")))).containsExactly(
                "main.drl:9:5: error: unknown fact type 'Mentions'; did you mean Mention?");
        assertThat(messages(pack(rule("r1", "sovereignty", "SOVEREIGNTY").replace("concept ==", "concpt ==")))).singleElement()
                .asString().startsWith("main.drl:9:35: error: Mention has no field \"concpt\"; did you mean \"concept\"?"
                        + " (its fields: clause, concept, end, first, last, ");
        assertThat(messages(pack(rule("r1", "sovereignty", "SOVEREIGNTY").replace("tagger.tag(", "tagger.tagg(")))).containsExactly(
                "main.drl:11:12: error: Tagger has no method tagg(Sentence, String);"
                        + " a consequence tags with tagger.tag($s, \"CATEGORY\")");
    }

    @Test
    void unknownCategoryInATaggedConditionIsAnError() {
        String pointer = """
                rule "pointer"
                    @example("Our sovereignty. And sovereignty.")
                when
                    $t : org.frametag.rules.facts.Tagged(category == "SOVERIGNTY")
                    $s : Sentence(index == $t.sentence + 1)
                then
                    tagger.tag($s, "SOVEREIGNTY");
                end
                """;
        assertThat(messages(pack(rule("r1", "sovereignty", "SOVEREIGNTY") + pointer))).containsExactly(
                "main.drl:16:54: error: unknown category \"SOVERIGNTY\" in rule \"pointer\": it is not in categories.txt;"
                        + " did you mean \"SOVEREIGNTY\"?");
    }

    /** Rule {@code r1} with its mention pattern's constraints (on line 9) as {@code constraints}, and {@code more} conditions after it. */
    private static String withPattern(String constraints, String more) {
        return rule("r1", "sovereignty", "SOVEREIGNTY")
                .replace("Mention(sentence == $s.index, concept == \"sovereignty\")", "Mention(" + constraints + ")" + more);
    }

    @Test
    void aTestOfTheMentionBeforeItsConceptIsAWarningAtTheTest() {
        PackValidator.Result v = PackValidator.defaults()
                .validate(pack(withPattern("sentence == $s.index, opening, concept == \"sovereignty\"", "")));
        assertThat(v.classifier().isPresent()).isTrue();
        assertThat(v.diagnostics()).containsExactly(Diagnostic.warning("main.drl", 9, 35, "rule \"r1\": the pattern tests 'opening'"
                + " before its concept; put the concept test first so the engine can route it by concept"));
    }

    @Test
    void aConsequenceThatDoesMoreThanTagIsAWarningAtTheRule() {
        String commented = rule("r1", "sovereignty", "SOVEREIGNTY")
                .replace("then\n", "then\n    // a word of why\n    tagger.exclude($s, \"TRUST\");\n");
        assertThat(messages(pack(commented))).isEmpty();
        String printing = rule("r2", "sovereignty", "SOVEREIGNTY").replace("then\n", "then\n    System.out.println(\"seen\");\n");
        assertThat(messages(pack(printing))).containsExactly("main.drl:5:1: warning: rule \"r2\": its consequence does more than"
                + " call tagger.tag, tagger.exclude or tagger.drop, so every rule of the pack runs on every sentence;"
                + " keep the consequence to those calls");
    }

    @Test
    void patternsUnderNotExistsAndBindingsAreCheckedToo() {
        assertThat(messages(pack(withPattern("sentence == $s.index, concept == \"sovereignty\"", "\n"
                + "    not Mention(sentence == $s.index, text  matches \"(?i)a, (b)\", concept in (\"sovereignty\"))\n"
                + "    exists (Mention(first <= 1, concept == \"sovereignty\" || concept == \"sovereignty\") or Mention(opening))\n"
                + "    $n : Mention(concept == \"sovereignty\" || opening, $t : text, last >= 2,\n"
                + "                 concept in (\"sovereignty\"))")))).containsExactly(
                "main.drl:10:39: warning: rule \"r1\": the pattern tests 'text matches \"(?i)a, (b)\"' before its concept;"
                        + " put the concept test first so the engine can route it by concept",
                "main.drl:11:21: warning: rule \"r1\": the pattern tests 'first <= 1' before its concept;"
                        + " put the concept test first so the engine can route it by concept",
                "main.drl:12:18: warning: rule \"r1\": the pattern tests 'concept == \"sovereignty\" || opening' before its"
                        + " concept; put the concept test first so the engine can route it by concept");
    }

    @Test
    void theConceptTestFirstIsFine() {
        assertThat(messages(pack(withPattern("concept == \"sovereignty\", sentence == $s.index, opening,"
                + " text matches \"(?i)s.*\"", "")))).isEmpty();
        assertThat(messages(pack(withPattern("$c : concept, sentence == $s.index, concept in (\"sovereignty\"), opening", ""))))
                .isEmpty();
    }

    @Test
    void aPatternWithoutAConceptTestIsFine() {
        assertThat(messages(pack(withPattern("sentence == $s.index, opening, text matches \"(?i)sovereign.*\"", "")))).isEmpty();
        assertThat(messages(pack(withPattern("sentence == $s.index, opening,"
                + " concept == \"sovereignty\" || concept == \"sovereignty\" && first <= 1", "")))).isEmpty();
    }

    @Test
    void aJoinBeforeTheConceptIsFine() {
        String drl = withPattern("sentence == $s.index, concept == \"sovereignty\"", "\n    Mention(sentence == $s.index,"
                + " $m.precedes(this, 3), near($m, 4), first > $s.index, concept == \"sovereignty\")");
        assertThat(messages(pack(drl.replace("$s : Sentence()\n    Mention(", "$s : Sentence()\n    $m : Mention(")))).isEmpty();
    }
}
