package org.frametag.rules.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.frametag.api.ConceptMention;
import org.frametag.api.RuleFailure;
import org.frametag.api.Tag;
import org.frametag.api.Veto;
import org.frametag.core.text.Span;
import org.frametag.rules.facts.Mention;
import org.frametag.rules.facts.Sentence;
import org.frametag.rules.facts.Tagged;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.runtime.rule.Match;

/**
 * The one thing a rule's consequence calls: {@code tagger.tag($s, "CATEGORY")}. The rule's name
 * and its evidence (the concept mentions it matched) are taken from the firing match, so a
 * rule cannot forget to record them. A matched {@code Tagged} fact of an earlier sentence makes
 * the tag a context tag pointing at that sentence.
 *
 * <p>One tagger serves one document's session and is thrown away with it.
 */
public final class Tagger {

    /**
     * A sentence's tag of a category by a rule. Its equality is written out, as a record's own is
     * bootstrapped on first use, which had a cold JVM generate some twenty classes while the first
     * document's rules fired (the same hash as a record's: {@code (sentence * 31 + category) * 31 + rule}).
     */
    private record Key(int sentence, String category, String rule) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && sentence == key.sentence && Objects.equals(category, key.category)
                    && Objects.equals(rule, key.rule);
        }

        @Override
        public int hashCode() {
            return (Integer.hashCode(sentence) * 31 + Objects.hashCode(category)) * 31 + Objects.hashCode(rule);
        }
    }

    private static final class Pending {
        final Set<Span> evidence = new TreeSet<>();
        /** The rule's place in the pack, which orders a sentence's tags whatever order the rules fired in. */
        final int order;
        Integer contextSentence;

        Pending(int order) {
            this.order = order;
        }
    }

    private final Set<String> categories;
    private final KieSession session;
    private final Map<Key, Pending> tags = new LinkedHashMap<>();
    private final Map<String, Integer> firings = new HashMap<>();
    /** Each excluded category with the rules it kept from tagging, in the order they fired. */
    private final Map<Exclusion, Set<String>> exclusions = new HashMap<>();
    private final Map<Integer, List<Veto>> vetoes = new HashMap<>();
    private Match current;
    /** The rule firing now, read by another thread to name a rule that never returns. */
    private volatile String firingRule;

    /** A category the codebook rules out for one sentence; its equality written out as {@link Key}'s. */
    private record Exclusion(int sentence, String category) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Exclusion exclusion && sentence == exclusion.sentence && Objects.equals(category, exclusion.category);
        }

        @Override
        public int hashCode() {
            return Integer.hashCode(sentence) * 31 + Objects.hashCode(category);
        }
    }

    Tagger(Set<String> categories, KieSession session) {
        this.categories = categories;
        this.session = session;
    }

    void firing(Match match) {
        current = match;
        firingRule = match.getRule().getName();
        firings.merge(match.getRule().getName(), 1, Integer::sum);
    }

    /** The rule whose consequence runs now, or the last one that ran; null before any. */
    String firingRule() {
        return firingRule;
    }

    Map<String, Integer> firings() {
        return firings;
    }

    /**
     * Rules {@code category} out for {@code sentence}, whatever rule would tag it: the codebook's
     * exclusions (sport is not violence, a poll share is not delegitimization) are written once, in
     * rules of higher salience than the tagging rules, instead of in every rule they concern.
     */
    public void exclude(Sentence sentence, String category) {
        String rule = current == null ? "?" : current.getRule().getName();
        checkCategory(rule, category);
        exclusions.putIfAbsent(new Exclusion(sentence.getIndex(), category), new LinkedHashSet<>());
        Veto veto = new Veto(rule, category, null, List.of());
        List<Veto> here = vetoes.computeIfAbsent(sentence.getIndex(), k -> new ArrayList<>());
        if (!here.contains(veto)) {
            here.add(veto);
        }
    }

    /**
     * Removes a concept mention from the session, so no rule sees it: for a word used in another
     * sense than its concept's ("trade war", "shot up", "breach of contract"), decided once in
     * a rule of higher salience than the tagging rules.
     */
    public void drop(Mention word) {
        String rule = current == null ? "?" : current.getRule().getName();
        FactHandle handle = session.getFactHandle(word);
        if (handle != null) {
            session.delete(handle);
            vetoes.computeIfAbsent(word.getSentence(), k -> new ArrayList<>()).add(new Veto(rule, null,
                    new ConceptMention(word.getConcept(), new Span(word.getStart(), word.getEnd()), word.getText()), List.of()));
        }
    }

    /** What exclusions and word senses ruled out, by sentence index, each exclusion with the rules it kept from tagging. */
    Map<Integer, List<Veto>> vetoes() {
        Map<Integer, List<Veto>> withKept = new HashMap<>();
        vetoes.forEach((sentence, here) -> withKept.put(sentence, here.stream()
                .map(v -> v.category() == null ? v
                        : new Veto(v.rule(), v.category(), null, List.copyOf(exclusions.get(new Exclusion(sentence, v.category())))))
                .toList()));
        return withKept;
    }

    /** Tags {@code sentence} with {@code category} on behalf of the rule now firing, unless it is excluded there. */
    public void tag(Sentence sentence, String category) {
        String rule = current == null ? "?" : current.getRule().getName();
        checkCategory(rule, category);
        Set<String> kept = exclusions.get(new Exclusion(sentence.getIndex(), category));
        if (kept != null) {
            kept.add(rule);
            return;
        }
        Key key = new Key(sentence.getIndex(), category, rule);
        boolean fresh = !tags.containsKey(key);
        Pending pending = tags.computeIfAbsent(key, k -> new Pending(
                current != null && current.getRule() instanceof RuleImpl fired ? fired.getLoadOrder() : Integer.MAX_VALUE));
        if (current != null) {
            for (Object fact : current.getObjects()) {
                if (fact instanceof Mention m) {
                    pending.evidence.add(new Span(m.getStart(), m.getEnd()));
                } else if (fact instanceof Tagged t && t.getSentence() != sentence.getIndex()
                        && (pending.contextSentence == null || t.getSentence() > pending.contextSentence)) {
                    pending.contextSentence = t.getSentence();   // the nearest sentence before, however many matched
                }
            }
        }
        if (fresh) {
            session.insert(new Tagged(sentence.getIndex(), category, rule, pending.contextSentence != null));
        }
    }

    private void checkCategory(String rule, String category) {
        if (!categories.contains(category)) {
            throw new RuleFailure(rule, "rule \"" + rule + "\" tagged unknown category \"" + category
                    + "\"; the pack's categories are " + categories, null);
        }
    }

    /**
     * The tags given, grouped by sentence index, in the order of their rules in the pack: the
     * order rules fire in depends on how the rule base was built (compiled from DRL or precompiled).
     */
    Map<Integer, List<Tag>> tagsBySentence() {
        Map<Integer, List<Tag>> bySentence = new HashMap<>();
        tags.entrySet().stream()
                .sorted(Comparator.comparingInt(e -> e.getValue().order))   // stable: one rule's categories as it gave them
                .forEach(e -> bySentence.computeIfAbsent(e.getKey().sentence(), k -> new ArrayList<>())
                        .add(new Tag(e.getKey().category(), e.getKey().rule(), List.copyOf(e.getValue().evidence),
                                e.getValue().contextSentence == null ? OptionalInt.empty() : OptionalInt.of(e.getValue().contextSentence))));
        return bySentence;
    }
}
