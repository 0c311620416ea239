package org.frametag.rules.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.frametag.core.text.Span;
import org.frametag.rules.facts.Mention;
import org.frametag.rules.facts.Sentence;
import org.frametag.rules.facts.Tagged;
import org.kie.api.runtime.KieSession;
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

    private record Key(int sentence, String category, String rule) {
    }

    private static final class Pending {
        final Set<Span> evidence = new TreeSet<>();
        Integer contextSentence;
    }

    private final Set<String> categories;
    private final KieSession session;
    private final Map<Key, Pending> tags = new LinkedHashMap<>();
    private final Map<String, Integer> firings = new HashMap<>();
    private Match current;

    Tagger(Set<String> categories, KieSession session) {
        this.categories = categories;
        this.session = session;
    }

    void firing(Match match) {
        current = match;
        firings.merge(match.getRule().getName(), 1, Integer::sum);
    }

    Map<String, Integer> firings() {
        return firings;
    }

    /** Tags {@code sentence} with {@code category} on behalf of the rule now firing. */
    public void tag(Sentence sentence, String category) {
        String rule = current == null ? "?" : current.getRule().getName();
        if (!categories.contains(category)) {
            throw new RuleFailure(rule, "rule \"" + rule + "\" tagged unknown category \"" + category
                    + "\"; the pack's categories are " + categories, null);
        }
        Key key = new Key(sentence.getIndex(), category, rule);
        boolean fresh = !tags.containsKey(key);
        Pending pending = tags.computeIfAbsent(key, k -> new Pending());
        if (current != null) {
            for (Object fact : current.getObjects()) {
                if (fact instanceof Mention m) {
                    pending.evidence.add(new Span(m.getStart(), m.getEnd()));
                } else if (fact instanceof Tagged t && t.getSentence() != sentence.getIndex()) {
                    pending.contextSentence = t.getSentence();
                }
            }
        }
        if (fresh) {
            session.insert(new Tagged(sentence.getIndex(), category, rule, pending.contextSentence != null));
        }
    }

    /** The tags given, grouped by sentence index, in the order rules gave them. */
    Map<Integer, List<Tag>> tagsBySentence() {
        Map<Integer, List<Tag>> bySentence = new HashMap<>();
        tags.forEach((key, pending) -> bySentence.computeIfAbsent(key.sentence(), k -> new ArrayList<>())
                .add(new Tag(key.category(), key.rule(), List.copyOf(pending.evidence), pending.contextSentence)));
        return bySentence;
    }
}
