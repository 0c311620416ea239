package org.frametag.rules.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.frametag.api.Tag;

/**
 * Per-rule statistics and the list of errors, computed from aligned sentences. Together they
 * answer "which rule should I fix first": a rule with many wrong firings, or one whose firings
 * all overlap with another rule's, shows up here before it shows up in the category scores.
 */
public final class RuleAnalysis {

    private RuleAnalysis() {
    }

    /**
     * Statistics for every rule that fired, plus {@code known} rules (name to category) that
     * never did, sorted by category order of {@code categories} and then by rule name.
     */
    public static List<RuleStats> rules(List<AlignedSentence> aligned, Map<String, String> known, List<String> categories) {
        record Key(String rule, String category) {
        }
        Map<Key, int[]> counts = new LinkedHashMap<>();
        known.forEach((rule, category) -> counts.put(new Key(rule, category), new int[5]));
        for (AlignedSentence a : aligned) {
            Map<String, Set<String>> rulesByCategory = new TreeMap<>();
            for (Tag t : a.tags()) {
                rulesByCategory.computeIfAbsent(t.category(), c -> new TreeSet<>()).add(t.rule());
            }
            rulesByCategory.forEach((category, rules) -> {
                for (String rule : rules) {
                    int[] c = counts.computeIfAbsent(new Key(rule, category), k -> new int[5]);
                    c[0]++;
                    if (a.goldLabels().contains(category)) {
                        c[1]++;
                    }
                    if (rules.size() > 1) {
                        c[2]++;
                    } else {
                        c[4]++;
                    }
                    if (rulesByCategory.size() > 1) {
                        c[3]++;
                    }
                }
            });
        }
        double total = Math.max(1, aligned.size());
        List<RuleStats> stats = new ArrayList<>();
        counts.forEach((k, c) -> stats.add(new RuleStats(k.rule(), k.category(), c[0], c[1], c[0] - c[1],
                c[0] == 0 ? 0.0 : (double) c[1] / c[0], c[0] / total, c[2], c[3], c[4])));
        // A rule that tags a computed category has a row per category it gave; its placeholder goes.
        stats.removeIf(r -> r.fires() == 0 && stats.stream().anyMatch(o -> o != r && o.rule().equals(r.rule())));
        stats.sort(Comparator.comparingInt((RuleStats s) -> {
            int i = categories.indexOf(s.category());
            return i < 0 ? Integer.MAX_VALUE : i;
        }).thenComparing(RuleStats::category).thenComparing(RuleStats::rule));
        return stats;
    }

    /** False positives and false negatives, in document order, category by category per sentence. */
    public static List<EvaluationError> errors(List<AlignedSentence> aligned) {
        List<EvaluationError> errors = new ArrayList<>();
        for (AlignedSentence a : aligned) {
            String text = a.gold() != null ? a.gold().text() : "";
            Set<String> categories = new TreeSet<>(a.goldLabels());
            categories.addAll(a.predictedLabels());
            for (String category : categories) {
                boolean inGold = a.goldLabels().contains(category);
                boolean predicted = a.predictedLabels().contains(category);
                if (predicted && !inGold) {
                    errors.add(new EvaluationError(EvaluationError.Kind.FALSE_POSITIVE, a.doc(), a.gold(), text, category,
                            a.tags().stream().filter(t -> t.category().equals(category)).map(Tag::rule).distinct().sorted().toList()));
                } else if (inGold && !predicted) {
                    errors.add(new EvaluationError(EvaluationError.Kind.FALSE_NEGATIVE, a.doc(), a.gold(), text, category,
                            a.tags().stream().map(Tag::rule).distinct().sorted().toList()));
                }
            }
        }
        return errors;
    }
}
