package org.frametag.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.frametag.api.ClassifiedDocument;
import org.frametag.api.ConceptMention;
import org.frametag.api.Diagnostic;
import org.frametag.api.RuleFailure;
import org.frametag.api.RulePackException;
import org.frametag.api.Tag;
import org.frametag.core.DocumentAnalyzer;
import org.frametag.core.text.Document;
import org.frametag.core.text.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifierTest {

    @TempDir
    Path dir;

    private static final String INTERFERENCE_RULE = TestPacks.HEADER + """
            rule "interference in an election"
            when
                $s : Sentence()
                $i : Mention(sentence == $s.index, concept == "interference")
                $e : Mention(sentence == $s.index, concept == "election", near($i, 3))
            then
                tagger.tag($s, "FOREIGN_INTERFERENCE");
            end

            rule "a pointer carries the frame of the sentence before"
            when
                $s : Sentence()
                $p : Mention(sentence == $s.index, concept == "pointer")
                $t : Tagged(sentence == $s.index - 1)
            then
                tagger.tag($s, $t.getCategory());
            end
            """;

    private Classifier compile(Map<String, String> files) throws RulePackException {
        return RuleCompiler.defaults().compile(TestPacks.write(dir, files));
    }

    private Classifier interferencePack() throws RulePackException {
        return compile(Map.of(
                "categories.txt", "FOREIGN_INTERFERENCE\n",
                "interference.drl", INTERFERENCE_RULE,
                "terms/interference.txt", "interference\ninterfere\nmeddling\n",
                "terms/election.txt", "# voting\nelection\nvote\n",
                "terms/pointer.txt", "such\nthese\n"));
    }

    @Test
    void tagsRecordTheRuleAndTheEvidenceWords() throws RulePackException {
        String text = "They warned of interfering in the election. The weather was fine.";

        ClassifiedDocument result = interferencePack().classify(Document.of("d", text));

        assertThat(result.sentences()).hasSize(2);
        assertThat(result.sentences().get(0).tags()).containsExactly(new Tag("FOREIGN_INTERFERENCE",
                "interference in an election", List.of(new Span(15, 26), new Span(34, 42))));
        assertThat(result.sentences().get(1).tags()).isEmpty();
        assertThat(result.sentences().get(0).mentions()).extracting(ConceptMention::concept, ConceptMention::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("interference", "interfering"),
                        org.assertj.core.groups.Tuple.tuple("election", "election"));
    }

    @Test
    void quoteMarksAndInsertionsDoNotCountInTheDistanceBetweenTwoWords() throws RulePackException {
        String text = "They warned of \u201cinterference\u201d in the \u201cupcoming\u201d election. "
                + "They warned of interference, which critics doubt, in the election. "
                + "They warned of interference in the long delayed election.";

        ClassifiedDocument result = interferencePack().classify(Document.of("d", text));

        assertThat(result.sentences()).extracting(s -> s.tags().isEmpty()).containsExactly(false, false, true);
    }

    @Test
    void aMatchedTagOfTheSentenceBeforeMakesAContextTag() throws RulePackException {
        String text = "Meddling in the vote is likely. Such attempts will fail.";

        ClassifiedDocument result = interferencePack().classify(Document.of("d", text));

        assertThat(result.sentences().get(1).tags()).containsExactly(new Tag("FOREIGN_INTERFERENCE",
                "a pointer carries the frame of the sentence before", List.of(new Span(32, 36)), OptionalInt.of(0)));
    }

    @Test
    void aSentencesTagsComeInTheOrderOfTheirRulesInThePackWhateverOrderTheyFiredIn() throws RulePackException {
        Classifier classifier = compile(Map.of(
                "categories.txt", "FOREIGN_INTERFERENCE\nDELEGITIMIZATION\n",
                "rules.drl", TestPacks.HEADER + """
                        rule "declared first, fires last"
                        when
                            $s : Sentence()
                            Mention(sentence == $s.index, concept == "election")
                        then
                            tagger.tag($s, "FOREIGN_INTERFERENCE");
                        end

                        rule "declared last, fires first"
                        salience 10
                        when
                            $s : Sentence()
                            Mention(sentence == $s.index, concept == "election")
                        then
                            tagger.tag($s, "DELEGITIMIZATION");
                        end
                        """,
                "terms/election.txt", "election\n"));

        ClassifiedDocument result = classifier.classify(Document.of("d", "The election was held."));

        assertThat(result.sentences().get(0).tags()).extracting(Tag::rule)
                .containsExactly("declared first, fires last", "declared last, fires first");
    }

    @Test
    void aContextTagPointsAtTheNearestSentenceBeforeWhoseTagItMatched() throws RulePackException {
        Classifier classifier = compile(Map.of(
                "categories.txt", "FOREIGN_INTERFERENCE\n",
                "rules.drl", TestPacks.HEADER + """
                        rule "meddling"
                        when
                            $s : Sentence()
                            Mention(sentence == $s.index, concept == "interference")
                        then
                            tagger.tag($s, "FOREIGN_INTERFERENCE");
                        end

                        rule "a pointer to any tagged sentence before"
                        when
                            $s : Sentence()
                            $p : Mention(sentence == $s.index, concept == "pointer")
                            $t : Tagged(sentence < $s.index)
                        then
                            tagger.tag($s, $t.getCategory());
                        end
                        """,
                "terms/interference.txt", "meddling\n",
                "terms/pointer.txt", "such\n"));

        ClassifiedDocument result = classifier.classify(Document.of("d",
                "Meddling was seen. More meddling was seen. Such attempts will fail."));

        assertThat(result.sentences().get(2).tags()).extracting(Tag::contextSentence).containsExactly(OptionalInt.of(1));
    }

    @Test
    void nothingLeaksBetweenDocuments() throws RulePackException {
        Classifier classifier = interferencePack();
        classifier.classify(Document.of("a", "Meddling in the vote is likely."));

        ClassifiedDocument second = classifier.classify(Document.of("b", "The sky was clear. Such attempts will fail."));

        assertThat(second.sentences()).extracting(s -> s.tags().size()).containsExactly(0, 0);
        assertThat(second.sentences().get(1).mentions()).extracting(ConceptMention::text).containsExactly("Such");
    }

    @Test
    void aDocumentAfterOneThatLoopedIsClassifiedNormally() throws RulePackException {
        String rules = INTERFERENCE_RULE + """
                rule "loops on one sentence"
                when
                    $s : Sentence(text == "Loop.")
                then
                    insert(new Sentence($s.getIndex(), 0, 0, "Loop.", 0));
                end
                """;
        Classifier classifier = new RuleCompiler(DocumentAnalyzer.news(), 500).compile(TestPacks.write(dir, Map.of(
                "categories.txt", "FOREIGN_INTERFERENCE\n",
                "main.drl", rules,
                "terms/interference.txt", "meddling\n",
                "terms/election.txt", "vote\n",
                "terms/pointer.txt", "such\n")));
        assertThatThrownBy(() -> classifier.classify(Document.of("a", "Meddling in the vote. Loop.")))
                .isInstanceOf(RuleFailure.class);

        ClassifiedDocument next = classifier.classify(Document.of("b", "The sky was clear. Such attempts will fail."));

        assertThat(next.sentences()).extracting(s -> s.tags().size()).containsExactly(0, 0);
    }

    @Test
    void compileErrorsNameFileLineAndColumn() {
        String broken = TestPacks.HEADER + """
                rule "broken"
                when
                    $s : Sentence(
                then
                    tagger.tag($s, "X");
                end
                """;

        assertThatThrownBy(() -> compile(Map.of("categories.txt", "X\n", "broken.drl", broken)))
                .isInstanceOfSatisfying(RulePackException.class, e -> {
                    assertThat(e.diagnostics()).isNotEmpty();
                    Diagnostic first = e.diagnostics().get(0);
                    assertThat(first.severity()).isEqualTo(Diagnostic.Severity.ERROR);
                    assertThat(first.file()).isEqualTo("broken.drl");
                    assertThat(first.line()).isEqualTo(12);
                    assertThat(first.toString()).startsWith("broken.drl:12:");
                });
    }

    @Test
    void aPackWithoutCategoriesOrRulesIsRejected() {
        assertThatThrownBy(() -> compile(Map.of("terms/x.txt", "x\n")))
                .isInstanceOfSatisfying(RulePackException.class, e -> assertThat(e.diagnostics())
                        .extracting(Diagnostic::toString)
                        .containsExactly(
                                "categories.txt: error: the pack has no categories.txt; list its categories there, one per line",
                                dir + ": error: the pack has no .drl rule files"));
    }

    @Test
    void aLoopingRuleFailsItsDocumentWithAClearError() throws RulePackException {
        String looping = TestPacks.HEADER + """
                rule "inserts forever"
                when
                    $s : Sentence()
                then
                    insert(new Sentence($s.getIndex(), 0, 0, "", 0));
                end
                """;
        Classifier classifier = new RuleCompiler(DocumentAnalyzer.news(), 500)
                .compile(TestPacks.write(dir, Map.of("categories.txt", "X\n", "loop.drl", looping)));

        assertThatThrownBy(() -> classifier.classify(Document.of("doc-7", "One sentence.")))
                .isInstanceOfSatisfying(RuleFailure.class, e -> {
                    assertThat(e.rule()).isEqualTo("inserts forever");
                    assertThat(e.getMessage()).isEqualTo("rules fired more than 520 times on document doc-7, the limit for"
                            + " its 2 facts (--max-firings 500 + 10 per fact); most often \"inserts forever\" (521 times):"
                            + " a rule that loops, or raise --max-firings");
                });
    }

    @Test
    void aLongDocumentDenseWithTermsIsNotTakenForALoop() throws RulePackException {
        Classifier classifier = new RuleCompiler(DocumentAnalyzer.news(), 500).compile(TestPacks.write(dir, Map.of(
                "categories.txt", "FOREIGN_INTERFERENCE\n",
                "interference.drl", INTERFERENCE_RULE,
                "terms/interference.txt", "interference\n",
                "terms/election.txt", "election\n",
                "terms/pointer.txt", "such\n")));

        ClassifiedDocument result = classifier.classify(Document.of("dense", "Election interference. ".repeat(2_000)));

        assertThat(result.sentences()).hasSize(2_000).allMatch(s -> s.tags().size() == 1);
    }

    @Test
    void taggingAComputedUnknownCategoryFailsAtRunTimeNamingTheRule() throws RulePackException {
        String rule = TestPacks.HEADER + """
                rule "typo"
                when
                    $s : Sentence()
                then
                    tagger.tag($s, "SOVER" + "IGNTY");
                end
                """;
        Classifier classifier = compile(Map.of("categories.txt", "SOVEREIGNTY\n", "typo.drl", rule));

        assertThatThrownBy(() -> classifier.classify(Document.of("d", "Text.")))
                .isInstanceOfSatisfying(RuleFailure.class, e -> assertThat(e.getMessage())
                        .isEqualTo("rule \"typo\" tagged unknown category \"SOVERIGNTY\"; the pack's categories are [SOVEREIGNTY]"));
    }
}
