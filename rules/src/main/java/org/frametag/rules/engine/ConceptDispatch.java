package org.frametag.rules.engine;

import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.drools.base.base.ClassObjectType;
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
import org.drools.mvel.MVELConstraint;
import org.frametag.rules.facts.Mention;
import org.kie.api.KieBase;

/**
 * Sends each inserted {@link Mention} straight to the patterns that accept its concept.
 *
 * <p>Drools hashes a pattern's {@code concept == "x"}, but not {@code concept in ("x", "y")}:
 * every such list is a test of its own that each mention goes through, one after the other. The
 * bundled pack has over a hundred of them, so a news corpus spent a third of its classification
 * time on these tests, mostly rejecting (issue 13, docs/batch.md). Whether a test that reads only
 * the concept accepts a mention depends on the concept alone, so this propagator runs Drools'
 * own tests once per concept, on the first mention of it, keeps the patterns that passed, and
 * then hands every mention of that concept to them in the order Drools would. Anything else
 * under the mention's type node (a test that reads another field, a join) is left to Drools as
 * before, in its place in that order.
 *
 * <p>It changes propagation only, never the network: a change of the network (not made after
 * compiling) drops it, and it is serialized as the propagator it wraps.
 */
final class ConceptDispatch implements ObjectSinkPropagator {

    private static final long serialVersionUID = 1L;

    /** A test that reads the concept and nothing else: {@code in} lists become {@code ==} chains in Drools. */
    private static final Pattern CONCEPT_ONLY = Pattern.compile(
            "concept\\s*==\\s*\"[^\"\\\\]*\"(\\s*\\|\\|\\s*concept\\s*==\\s*\"[^\"\\\\]*\")*");

    /** What to do with a mention at one place of Drools' order. */
    private sealed interface Step permits Accepted, AsBefore {
    }

    /** A concept test that accepted the concept: on to the nodes below it without testing again. */
    private record Accepted(ObjectSinkPropagator below) implements Step {
    }

    /** A node left to Drools: it runs its own test, if it has one. */
    private record AsBefore(ObjectSink sink) implements Step {
    }

    private final CompositeObjectSinkAdapter plain;
    /** Every node under the type node, in the order Drools propagates to them. */
    private final List<ObjectSink> order;
    private final Map<String, Step[]> byConcept = new ConcurrentHashMap<>();

    private ConceptDispatch(CompositeObjectSinkAdapter plain, List<ObjectSink> order) {
        this.plain = plain;
        this.order = order;
    }

