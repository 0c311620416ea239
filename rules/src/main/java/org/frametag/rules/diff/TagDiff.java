package org.frametag.rules.diff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.frametag.core.text.Span;
import org.frametag.rules.diff.TagSnapshot.RuleTag;
import org.frametag.rules.diff.TagSnapshot.SentenceTags;
import org.frametag.rules.eval.Evaluator;
import org.frametag.rules.eval.GoldSentence;

/**
 * What an edit did: compares the tags of two runs over the same documents, sentence by
 * sentence and category by category. With gold labels each gained or lost tag is judged a fix
 * or a regression; a gold sentence counts for the predicted sentence it overlaps most, as in
 * evaluation.
 */
public final class TagDiff {

    private record Key(String doc, Span span) {
    }

    private final Evaluator gold;

    /** A diff without gold labels: changes are not judged. */
    public TagDiff() {
        this(List.of());
    }

    public TagDiff(List<GoldSentence> gold) {
        this.gold = new Evaluator(gold);
    }

    /**
     * Every change from {@code before} to {@code after}, in document and sentence order. Only
     * documents both runs have are compared, so a baseline of a larger corpus can serve for a part.
     */
    public List<TagChange> compare(TagSnapshot before, TagSnapshot after) {
        Set<String> docsBefore = new HashSet<>();
        before.sentences().forEach(s -> docsBefore.add(s.doc()));
        Set<String> docsAfter = new HashSet<>();
        after.sentences().forEach(s -> docsAfter.add(s.doc()));
        Map<Key, SentenceTags> old = new HashMap<>();
        before.sentences().forEach(s -> old.put(new Key(s.doc(), s.span()), s));
        Map<Key, SentenceTags> now = new LinkedHashMap<>();
        after.sentences().stream().filter(s -> docsBefore.contains(s.doc()))
                .forEach(s -> now.put(new Key(s.doc(), s.span()), s));
        before.sentences().stream().filter(s -> docsAfter.contains(s.doc()))
                .forEach(s -> now.putIfAbsent(new Key(s.doc(), s.span()), null));
        List<TagChange> changes = new ArrayList<>();
        for (Map.Entry<Key, SentenceTags> e : now.entrySet()) {
            SentenceTags a = e.getValue();
            SentenceTags b = old.get(e.getKey());
            SentenceTags shown = a != null ? a : b;
            Map<String, Set<String>> byCategoryBefore = byCategory(b);
            Map<String, Set<String>> byCategoryAfter = byCategory(a);
            Set<String> categories = new TreeSet<>(byCategoryBefore.keySet());
            categories.addAll(byCategoryAfter.keySet());
            for (String category : categories) {
                Set<String> was = byCategoryBefore.getOrDefault(category, Set.of());
                Set<String> is = byCategoryAfter.getOrDefault(category, Set.of());
                if (was.equals(is)) {
                    continue;
                }
                TagChange.Kind kind = was.isEmpty() ? TagChange.Kind.GAINED
                        : is.isEmpty() ? TagChange.Kind.LOST : TagChange.Kind.RULES_CHANGED;
                changes.add(new TagChange(shown, category, kind, was, is, verdict(shown, category, kind)));
            }
        }
        return changes;
    }

    private static Map<String, Set<String>> byCategory(SentenceTags s) {
        Map<String, Set<String>> map = new TreeMap<>();
        if (s != null) {
            for (RuleTag t : s.tags()) {
                map.computeIfAbsent(t.category(), c -> new TreeSet<>()).add(t.rule());
            }
        }
        return map;
    }

    private TagChange.Verdict verdict(SentenceTags s, String category, TagChange.Kind kind) {
        if (kind == TagChange.Kind.RULES_CHANGED) {
            return TagChange.Verdict.UNKNOWN;
        }
        Optional<Set<String>> labels = labels(s);
        if (labels.isEmpty()) {
            return TagChange.Verdict.UNKNOWN;
        }
        boolean right = labels.get().contains(category) == (kind == TagChange.Kind.GAINED);
        return right ? TagChange.Verdict.FIX : TagChange.Verdict.REGRESSION;
    }

    /** The gold labels of the gold sentence {@code s} overlaps most, if the gold file labels it. */
    private Optional<Set<String>> labels(SentenceTags s) {
        return gold.goldFor(s.doc(), s.span()).map(GoldSentence::labels);
    }
}
