package org.frametag.rules.eval;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.frametag.api.ClassifiedDocument;
import org.frametag.api.SentenceResult;
import org.frametag.api.Tag;
import org.frametag.core.text.Span;

/**
 * Scores classified documents against gold labels, per gold sentence and per category. A
 * predicted sentence counts for the gold sentence of its document it overlaps most, so a
 * segmenter that splits differently is still judged fairly.
 */
public final class Evaluator {

    private final Map<String, List<GoldSentence>> goldByDoc = new LinkedHashMap<>();

    public Evaluator(Collection<GoldSentence> gold) {
        for (GoldSentence g : gold) {
            goldByDoc.computeIfAbsent(g.doc(), d -> new ArrayList<>()).add(g);
        }
    }

    /** The documents the gold file labels. */
    public Set<String> goldDocuments() {
        return goldByDoc.keySet();
    }

    /**
     * Aligns predictions with gold for every document the gold file labels; documents the gold
     * file does not know are skipped, and gold documents with no prediction count as all missed.
     */
    public List<AlignedSentence> align(Collection<ClassifiedDocument> documents) {
        Map<String, ClassifiedDocument> byId = new HashMap<>();
        documents.forEach(d -> byId.put(d.id(), d));
        List<AlignedSentence> aligned = new ArrayList<>();
        goldByDoc.forEach((doc, gold) -> aligned.addAll(align(doc, gold, byId.get(doc))));
        return aligned;
    }

    /**
     * The gold sentence of {@code doc} that {@code span} overlaps most (the first of equals), if
     * the gold file labels any sentence there: the one a predicted sentence at {@code span} counts for.
     */
    public Optional<GoldSentence> goldFor(String doc, Span span) {
        GoldSentence best = null;
        int bestOverlap = 0;
        for (GoldSentence g : goldByDoc.getOrDefault(doc, List.of())) {
            int overlap = g.span().overlap(span);
            if (overlap > bestOverlap) {
                best = g;
                bestOverlap = overlap;
            }
        }
        return Optional.ofNullable(best);
    }

    private List<AlignedSentence> align(String doc, List<GoldSentence> gold, ClassifiedDocument predicted) {
        Map<GoldSentence, List<Tag>> tags = new LinkedHashMap<>();
        gold.forEach(g -> tags.put(g, new ArrayList<>()));
        List<AlignedSentence> unmatched = new ArrayList<>();
        if (predicted != null) {
            for (SentenceResult s : predicted.sentences()) {
                Optional<GoldSentence> best = goldFor(doc, s.sentence().span());
                if (best.isPresent()) {
                    tags.get(best.get()).addAll(s.tags());
                } else if (!s.tags().isEmpty()) {
                    unmatched.add(new AlignedSentence(doc, null, s.tags()));
                }
            }
        }
        List<AlignedSentence> aligned = new ArrayList<>();
        tags.forEach((g, t) -> aligned.add(new AlignedSentence(doc, g, t)));
        aligned.addAll(unmatched);
        return aligned;
    }

    /** Scores for {@code categories} plus any category the gold file or the predictions use. */
    public EvaluationReport evaluate(List<AlignedSentence> aligned, Collection<String> categories) {
        Set<String> all = new LinkedHashSet<>(categories);
        aligned.forEach(a -> {
            all.addAll(a.goldLabels());
            all.addAll(a.predictedLabels());
        });
        Map<String, Scores> perCategory = new LinkedHashMap<>();
        int tpSum = 0;
        int fpSum = 0;
        int fnSum = 0;
        for (String category : all) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (AlignedSentence a : aligned) {
                boolean inGold = a.goldLabels().contains(category);
                boolean inPrediction = a.predictedLabels().contains(category);
                if (inGold && inPrediction) {
                    tp++;
                } else if (inPrediction) {
                    fp++;
                } else if (inGold) {
                    fn++;
                }
            }
            perCategory.put(category, Scores.of(tp, fp, fn));
            tpSum += tp;
            fpSum += fp;
            fnSum += fn;
        }
        double precision = 0;
        double recall = 0;
        double f1 = 0;
        for (Scores scores : perCategory.values()) {
            precision += scores.precision();
            recall += scores.recall();
            f1 += scores.f1();
        }
        double n = Math.max(1, perCategory.size());
        EvaluationReport.Averages macro = new EvaluationReport.Averages(precision / n, recall / n, f1 / n);
        return new EvaluationReport(perCategory, Scores.of(tpSum, fpSum, fnSum), macro);
    }
}
