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
import org.frametag.rules.facts.Token;
import org.kie.api.KieBase;

/**
 * Sends each inserted {@link Sentence}, and each {@link Token}, only to the nodes of rules that can
 * match in its sentence.
 *
 * <p>Every rule of the bundled pack starts from a sentence. With one node for that start shared
 * by all the rules, Drools gave every inserted sentence a tuple in each of the hundreds of rules,
 * and the reset after each document cleared them all, though a document of news can match a few
 * (issue 13, docs/batch.md). In a rule base whose rules keep their own nodes
 * ({@link RuleBases#configuration}) the rule scope of the document ({@link RuleScope#enter}) tells
 * which of them a sentence can be of use to; the others never see it, and nothing else changes.
 * A token goes to the rules that can use the tokens of its sentence, so a test of its text runs only
 * where a rule can match.
 */
final class SentenceDispatch extends GatedPropagator {

    private static final long serialVersionUID = 1L;

    private final Route route;
    private final boolean tokens;
    /** The slot of the thread this dispatch served last (racy on purpose: a slot names its thread). */
    private transient RuleScope.Slot lastSlot;

    private SentenceDispatch(ObjectTypeNode node, Route route, boolean tokens) {
        super(node.getObjectSinkPropagator());
        this.route = route;
        this.tokens = tokens;
    }

    /**
     * Puts the dispatch under the sentence type node of {@code kieBase}, and under the token type
     * node; leaves a node as it is when there is no scope or its nodes are picked by an index.
     *
     * @return whether it was put in place under the sentence type node
     */
    static boolean install(KieBase kieBase, RuleScope scope) {
        if (scope == null || !(kieBase instanceof InternalRuleBase ruleBase)) {
            return false;
        }
        boolean installed = false;
        for (ObjectTypeNode node : ruleBase.getRete().getObjectTypeNodes()) {
            if (node.getObjectType() instanceof ClassObjectType type
                    && (type.getClassType() == Sentence.class || type.getClassType() == Token.class)
                    && !(node.getObjectSinkPropagator() instanceof GatedPropagator)) {
                List<? extends ObjectSink> sinks = sinksInOrder(node.getObjectSinkPropagator());
                if (sinks != null) {
                    List<Target> targets = sinks.stream().map(sink -> new Target(null, sink, mask(scope, sink))).toList();
                    boolean tokens = type.getClassType() == Token.class;
                    node.setObjectSinkPropagator(new SentenceDispatch(node, new Route(targets, scope.ruleCount()), tokens));
                    installed |= !tokens;
                }
            }
        }
        return installed;
    }

    @Override
    public void propagateAssertObject(InternalFactHandle handle, PropagationContext context, ReteEvaluator evaluator) {
        RuleScope.Slot slot = RuleScope.slot(lastSlot);
        lastSlot = slot;
        long[] sees = slot.document == null ? null
                : tokens ? slot.document.tokensSeen(((Token) handle.getObject()).getSentence())
                : slot.document.sentencesSeen(((Sentence) handle.getObject()).getIndex());
        if (sees == null) {
            plain.propagateAssertObject(handle, context, evaluator);
            return;
        }
        int[] places = slot.places(route.targets.length);
        int count = route.select(sees, places, slot.marks(route.targets.length));
        for (int i = 0; i < count; i++) {
            route.targets[places[i]].sink.assertObject(handle, context, evaluator);
        }
    }
}
