package org.frametag.rules.engine;

import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.base.base.ClassObjectType;
import org.drools.base.rule.constraint.AlphaNodeFieldConstraint;
import org.drools.core.common.BaseNode;
import org.drools.core.common.InternalFactHandle;
import org.drools.core.common.PropagationContext;
import org.drools.core.common.ReteEvaluator;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.AlphaNode;
import org.drools.core.reteoo.CompositeObjectSinkAdapter;
import org.drools.core.reteoo.ModifyPreviousTuples;
import org.drools.core.reteoo.ObjectSink;
import org.drools.core.reteoo.ObjectSinkPropagator;
import org.drools.core.reteoo.ObjectTypeNode;
import org.drools.core.reteoo.SingleObjectSinkAdapter;
import org.drools.modelcompiler.constraints.LambdaConstraint;
import org.drools.mvel.MVELConstraint;
import org.frametag.rules.facts.Mention;
import org.kie.api.KieBase;

/**
 * Sends each inserted {@link Mention} straight to the patterns that accept its concept.
 *
 * <p>Drools hashes a pattern's {@code concept == "x"}, but not {@code concept in ("x", "y")}:
 * every such list is a test of its own that each mention goes through, one after the other. The
 * bundled pack has over a hundred of them, so a news corpus spent more than half of its
 * classification time on these tests, mostly rejecting (issue 13, docs/batch.md). A test that
 * compares the concept with string literals and reads nothing else accepts a mention by its
 * concept alone, so the first mention of a concept decides, from the literals, which of these
 * patterns take it; every mention of that concept then goes to them directly, in the order
 * Drools would send it. Anything else under the mention's type node (a test that reads another
 * field, a join) is left to Drools as before, in its place in that order. The tests decided by
 * their literals are never run, so Drools does not interpret or compile them either.
 *
 * <p>It changes propagation only, never the network: a change of the network (none is made
 * after compiling) drops it, and it is serialized as the propagator it wraps.
 */
final class ConceptDispatch extends GatedPropagator {

    private static final long serialVersionUID = 1L;

    /**
     * A test that compares the concept with string literals and reads nothing else (from MVEL,
     * Drools turns {@code concept in ("x", "y")} into {@code concept == "x" || concept == "y"}; the
     * executable model keeps it as written); no escapes, so a literal is the text between its quotes.
     */
    private static final Pattern CONCEPT_ONLY = Pattern.compile(
            "concept\\s*==\\s*\"[^\"\\\\]*\"(\\s*\\|\\|\\s*concept\\s*==\\s*\"[^\"\\\\]*\")*"
            + "|concept\\s+in\\s*\\(\\s*\"[^\"\\\\]*\"(\\s*,\\s*\"[^\"\\\\]*\")*\\s*\\)");
    private static final Pattern LITERAL = Pattern.compile("\"([^\"\\\\]*)\"");

    /** A node under the type node, in Drools' order of propagation. */
    private sealed interface Place permits ConceptTest, AsBefore {
    }

    /** A test of the concept against {@code literals}; a mention it accepts goes on to the nodes below {@code node}. */
    private record ConceptTest(Set<String> literals, AlphaNode node) implements Place {
    }

    /** A node left to Drools: it runs its own test, if it has one. */
    private record AsBefore(ObjectSink sink) implements Place {
    }

    private final List<Place> places;
    /**
     * Per literal, the places of the tests that name it, in order; and the places left to Drools:
     * a concept's route is made from these, where testing every place's literals for each new
     * concept took a twentieth of a 5 MB run's worker.
     */
    private final Map<String, int[]> placesByLiteral;
    private final int[] asBefore;
    /** Per place, the targets it gives a route, worked out when a route first takes it (masks included). */
    private final AtomicReferenceArray<Target[]> placeTargets;
    private final RuleScope scope;
    /** Per concept, where a mention of it goes: below the tests that accept it, and the nodes left to Drools. */
    private final Map<String, Route> byConcept = new ConcurrentHashMap<>();
    /** The slot of the thread this dispatch served last (racy on purpose: a slot names its thread). */
    private transient RuleScope.Slot lastSlot;

