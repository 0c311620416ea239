package org.frametag.rules.engine;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.internal.conf.ShareBetaNodesOption;

/**
 * The rule base a classifier runs its documents in. Usually that is all the rules, built while
 * the pack loads. On demand ({@link #onDemand}) nothing is built while the pack loads: the first
 * document gets a rule base of only the rules it can match (as {@link RuleScope#needed} tells),
 * a later one that needs no other rule the same, and any other document the rule base of all the
 * rules, built then. One short document then waits for a fraction of the rules (docs/batch.md,
 * "Round 31"); the tags are the same, as no rule left out could have matched.
 */
final class RuleBases {

    /** A rule base ready to classify in: its sessions, its scope (null: unscoped) and its mention dispatch. */
    record Running(KieBase kieBase, KieSessionsPool sessions, RuleScope scope, ConceptDispatch dispatch) {

        static Running of(KieBase kieBase, RuleScope scope) {
            return new Running(kieBase, kieBase.newKieSessionsPool(1), scope, scope == null ? null : ConceptDispatch.of(kieBase));
        }
    }

    /**
     * How every rule base of a pack is built: each rule keeps its own join nodes, so a sentence
     * can be sent to some rules and not others ({@link SentenceDispatch}). Shared, the node that
     * starts all the rules from a sentence gave each sentence a tuple in every rule.
     */
    static KieBaseConfiguration configuration() {
        KieBaseConfiguration configuration = KieServices.Factory.get().newKieBaseConfiguration();
        configuration.setOption(ShareBetaNodesOption.NO);
        return configuration;
    }

    /**
     * The same rules with Drools' shared nodes, built again from {@code unshared}'s compiled
     * packages: for a pack whose rules the scope cannot read (a Java-dialect rule, a consequence
     * that does more than call the tagger), no dispatch picks rules, and own nodes only cost time.
     */
    static KieBase shared(KieBase unshared) {
        InternalKnowledgeBase shared = KnowledgeBaseFactory.newKnowledgeBase();
        shared.addPackages(unshared.getKiePackages());
        return shared;
    }

    /** The scope that tells the rules a document needs; null when all the rules are built at once. */
    private final RuleScope needs;
    private final Supplier<Running> buildAll;
    private final Function<Set<String>, Optional<Running>> buildSome;
    private volatile Running all;
    private Running first;
    private Set<String> firstNeeds;

    private RuleBases(RuleScope needs, Supplier<Running> buildAll, Function<Set<String>, Optional<Running>> buildSome, Running all) {
        this.needs = needs;
        this.buildAll = buildAll;
        this.buildSome = buildSome;
        this.all = all;
    }

    /** All the rules, built already. */
    static RuleBases of(KieBase kieBase, RuleScope scope) {
        return new RuleBases(null, null, null, Running.of(kieBase, scope));
    }

    /**
     * Nothing built yet: {@code buildSome} builds a rule base of the rules named (nothing when it
     * cannot), {@code buildAll} one of all of them.
     */
    static RuleBases onDemand(RuleScope needs, Supplier<Running> buildAll, Function<Set<String>, Optional<Running>> buildSome) {
        return new RuleBases(needs, buildAll, buildSome, null);
    }

    /** The same rule bases without a scope: every fact goes into a session of all the rules. */
    RuleBases unscoped() {
        return of(all().kieBase(), null);
    }

    /** The rule base of all the rules, built now if it is not yet. */
    Running all() {
        Running built = all;
        if (built == null) {
            synchronized (this) {
                if (all == null) {
                    all = buildAll.get();
                }
                built = all;
            }
        }
        return built;
    }

    /** Whether the rule base of all the rules is built (for tests in this package). */
    boolean allBuilt() {
        return all != null;
    }

    /** The rule base the first document got on demand, or null (for tests in this package). */
    synchronized Running first() {
        return first;
    }

    /** The scope that numbers concepts for {@link #forDocument}; null when the rules are not scoped. */
    RuleScope concepts() {
        return needs != null ? needs : all().scope();
    }

    /** The rule base to classify a document in whose sentences' mentions are {@code conceptIds} (null: unscoped). */
    Running forDocument(List<int[]> conceptIds) {
        Running built = all;
        if (built != null || needs == null || conceptIds == null) {
            return built != null ? built : all();
        }
        Set<String> needed = needs.needed(conceptIds);
        synchronized (this) {
            if (all != null) {
                return all;
            }
            if (first == null) {
                Optional<Running> some = buildSome.apply(needed);
                if (some.isEmpty()) {
                    return all();
                }
                first = some.get();
                firstNeeds = needed;
            }
            return firstNeeds.containsAll(needed) ? first : all();
        }
    }
}
