package org.frametag.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.frametag.api.ClassifiedDocument;
import org.frametag.api.SentenceResult;
import org.frametag.api.Tag;
import org.frametag.core.text.Document;
import org.frametag.rules.pack.RulePack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Leaving out the facts no rule can use (a document's session, a sentence, a mention's joins)
 * gives exactly the results of inserting them all.
 */
class RuleScopeTest {

    @TempDir
    Path dir;

    private static final String MVEL = TestPacks.HEADER + "dialect \"mvel\"\n\n";

    /** Rules of every shape the scope reads, some matching a concept only a rarely used list provides. */
    private static final String RULES = MVEL + """
            rule "a rare word"
            when
                $s : Sentence()
                Mention(sentence == $s.index, concept == "rare")
            then
                tagger.tag($s, "RARE");
            end

            rule "a common word in a document with a rare one anywhere"
            when
                $s : Sentence()
                Mention(concept == "rare")
                Mention(sentence == $s.index, concept == "common")
            then
                tagger.tag($s, "BESIDE_RARE");
            end

            rule "a sentence without mentions"
            when
                $s : Sentence()
                not Mention(sentence == $s.index)
            then
                tagger.tag($s, "NO_MENTION");
            end

            rule "a common word, two rare ones in the document"
            when
                $s : Sentence()
                Mention(sentence == $s.index, concept == "common")
                Number(intValue >= 2) from accumulate(Mention(concept == "rare"), count(1))
            then
                tagger.tag($s, "COUNTED");
            end

            rule "the sentence after a rare word"
            when
                $before : Tagged(category == "RARE")
                $s : Sentence(index == $before.sentence + 1)
                Mention(sentence == $s.index, concept in ("common", "other"))
            then
                tagger.tag($s, "CONTEXT");
            end

            rule "a common word in another sense"
                salience 10
            when
                $m : Mention(concept == "common")
                Mention(sentence == $m.sentence, concept == "sense")
            then
                tagger.drop($m);
            end

            rule "either word"
            when
                $s : Sentence()
                exists (Mention(sentence == $s.index, concept == "other") or Mention(sentence == $s.index, concept == "rare"))
            then
                tagger.tag($s, "EITHER");
            end

            rule "a concept tested together with a join"
            when
                $s : Sentence()
                $c : Mention(sentence == $s.index, concept == "common")
                Mention(sentence == $s.index, concept == "other" || concept == "rare" && $c.before(this))
            then
                tagger.tag($s, "MIXED");
            end

            rule "no rare word, other word"
            when
                $s : Sentence()
                Mention(sentence == $s.index, concept == "other")
                not Mention(concept == "rare")
            then
                tagger.tag($s, "NO_RARE");
            end
            """;

    private static final Map<String, String> TERMS = Map.of(
            "categories.txt", "RARE\nBESIDE_RARE\nNO_MENTION\nCOUNTED\nCONTEXT\nEITHER\nNO_RARE\nMIXED\n",
            "terms/rare.txt", "zebra\n",
            "terms/common.txt", "vote\nvotes\nparty\n",
            "terms/other.txt", "minister\n",
            "terms/sense.txt", "trade\n");

    private static final List<Document> DOCUMENTS = List.of(
            Document.of("none", "Nothing to see. The weather was fine."),
            Document.of("common", "The party met. The vote was held on Sunday. Nothing else."),
            Document.of("rare", "A zebra was seen. The vote was held. The minister spoke. Rain fell."),
            Document.of("two-rare", "The party met. A zebra ran. Another zebra followed. The votes were counted."),
            Document.of("sense", "A zebra appeared. The trade party met. The minister left."),
            Document.of("other", "The minister spoke. The vote was held."),
            Document.of("mixed", "The party saw a zebra. A zebra saw the party. The minister and the party met."));

