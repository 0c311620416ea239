package org.frametag.cli.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.frametag.api.ClassifiedDocument;
import org.frametag.api.SentenceResult;
import org.frametag.api.Tag;
import org.frametag.rules.diff.TagChange;
import org.frametag.rules.eval.EvaluationError;
import org.frametag.rules.eval.GoldSentence;

/**
 * The categories and rules of a report, numbered: pages refer to them by number (colour classes,
 * filter values, data attributes), never by name, so no name ever reaches markup but as text.
 * The pack's own order comes first, then any other name met in tags, gold labels or changes.
 */
final class Names {

    private final Map<String, Integer> categories;
    private final Map<String, Integer> rules;

    private Names(Map<String, Integer> categories, Map<String, Integer> rules) {
        this.categories = categories;
        this.rules = rules;
    }

    static Names of(HtmlReport.Contents contents) {
        Map<String, Integer> categories = new LinkedHashMap<>();
        Map<String, Integer> rules = new LinkedHashMap<>();
        contents.categories().forEach(c -> number(categories, c));
        contents.rules().forEach(r -> number(rules, r));
        for (ClassifiedDocument d : contents.documents()) {
            for (SentenceResult s : d.sentences()) {
                for (Tag t : s.tags()) {
                    number(categories, t.category());
                    number(rules, t.rule());
                }
            }
        }
        contents.gold().ifPresent(gold -> {
            for (GoldSentence g : gold.sentences()) {
                g.labels().stream().sorted().forEach(c -> number(categories, c));
            }
            for (EvaluationError e : gold.evaluation().errors()) {
                number(categories, e.category());
            }
            // a rule's category in the statistics is a placeholder when the pack does not name it
            gold.evaluation().rules().forEach(r -> number(rules, r.rule()));
        });
        contents.baseline().ifPresent(baseline -> {
            for (TagChange c : baseline.changes()) {
                number(categories, c.category());
                c.before().stream().sorted().forEach(r -> number(rules, r));
            }
        });
        return new Names(categories, rules);
    }

    private static void number(Map<String, Integer> names, String name) {
        names.putIfAbsent(name, names.size());
    }

    List<String> categories() {
        return List.copyOf(categories.keySet());
    }

    List<String> rules() {
        return List.copyOf(rules.keySet());
    }

    boolean isCategory(String name) {
        return categories.containsKey(name);
    }

    int category(String name) {
        return number(categories, name, "category");
    }

    int rule(String name) {
        return number(rules, name, "rule");
    }

    private static int number(Map<String, Integer> names, String name, String what) {
        Integer n = names.get(name);
        if (n == null) {
            throw new IllegalArgumentException("no " + what + " " + name + " in the report");
        }
        return n;
    }

    /** {@code names} in report order. */
    List<String> inCategoryOrder(Collection<String> names) {
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(Comparator.comparingInt(this::category));
        return sorted;
    }

    /** The numbers of {@code names}, as a data attribute holds them: {@code "0 3"}. */
    String categoryList(Collection<String> names) {
        return numbers(names, categories);
    }

    String ruleList(Collection<String> names) {
        return numbers(names, rules);
    }

    private static String numbers(Collection<String> names, Map<String, Integer> numbering) {
        StringBuilder s = new StringBuilder();
        names.stream().map(n -> number(numbering, n, "name")).distinct().sorted().forEach(n -> {
            if (!s.isEmpty()) {
                s.append(' ');
            }
            s.append(n);
        });
        return s.toString();
    }
}