    private ConceptDispatch(CompositeObjectSinkAdapter plain, List<Place> places, RuleScope scope) {
        super(plain);
        this.places = places;
        this.scope = scope;
        Map<String, List<Integer>> byLiteral = new HashMap<>();
        List<Integer> left = new ArrayList<>();
        for (int place = 0; place < places.size(); place++) {
            if (places.get(place) instanceof ConceptTest test) {
                for (String literal : test.literals()) {
                    byLiteral.computeIfAbsent(literal, k -> new ArrayList<>()).add(place);
                }
            } else {
                left.add(place);
            }
        }
        Map<String, int[]> index = new HashMap<>();
        byLiteral.forEach((literal, at) -> index.put(literal, at.stream().mapToInt(Integer::intValue).toArray()));
        this.placesByLiteral = index;
        this.asBefore = left.stream().mapToInt(Integer::intValue).toArray();
        this.placeTargets = new AtomicReferenceArray<>(places.size());
    }

    /**
     * Puts the dispatch under the mention type node of {@code kieBase}, when that node has
     * concept tests Drools does not hash, from MVEL or the executable model; otherwise, or when the
     * network is not as expected (another Drools version), leaves it as it is.
     *
     * @return whether it was put in place
     */
    static boolean install(KieBase kieBase) {
        return install(kieBase, null);
    }

    /**
     * As {@link #install(KieBase)}; with {@code scope}, a mention goes to no node whose rules all
     * cannot use it in the document its thread classifies now ({@link RuleScope#enter}).
     */
    static boolean install(KieBase kieBase, RuleScope scope) {
        if (!(kieBase instanceof InternalRuleBase ruleBase)) {
            return false;
        }
        for (ObjectTypeNode node : ruleBase.getRete().getObjectTypeNodes()) {
            if (node.getObjectType() instanceof ClassObjectType type && type.getClassType() == Mention.class
                    && node.getObjectSinkPropagator() instanceof CompositeObjectSinkAdapter plain) {
                List<Place> places = places(plain);
                long hashed = plain.getHashedSinkMap() == null ? 0 : plain.getHashedSinkMap().size();
                if (places != null && places.stream().filter(p -> p instanceof ConceptTest).count() > hashed) {
                    node.setObjectSinkPropagator(new ConceptDispatch(plain, places, scope));
                    return true;
                }
            }
        }
        return false;
    }

    /** The dispatch in place under the mention type node of {@code kieBase}, or null. */
    static ConceptDispatch of(KieBase kieBase) {
        if (kieBase instanceof InternalRuleBase ruleBase) {
            for (ObjectTypeNode node : ruleBase.getRete().getObjectTypeNodes()) {
                if (node.getObjectSinkPropagator() instanceof ConceptDispatch dispatch) {
                    return dispatch;
                }
            }
        }
        return null;
    }

    /**
     * Whether a mention of {@code concept} would reach any node when the rules of {@code sees} are
     * those that can use it: when not, inserting it changes nothing but the count of facts. {@code seen}
     * are the words of {@code sees} that hold a bit ({@link RuleScope#nonZero}).
     */
    boolean reaches(String concept, long[] sees, int[] seen) {
        if (concept == null || scope == null || sees == null) {
            return true;
        }
        return route(concept).any(sees, seen);
    }

    /**
     * Drools' own propagation back in place (tests compare the two).
     *
     * @return whether a dispatch was in place
     */
    static boolean remove(KieBase kieBase) {
        boolean removed = false;
        for (ObjectTypeNode node : ((InternalRuleBase) kieBase).getRete().getObjectTypeNodes()) {
            if (node.getObjectSinkPropagator() instanceof GatedPropagator dispatch) {
                node.setObjectSinkPropagator(dispatch.plain);
                removed = true;
            }
        }
        return removed;
    }

    /**
     * The nodes in the order of {@code CompositeObjectSinkAdapter.propagateAssertObject}: the
     * hashed tests (all on the concept; at most one accepts a mention), then the unhashed ones and
     * the rest as listed; null when a hash or range index is on something else.
     */
    private static List<Place> places(CompositeObjectSinkAdapter plain) {
        if (plain.getRangeIndexMap() != null && !plain.getRangeIndexMap().isEmpty()) {
            return null;
        }
        List<Place> places = new ArrayList<>();
        if (plain.getHashedSinkMap() != null) {
            for (AlphaNode hashed : plain.getHashedSinkMap().values()) {
                Place place = place(hashed);
                if (!(place instanceof ConceptTest)) {
                    return null;
                }
                places.add(place);
            }
        }
        for (List<? extends ObjectSink> sinks : List.of(listed(plain.getHashableSinks()),
                listed(plain.getRangeIndexableSinks()), listed(plain.getOthers()))) {
            sinks.forEach(sink -> places.add(place(sink)));
        }
        return List.copyOf(places);
    }