    private Classifier compile(String rules) {
        Map<String, String> files = new java.util.HashMap<>(TERMS);
        files.put("rules.drl", rules);
        try {
            return RuleCompiler.defaults().compile(TestPacks.write(dir, files));
        } catch (org.frametag.api.RulePackException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    @Test
    void everyKindOfRuleTagsAsWithEveryFactInserted() {
        Classifier classifier = compile(RULES);
        assertThat(classifier.scope()).isNotNull();

        List<ClassifiedDocument> scoped = DOCUMENTS.stream().map(classifier::classify).toList();
        List<ClassifiedDocument> all = DOCUMENTS.stream().map(classifier.withoutScope()::classify).toList();

        assertThat(scoped).isEqualTo(all);
        assertThat(categories(scoped.get(0))).containsExactly(List.of("NO_MENTION"), List.of("NO_MENTION"));
        assertThat(categories(scoped.get(2))).containsExactly(List.of("RARE", "EITHER"), List.of("BESIDE_RARE", "CONTEXT"),
                List.of("EITHER"), List.of("NO_MENTION"));
        assertThat(categories(scoped.get(3)).get(3)).contains("COUNTED", "BESIDE_RARE");
        assertThat(categories(scoped.get(4)).get(1)).doesNotContain("BESIDE_RARE");
        assertThat(scoped.get(4).sentences().get(1).vetoes()).isNotEmpty();
        assertThat(categories(scoped.get(5)).get(0)).contains("NO_RARE");
        assertThat(categories(scoped.get(6)).get(0)).contains("MIXED", "COUNTED");
        assertThat(categories(scoped.get(6)).get(1)).contains("CONTEXT").doesNotContain("MIXED");
        assertThat(categories(scoped.get(6)).get(2)).contains("MIXED");
    }

    @Test
    void aConstraintThatTestsTheConceptWithAJoinNeedsItsConcepts() {
        assertThat(RuleScope.conceptsOf("concept == \"a\" || concept == \"b\"")).containsExactlyInAnyOrder("a", "b");
        assertThat(RuleScope.conceptsOf("((concept == \"a\" || concept == \"b\") && ($p.precedes(this, 2) || ($p.isOpening()"
                + " && $p.getConcept() == \"pointer\"))) || (concept == \"c\" && $p.precedes(this, 2))"))
                .containsExactlyInAnyOrder("a", "b", "c");
        assertThat(RuleScope.conceptsOf("concept == \"a\" || near($x, 3)")).isNull();
        assertThat(RuleScope.conceptsOf("!(concept == \"a\")")).isNull();
        assertThat(RuleScope.conceptsOf("concept != \"a\"")).isNull();
        assertThat(RuleScope.conceptsOf("concept == \"a\" && concept == \"b\"")).isEmpty();
        assertThat(RuleScope.conceptsOf("text == \"a || b\" && concept == \"c\"")).containsExactly("c");
        assertThat(RuleScope.conceptsOf("sentence == $s.index")).isNull();
        assertThat(RuleScope.conceptsOf("(concept == \"a\"")).isNull();
    }

    @Test
    void aDocumentNoRuleCanMatchInGetsNoSessionAndUnseenSentencesNoFact() {
        Classifier classifier = compile(MVEL + """
                rule "a rare word"
                when
                    $s : Sentence()
                    Mention(sentence == $s.index, concept == "rare")
                    Mention(sentence == $s.index, concept == "common")
                then
                    tagger.tag($s, "RARE");
                end
                """);
        RuleScope scope = classifier.scope();
        int rare = scope.concept("rare");
        int common = scope.concept("common");

        assertThat(scope.concept("other")).isEqualTo(RuleScope.OTHER);
        assertThat(scope.document(List.of(new int[] {common}, new int[] {RuleScope.OTHER})).live()).isFalse();
        RuleScope.Document both = scope.document(List.of(new int[] {rare}, new int[] {rare, common}, new int[0]));
        assertThat(both.live()).isTrue();
        assertThat(both.sentenceSeen()).containsExactly(false, true, false);
        assertThat(classifier.classify(Document.of("d", "A zebra. A zebra and a vote. Rain.")))
                .isEqualTo(classifier.withoutScope().classify(Document.of("d", "A zebra. A zebra and a vote. Rain.")));
    }

    @Test
    void onlySentencesWhereARuleReadingTokensCanMatchGetTheirTokens() {
        Classifier classifier = compile(MVEL + """
                import org.frametag.rules.facts.Token

                rule "a rare word not followed by a possessive"
                when
                    $s : Sentence()
                    $rare : Mention(sentence == $s.index, concept == "rare")
                    not Token(sentence == $s.index, index == $rare.last + 1, text == "'s")
                then
                    tagger.tag($s, "RARE");
                end

                rule "a common word"
                when
                    $s : Sentence()
                    Mention(sentence == $s.index, concept == "common")
                then
                    tagger.tag($s, "COUNTED");
                end
                """);
        RuleScope scope = classifier.scope();
        int rare = scope.concept("rare");
        int common = scope.concept("common");

        RuleScope.Document document = scope.document(List.of(new int[] {rare}, new int[] {common}, new int[0]));
        assertThat(document.tokensUsed(0)).isTrue();
        assertThat(document.tokensUsed(1)).isFalse();
        assertThat(document.tokensUsed(2)).isFalse();
        assertThat(document.sentenceSeen()).containsExactly(true, true, false);
        Document text = Document.of("d", "A zebra's stripes. A zebra ran. A vote. The zebra's vote.");
        assertThat(classifier.classify(text)).isEqualTo(classifier.withoutScope().classify(text));
        assertThat(categories(classifier.classify(text))).containsExactly(List.of(), List.of("RARE"), List.of("COUNTED"), List.of("COUNTED"));
    }

    @Test
    void aRuleThatNeedsATagCanMatchOnlyWhereARuleGivingThatTagCan() {
        Classifier classifier = compile(MVEL + """
                rule "a rare word"
                when
                    $s : Sentence()
                    Mention(sentence == $s.index, concept == "rare")
                then
                    tagger.tag($s, "RARE");
                end

                rule "a common word after a rare one"
                when
                    $before : Tagged(category == "RARE")
                    $s : Sentence(index == $before.sentence + 1)
                    Mention(sentence == $s.index, concept == "common")
                then
                    tagger.tag($s, "CONTEXT");
                end

                rule "two rules that wait for each other's tags"
                when
                    Tagged(category == "COUNTED")
                    $s : Sentence()
                    Mention(sentence == $s.index, concept == "common")
                then
                    tagger.tag($s, "EITHER");
                end

                rule "the other of the two"
                when
                    Tagged(category == "EITHER")
                    $s : Sentence()
                    Mention(sentence == $s.index, concept == "other")
                then
                    tagger.tag($s, "COUNTED");
                end
                """);
        RuleScope scope = classifier.scope();
        int common = scope.concept("common");
        int other = scope.concept("other");

        assertThat(scope.document(List.of(new int[] {common, other}, new int[] {common, other})).live()).isFalse();
        RuleScope.Document withRare = scope.document(List.of(new int[] {scope.concept("rare")}, new int[] {common}));
        assertThat(withRare.live()).isTrue();
        assertThat(withRare.sentenceSeen()).containsExactly(true, true);
        for (Document d : DOCUMENTS) {
            assertThat(classifier.classify(d)).isEqualTo(classifier.withoutScope().classify(d));
        }
        assertThat(categories(classifier.classify(DOCUMENTS.get(2))).get(1)).containsExactly("CONTEXT");
    }

    @Test
    void consequencesThatMayInsertFactsLeaveThePackUnscoped() {
        assertThat(compile(MVEL + """
                rule "inserts"
                when
                    $s : Sentence()
                then
                    insert(new org.frametag.rules.facts.Mention("rare", $s.index, 0, 0, 0, 1, "x"));
                end
                """).scope()).isNull();
        assertThat(compile(TestPacks.HEADER + """
                rule "java dialect"
                when
                    $s : Sentence()
                then
                    tagger.tag($s, "RARE");
                end
                """).scope()).isNull();
    }

    @Test
    void commentsInAConsequenceLeaveThePackScoped() {
        Classifier classifier = compile(MVEL + """
                rule "commented"
                when
                    $s : Sentence()
                    Mention(sentence == $s.index, concept == "rare")
                then
                    tagger.tag($s, "RARE");
                    // a word of why
                    tagger.exclude($s, "EITHER");
                end
                """);
        assertThat(classifier.scope()).isNotNull();
        assertThat(categories(classifier.classify(DOCUMENTS.get(2))).get(0)).containsExactly("RARE");
    }

    @Test
    void theBundledPackTagsSeedsAndNewsAsWithEveryFactInserted() throws Exception {
        Classifier classifier = RuleCompiler.defaults().compile(RulePack.bundled());
        assertThat(classifier.scope()).isNotNull();
        List<Document> documents = new java.util.ArrayList<>(documents(Path.of("../seeds/docs")));
        String[] articles = Files.readString(Path.of("../bench/src/main/resources/corpus/reuters-slice.txt")).split("\\n\\s*\\n");
        for (int i = 0; i < articles.length; i += 3) {
            documents.add(Document.of("r" + i, articles[i]));
        }

        List<ClassifiedDocument> scoped = documents.stream().map(classifier::classify).toList();
        List<ClassifiedDocument> all = documents.stream().map(classifier.withoutScope()::classify).toList();

        assertThat(scoped).isEqualTo(all);
        assertThat(scoped).anyMatch(d -> d.sentences().stream().anyMatch(s -> !s.tags().isEmpty()));
        assertThat(scoped).anyMatch(d -> d.sentences().stream().anyMatch(s -> !s.vetoes().isEmpty()));
    }

    private static List<List<String>> categories(ClassifiedDocument document) {
        return document.sentences().stream()
                .map(SentenceResult::tags)
                .map(tags -> tags.stream().map(Tag::category).toList())
                .toList();
    }

    private static List<Document> documents(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().map(f -> {
                try {
                    return Document.of(f.getFileName().toString(), Files.readString(f));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
