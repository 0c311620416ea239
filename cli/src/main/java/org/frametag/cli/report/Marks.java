package org.frametag.cli.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.frametag.api.ClassifiedDocument;
import org.frametag.api.SentenceResult;
import org.frametag.rules.diff.TagChange;
import org.frametag.rules.eval.EvaluationError;
import org.frametag.rules.eval.Evaluator;
import org.frametag.rules.eval.GoldSentence;

/**
 * Where the evaluation's errors and the baseline's changes fall among the classified sentences,
 * so the report marks them in place. An error belongs to the sentences that counted for its gold
 * sentence (as evaluation aligns them); a false positive only to those that carry its category.
 */
final class Marks {

    /** A sentence of a document, by the document's id. */
    private record Key(String doc, int sentence) {
    }

    /**
     * What is marked on one sentence.
     *
     * @param judged         whether the gold file labels its document
     * @param falsePositives categories it was tagged with that gold does not have
     * @param falseNegatives categories gold has that no sentence of it was tagged with
     * @param changes        how its categories changed since the baseline
     */
    record Sentence(boolean judged, Set<String> falsePositives, Set<String> falseNegatives, List<TagChange> changes) {
        static final Sentence NONE = new Sentence(false, Set.of(), Set.of(), List.of());

        boolean hasError() {
            return !falsePositives.isEmpty() || !falseNegatives.isEmpty();
        }
    }

    private final Set<String> judged;
    private final Map<Key, Set<String>> falsePositives = new HashMap<>();
    private final Map<Key, Set<String>> falseNegatives = new HashMap<>();
    private final Map<Key, List<TagChange>> changes = new HashMap<>();
    private final List<EvaluationError> unplaced = new ArrayList<>();

    private Marks(Set<String> judged) {
        this.judged = judged;
    }

    static Marks of(HtmlReport.Contents contents) {
        Optional<Evaluator> evaluator = contents.gold().map(g -> new Evaluator(g.sentences()));
        Marks marks = new Marks(evaluator.map(Evaluator::goldDocuments).orElse(Set.of()));
        contents.gold().ifPresent(gold -> marks.place(gold.evaluation().errors(), contents.documents(), evaluator.get()));
        contents.baseline().ifPresent(baseline -> baseline.changes().forEach(c -> marks.changes
                .computeIfAbsent(new Key(c.sentence().doc(), c.sentence().sentence()), k -> new ArrayList<>()).add(c)));
        return marks;
    }

    private void place(List<EvaluationError> errors, List<ClassifiedDocument> documents, Evaluator evaluator) {
        Map<GoldSentence, List<Key>> aligned = new HashMap<>();
        Map<String, List<Key>> unaligned = new HashMap<>();
        Map<Key, Set<String>> categories = new HashMap<>();
        for (ClassifiedDocument d : documents) {
            if (!judged.contains(d.id())) {
                continue;
            }
            for (SentenceResult s : d.sentences()) {
                Key key = new Key(d.id(), s.sentence().index());
                categories.put(key, s.categories());
                evaluator.goldFor(d.id(), s.sentence().span()).ifPresentOrElse(
                        g -> aligned.computeIfAbsent(g, k -> new ArrayList<>()).add(key),
                        () -> unaligned.computeIfAbsent(d.id(), k -> new ArrayList<>()).add(key));
            }
        }
        for (EvaluationError e : errors) {
            List<Key> sentences = e.gold() == null ? unaligned.getOrDefault(e.doc(), List.of())
                    : aligned.getOrDefault(e.gold(), List.of());
            boolean falsePositive = e.kind() == EvaluationError.Kind.FALSE_POSITIVE;
            List<Key> targets = falsePositive
                    ? sentences.stream().filter(k -> categories.get(k).contains(e.category())).toList()
                    : sentences;
            if (targets.isEmpty()) {
                unplaced.add(e);
            }
            for (Key k : targets) {
                (falsePositive ? falsePositives : falseNegatives).computeIfAbsent(k, x -> new TreeSet<>()).add(e.category());
            }
        }
    }

    Sentence of(ClassifiedDocument document, SentenceResult sentence) {
        Key key = new Key(document.id(), sentence.sentence().index());
        boolean isJudged = judged.contains(document.id());
        Set<String> fp = falsePositives.getOrDefault(key, Set.of());
        Set<String> fn = falseNegatives.getOrDefault(key, Set.of());
        List<TagChange> changed = changes.getOrDefault(key, List.of());
        if (!isJudged && changed.isEmpty()) {
            return Sentence.NONE;
        }
        return new Sentence(isJudged, fp, fn, changed);
    }

    /** Errors with no classified sentence to show them on: a gold document not among the inputs, say. */
    List<EvaluationError> unplaced() {
        return unplaced;
    }
}
