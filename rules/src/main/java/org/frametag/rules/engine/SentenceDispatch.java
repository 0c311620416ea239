package org.frametag.rules.engine;

import java.util.List;
import org.drools.base.base.ClassObjectType;
import org.drools.core.common.InternalFactHandle;
import org.drools.core.common.PropagationContext;
import org.drools.core.common.ReteEvaluator;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.ObjectSink;
import org.drools.core.reteoo.ObjectTypeNode;
import org.frametag.rules.facts.Sentence;
import org.kie.api.KieBase;

/**
 * Sends each inserted {@link Sentence} only to the nodes of rules that can match in it.
 *
 * <p>Every rule of the bundled pack starts from a sentence. With one node for that start shared
 * by all the rules, Drools gave every inserted sentence a tuple in each of the hundreds of rules,
 * and the reset after each document cleared them all, though a document of news can match a few
 * (issue 13, docs/batch.md). In a rule base whose rules keep their own nodes
 * ({@link RuleBases#configuration}) the rule scope of the document ({@link RuleScope#enter}) tells
 * which of them a sentence can be of use to; the others never see it, and nothing else changes.
 */
final class SentenceDispatch extends GatedPropagator {

    private static final long serialVersionUID = 1L;

    private final Route route;
    /** The slot of the thread this dispatch served last (racy on purpose: a slot names its thread). */
    private transient RuleScope.Slot lastSlot;

    private SentenceDispatch(ObjectTypeNode node, Route route) {
        super(node.getObjectSinkPropagator());
        this.route = route;
    }

    /**
     * Puts the dispatch under the sentence type node of {@code kieBase}; leaves the node as it is
     * when there is no scope or its nodes are picked by an index.
     *
     * @return whether it was put in place
     */
    static boolean install(KieBase kieBase, RuleScope scope) {
        if (scope == null || !(kieBase instanceof InternalRuleBase ruleBase)) {
            return false;
        }
        for (ObjectTypeNode node : ruleBase.getRete().getObjectTypeNodes()) {
            if (node.getObjectType() instanceof ClassObjectType type && type.getClassType() == Sentence.class
                    && !(node.getObjectSinkPropagator() instanceof GatedPropagator)) {
                List<? extends ObjectSink> sinks = sinksInOrder(node.getObjectSinkPropagator());
                if (sinks == null) {
                    return false;
                }
                List<Target> targets = sinks.stream().map(sink -> new Target(null, sink, mask(scope, sink))).toList();
                node.setObjectSinkPropagator(new SentenceDispatch(node, new Route(targets, scope.ruleCount())));
                return true;
            }
        }
        return false;
    }

    @Override
    public void propagateAssertObject(InternalFactHandle handle, PropagationContext context, ReteEvaluator evaluator) {
        RuleScope.Slot slot = RuleScope.slot(lastSlot);
        lastSlot = slot;
        long[] sees = slot.document == null ? null : slot.document.sentencesSeen(((Sentence) handle.getObject()).getIndex());
        if (sees == null) {
            plain.propagateAssertObject(handle, context, evaluator);
            return;
        }
        int[] places = slot.places(route.targets.length);
        int count = route.select(sees, places);
        for (int i = 0; i < count; i++) {
            route.targets[places[i]].sink.assertObject(handle, context, evaluator);
        }
    }
}