    private static Place place(ObjectSink sink) {
        if (sink instanceof AlphaNode alpha && alpha.getConstraint().getRequiredDeclarations().length == 0) {
            String expression = expression(alpha.getConstraint());
            if (expression != null && CONCEPT_ONLY.matcher(expression.strip()).matches()) {
                Set<String> literals = new HashSet<>();
                Matcher literal = LITERAL.matcher(expression);
                while (literal.find()) {
                    literals.add(literal.group(1));
                }
                return new ConceptTest(Set.copyOf(literals), alpha);
            }
        }
        return new AsBefore(sink);
    }

    /** The DRL of a constraint compiled from MVEL or to the executable model (which keeps it for its messages); else null. */
    private static String expression(AlphaNodeFieldConstraint constraint) {
        if (constraint instanceof MVELConstraint mvel) {
            return mvel.getExpression();
        }
        if (constraint instanceof LambdaConstraint lambda && !lambda.getPredicateInformation().isEmpty()) {
            return lambda.getPredicateInformation().getStringConstraint();
        }
        return null;
    }

    @Override
    public void propagateAssertObject(InternalFactHandle handle, PropagationContext context, ReteEvaluator evaluator) {
        Mention mention = (Mention) handle.getObject();
        String concept = mention.getConcept();
        if (concept == null) {
            plain.propagateAssertObject(handle, context, evaluator);
            return;
        }
        Route route = route(concept);
        long[] sees = null;
        int[] seen = null;
        RuleScope.Slot slot = null;
        if (scope != null) {
            slot = RuleScope.slot(lastSlot);
            lastSlot = slot;
            sees = slot.document == null ? null : slot.document.mentionsSeen(mention.getSentence());
            seen = sees == null ? null : slot.document.mentionWordsSeen(mention.getSentence());
        }
        if (sees == null) {
            for (Target target : route.targets) {
                propagate(target, handle, context, evaluator);
            }
            return;
        }
        // only the nodes of rules that can use a mention of this sentence in this document
        int[] places = slot.places(route.targets.length);
        int count = route.select(sees, seen, places, slot.marks(route.targets.length));
        for (int i = 0; i < count; i++) {
            propagate(route.targets[places[i]], handle, context, evaluator);
        }
    }

    private static void propagate(Target target, InternalFactHandle handle, PropagationContext context, ReteEvaluator evaluator) {
        if (target.below != null) {
            // as Drools does for a hashed test that matched: on to the nodes below, no test run
            target.below.propagateAssertObject(handle, context, evaluator);
        } else {
            target.sink.assertObject(handle, context, evaluator);
        }
    }

    private Route route(String concept) {
        Route route = recent.get(concept);
        if (route != null) {
            return route;
        }
        route = byConcept.get(concept);
        if (route == null) {
            route = byConcept.computeIfAbsent(concept, this::targets);
        }
        recent.put(concept, route);
        return route;
    }

    /** The routes of concepts met lately: looked up twice per mention. */
    private final RecentByName<Route> recent = new RecentByName<>(1 << 12);

    private Route targets(String concept) {
        List<Target> targets = new ArrayList<>();
        // the tests that accept the concept and the places left to Drools, merged in Drools' order
        int[] tests = placesByLiteral.getOrDefault(concept, NO_PLACES);
        for (int t = 0, a = 0; t < tests.length || a < asBefore.length; ) {
            int place = a == asBefore.length || t < tests.length && tests[t] < asBefore[a] ? tests[t++] : asBefore[a++];
            targets.addAll(Arrays.asList(targetsAt(place)));
        }
        return new Route(targets, scope == null ? 0 : scope.ruleCount());
    }

    private static final int[] NO_PLACES = new int[0];

    /** The targets of the place: below a test, the nodes it passes a mention on to; else the node itself. */
    private Target[] targetsAt(int at) {
        Target[] known = placeTargets.get(at);
        if (known != null) {
            return known;
        }
        List<Target> targets = new ArrayList<>();
        if (places.get(at) instanceof ConceptTest test) {
            ObjectSinkPropagator below = test.node().getObjectSinkPropagator();
            List<? extends ObjectSink> sinks = scope == null ? null : sinksInOrder(below);
            if (sinks == null) {
                targets.add(new Target(below, null, mask(test.node())));
            } else {
                sinks.forEach(sink -> targets.add(new Target(null, sink, mask(sink))));
            }
        } else {
            ObjectSink sink = ((AsBefore) places.get(at)).sink();
            targets.add(new Target(null, sink, mask(sink)));
        }
        Target[] made = targets.toArray(Target[]::new);
        placeTargets.set(at, made);
        return made;
    }

    private long[] mask(Object node) {
        return mask(scope, node);
    }
}