    /**
     * Puts the dispatch under the mention type node of {@code kieBase}, when that node has
     * concept tests Drools does not hash; otherwise, or when the network is not as expected
     * (another Drools version, the executable model), leaves it as it is.
     *
     * @return whether it was put in place
     */
    static boolean install(KieBase kieBase) {
        if (!(kieBase instanceof InternalRuleBase ruleBase)) {
            return false;
        }
        for (ObjectTypeNode node : ruleBase.getRete().getObjectTypeNodes()) {
            if (node.getObjectType() instanceof ClassObjectType type && type.getClassType() == Mention.class
                    && node.getObjectSinkPropagator() instanceof CompositeObjectSinkAdapter plain) {
                List<ObjectSink> order = order(plain);
                if (order != null && order.stream().anyMatch(s -> conceptOnly(s) && !hashed(plain, s))) {
                    node.setObjectSinkPropagator(new ConceptDispatch(plain, List.copyOf(order)));
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Drools' own propagation back in place (tests compare the two).
     *
     * @return whether a dispatch was in place
     */
    static boolean remove(KieBase kieBase) {
        boolean removed = false;
        for (ObjectTypeNode node : ((InternalRuleBase) kieBase).getRete().getObjectTypeNodes()) {
            if (node.getObjectSinkPropagator() instanceof ConceptDispatch dispatch) {
                node.setObjectSinkPropagator(dispatch.plain);
                removed = true;
            }
        }
        return removed;
    }

    /**
     * The nodes in the order of {@code CompositeObjectSinkAdapter.propagateAssertObject}: the
     * hashed test that matches (at most one, all being concept tests), then the unhashed ones and
     * the rest as listed; null when a hash or range index is on another field.
     */
    private static List<ObjectSink> order(CompositeObjectSinkAdapter plain) {
        if (plain.getRangeIndexMap() != null && !plain.getRangeIndexMap().isEmpty()) {
            return null;
        }
        List<ObjectSink> order = new ArrayList<>();
        if (plain.getHashedSinkMap() != null) {
            for (AlphaNode hashed : plain.getHashedSinkMap().values()) {
                if (!conceptOnly(hashed)) {
                    return null;
                }
                order.add(hashed);
            }
        }
        for (List<? extends ObjectSink> sinks : List.of(listed(plain.getHashableSinks()),
                listed(plain.getRangeIndexableSinks()), listed(plain.getOthers()))) {
            order.addAll(sinks);
        }
        return order;
    }

    private static List<? extends ObjectSink> listed(List<? extends ObjectSink> sinks) {
        return sinks == null ? List.of() : sinks;
    }

    private static boolean hashed(CompositeObjectSinkAdapter plain, ObjectSink sink) {
        return plain.getHashedSinkMap() != null && plain.getHashedSinkMap().containsValue(sink);
    }

    private static boolean conceptOnly(ObjectSink sink) {
        return sink instanceof AlphaNode alpha && alpha.getConstraint() instanceof MVELConstraint constraint
                && constraint.getRequiredDeclarations().length == 0
                && CONCEPT_ONLY.matcher(constraint.getExpression().strip()).matches();
    }

    @Override
    public void propagateAssertObject(InternalFactHandle handle, PropagationContext context, ReteEvaluator evaluator) {
        String concept = ((Mention) handle.getObject()).getConcept();
        Step[] steps = concept == null ? null : byConcept.get(concept);
        if (steps == null) {
            if (concept == null) {
                plain.propagateAssertObject(handle, context, evaluator);
                return;
            }
            steps = steps(handle, evaluator);
            byConcept.putIfAbsent(concept, steps);
        }
        for (Step step : steps) {
            if (step instanceof Accepted accepted) {
                accepted.below().propagateAssertObject(handle, context, evaluator);
            } else {
                ((AsBefore) step).sink().assertObject(handle, context, evaluator);
            }
        }
    }

    /** The steps for the concept of {@code handle}'s mention, its concept tests run by Drools. */
    private Step[] steps(InternalFactHandle handle, ReteEvaluator evaluator) {
        List<Step> steps = new ArrayList<>();
        for (ObjectSink sink : order) {
            if (!conceptOnly(sink)) {
                steps.add(new AsBefore(sink));
            } else if (((AlphaNode) sink).getConstraint().isAllowed(handle, evaluator)) {
                steps.add(new Accepted(((AlphaNode) sink).getObjectSinkPropagator()));
            }
        }
        return steps.toArray(Step[]::new);
    }

    @Override
    public ObjectSinkPropagator addObjectSink(ObjectSink sink, int alphaNodeHashingThreshold, int alphaNodeRangeIndexThreshold) {
        return plain.addObjectSink(sink, alphaNodeHashingThreshold, alphaNodeRangeIndexThreshold);
    }

    @Override
    public ObjectSinkPropagator removeObjectSink(ObjectSink sink) {
        return plain.removeObjectSink(sink);
    }

    @Override
    public BaseNode getMatchingNode(BaseNode candidate) {
        return plain.getMatchingNode(candidate);
    }

    @Override
    public ObjectSink[] getSinks() {
        return plain.getSinks();
    }

    @Override
    public int size() {
        return plain.size();
    }

    @Override
    public boolean isEmpty() {
        return plain.isEmpty();
    }

    @Override
    public void propagateModifyObject(InternalFactHandle handle, ModifyPreviousTuples modifyPreviousTuples,
                                      PropagationContext context, ReteEvaluator evaluator) {
        plain.propagateModifyObject(handle, modifyPreviousTuples, context, evaluator);
    }

    @Override
    public void byPassModifyToBetaNode(InternalFactHandle handle, ModifyPreviousTuples modifyPreviousTuples,
                                       PropagationContext context, ReteEvaluator evaluator) {
        plain.byPassModifyToBetaNode(handle, modifyPreviousTuples, context, evaluator);
    }

    @Override
    public void doLinkSubnetwork(ReteEvaluator evaluator) {
        plain.doLinkSubnetwork(evaluator);
    }

    @Override
    public void doUnlinkSubnetwork(ReteEvaluator evaluator) {
        plain.doUnlinkSubnetwork(evaluator);
    }

    @Override
    public void writeExternal(ObjectOutput out) {
        throw new UnsupportedOperationException("written as the propagator it wraps (writeReplace)");
    }

    @Override
    public void readExternal(ObjectInput in) {
        throw new UnsupportedOperationException("written as the propagator it wraps (writeReplace)");
    }

    private Object writeReplace() {
        return plain;
    }
}
