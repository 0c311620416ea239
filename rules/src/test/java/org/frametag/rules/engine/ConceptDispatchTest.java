package org.frametag.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.frametag.api.ClassifiedDocument;
import org.frametag.core.text.Document;
import org.frametag.rules.pack.RulePack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mentions dispatched by concept get exactly the tags Drools' own propagation gives them. */
class ConceptDispatchTest {

    @TempDir
    Path dir;

    private static final String RULES = TestPacks.HEADER + """
            rule "a threat to a vote"
            when
                $s : Sentence()
                $t : Mention(sentence == $s.index, concept in ("threat", "attack"))
                $v : Mention(sentence == $s.index, concept in ("vote", "election", "ballot"), $t.before(this))
            then
                tagger.tag($s, "SECURITY_INCIDENT");
            end

            rule "an opening threat"
            when
                $s : Sentence()
                $t : Mention(sentence == $s.index, concept in ("threat", "fraud"), opening)
            then
                tagger.tag($s, "DELEGITIMIZATION");
            end

            rule "fraud in a vote, no denial"
            when
                $s : Sentence()
                $f : Mention(sentence == $s.index, concept == "fraud")
                Mention(sentence == $s.index, concept in ("vote", "ballot"))
                not Mention(sentence == $s.index, concept == "denial")
            then
                tagger.tag($s, "DELEGITIMIZATION");
            end

            rule "any mention of a vote"
            when
                $s : Sentence()
                $m : Mention(sentence == $s.index, text == "ballots")
                Mention(sentence == $s.index, concept == "election")
            then
                tagger.tag($s, "SECURITY_INCIDENT");
            end
            """;

    @Test
    void aPackWithConceptListsGetsTheSameTagsAsWithoutTheDispatch() throws Exception {
        Classifier classifier = RuleCompiler.defaults().compile(TestPacks.write(dir, Map.of(
                "categories.txt", "SECURITY_INCIDENT\nDELEGITIMIZATION\n",
                "rules.drl", RULES,
                "terms/threat.txt", "threat\nthreaten\n",
                "terms/attack.txt", "attack\n",
                "terms/vote.txt", "vote\nballots\n",
                "terms/election.txt", "election\n",
                "terms/ballot.txt", "ballot\n",
                "terms/fraud.txt", "fraud\nrigging\n",
                "terms/denial.txt", "deny\ndenied\n")));
        List<Document> documents = List.of(
                Document.of("a", "Threats against the vote grew. Fraud in the ballot was denied. Rigging of the vote was alleged."),
                Document.of("b", "An attack on the election was foiled. The ballots in the election were counted."),
                Document.of("c", "Nothing here."));

        assertThat(ConceptDispatch.install(classifier.kieBase())).isFalse();   // already in place
        List<List<ClassifiedDocument>> both = TestPacks.dispatchedThenPlain(classifier, documents);
        List<ClassifiedDocument> dispatched = both.get(0);

        assertThat(dispatched).isEqualTo(both.get(1));
        assertThat(dispatched.get(0).sentences().get(0).tags()).isNotEmpty();
        assertThat(dispatched.get(1).sentences().get(1).tags()).isNotEmpty();
    }

    @Test
    void theBundledPackTagsTheSeedDocumentsAsWithoutTheDispatch() throws Exception {
        Classifier classifier = RuleCompiler.defaults().compile(RulePack.bundled());
        List<Document> documents = TestPacks.seedDocuments();

        List<List<ClassifiedDocument>> both = TestPacks.dispatchedThenPlain(classifier, documents);
        List<ClassifiedDocument> dispatched = both.get(0);

        assertThat(dispatched).isEqualTo(both.get(1));
        assertThat(dispatched).anyMatch(d -> d.sentences().stream().anyMatch(s -> !s.tags().isEmpty()));
    }

    @Test
    void aHashOnAnotherFieldLeavesDroolsAlone() throws Exception {
        Classifier classifier = RuleCompiler.defaults().compile(TestPacks.write(dir, Map.of(
                "categories.txt", "SECURITY_INCIDENT\n",
                "rules.drl", TestPacks.HEADER + Stream.of("a", "b", "c", "d").map(w -> """
                        rule "text %s"
                        when
                            $s : Sentence()
                            Mention(sentence == $s.index, text == "%s")
                            Mention(sentence == $s.index, concept in ("x", "y"))
                        then
                            tagger.tag($s, "SECURITY_INCIDENT");
                        end
                        """.formatted(w, w)).reduce("", String::concat),
                "terms/x.txt", "a\nb\n",
                "terms/y.txt", "c\nd\n")));

        assertThat(ConceptDispatch.remove(classifier.kieBase())).isFalse();
        assertThat(ConceptDispatch.install(classifier.kieBase())).isFalse();
        assertThat(classifier.classify(Document.of("t", "a and c")).sentences().get(0).tags()).isNotEmpty();
    }
}
