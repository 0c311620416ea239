package org.frametag.rules.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.frametag.api.Diagnostic;
import org.frametag.rules.pack.DrlOutline;
import org.frametag.rules.pack.PackOutline;
import org.frametag.rules.pack.RulePack;
import org.frametag.rules.terms.TermList;

/**
 * The pack-level mistakes Drools cannot see, because to it categories and concepts are just
 * strings: a rule that tags a category the pack does not have fails only when it fires, and a
 * rule on a concept without a term list silently never fires. Both are errors at compile time. A
 * mention pattern that tests the mention before its concept only makes every run slower: a warning.
 */
final class PackChecks {

    private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

    static List<Diagnostic> unknownCategories(PackOutline pack, List<String> categories) {
        List<Diagnostic> found = new ArrayList<>();
        for (DrlOutline drl : pack.files()) {
            for (DrlOutline.RuleDecl rule : drl.rules()) {
                if (allKnown(rule.categories(), categories) && allKnown(rule.tested(), categories)) {
                    continue;   // nothing to report, so nothing to put in order: most rules of a pack that loads
                }
                List<DrlOutline.Literal> used = new ArrayList<>(rule.categories());
                used.addAll(rule.tested());
                used.sort(Comparator.comparingInt(DrlOutline.Literal::line).thenComparingInt(DrlOutline.Literal::column));
                for (DrlOutline.Literal c : used) {
                    if (!categories.contains(c.value())) {
                        found.add(Diagnostic.error(drl.file(), c.line(), c.column(), "unknown category \"" + c.value()
                                + "\" in rule \"" + rule.name() + "\": it is not in " + RulePack.CATEGORIES
                                + closest(c.value(), categories).map(s -> "; did you mean \"" + s + "\"?")
                                .orElse("; add it there or use one of " + String.join(", ", categories))));
                    }
                }
            }
        }
        return found;
    }

    private static boolean allKnown(List<DrlOutline.Literal> used, List<String> categories) {
        for (DrlOutline.Literal c : used) {
            if (!categories.contains(c.value())) {
                return false;
            }
        }
        return true;
    }

    static List<Diagnostic> missingTermLists(PackOutline pack, List<TermList> lists) {
        // (a hash set: the name suggested for a typo is the nearest, then the first in name order, whatever the set's order)
        Set<String> concepts = new HashSet<>(lists.size() * 2);
        lists.forEach(l -> concepts.add(l.concept()));
        List<Diagnostic> found = new ArrayList<>();
        for (DrlOutline drl : pack.files()) {
            for (DrlOutline.RuleDecl rule : drl.rules()) {
                for (DrlOutline.Literal c : rule.concepts()) {
                    if (!concepts.contains(c.value())) {
                        found.add(Diagnostic.error(drl.file(), c.line(), c.column(), "concept \"" + c.value()
                                + "\" has no term list, so rule \"" + rule.name() + "\" can never see it"
                                + closest(c.value(), concepts).map(s -> "; did you mean \"" + s + "\"?")
                                .orElse("; create " + RulePack.TERMS + c.value() + ".txt with one word or phrase per line")));
                    }
                }
            }
        }
        return found;
    }

    /** Tags, examples and statistics name rules, so two rules with one name cannot be told apart. */
    static List<Diagnostic> duplicateRules(PackOutline pack) {
        Map<String, Declared> first = new HashMap<>();
        List<Diagnostic> found = new ArrayList<>();
        for (DrlOutline drl : pack.files()) {
            for (DrlOutline.RuleDecl rule : drl.rules()) {
                Declared before = first.putIfAbsent(rule.name(), new Declared(drl.file(), rule.line()));
                if (before != null) {
                    found.add(Diagnostic.error(drl.file(), rule.line(), rule.column(), "duplicate rule name \""
                            + rule.name() + "\", first declared at " + before.file() + ":" + before.line() + "; rename one of them"));
                }
            }
        }
        return found;
    }

    /** Where a rule was declared: its place is written out only for a duplicate, not for each of a pack's rules. */
    private record Declared(String file, int line) {
    }

    /**
     * A mention pattern that tests the mention itself before its concept runs that test on every
     * mention of every concept (docs/batch.md, round 37): it still tags the same, so a warning.
     */
    static List<Diagnostic> testedBeforeConcept(PackOutline pack) {
        List<Diagnostic> found = new ArrayList<>();
        for (DrlOutline drl : pack.files()) {
            for (DrlOutline.RuleDecl rule : drl.rules()) {
                for (DrlOutline.Literal test : rule.beforeConcept()) {
                    found.add(Diagnostic.warning(drl.file(), test.line(), test.column(), "rule \"" + rule.name()
                            + "\": the pattern tests '" + test.value() + "' before its concept; put the concept test first"
                            + " so the engine can route it by concept"));
                }
            }
        }
        return found;
    }

    /** The known name nearest to a misspelt one, if it is close enough to be a typo. */
    static Optional<String> closest(String name, Collection<String> known) {
        int limit = Math.max(2, name.length() / 4);
        return known.stream()
                .filter(k -> DISTANCE.apply(name.toUpperCase(), k.toUpperCase()) <= limit)
                .min(Comparator.comparingInt((String k) -> DISTANCE.apply(name.toUpperCase(), k.toUpperCase()))
                        .thenComparing(Comparator.naturalOrder()));
    }

    private PackChecks() {
    }
}
