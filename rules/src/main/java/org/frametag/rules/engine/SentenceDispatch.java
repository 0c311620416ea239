package org.frametag.rules.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.drools.base.base.ClassObjectType;
import org.drools.core.common.InternalFactHandle;
import org.drools.core.common.PropagationContext;
import org.drools.core.common.ReteEvaluator;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.AlphaNode;
import org.drools.core.reteoo.CompositeObjectSinkAdapter;
import org.drools.core.reteoo.CompositeObjectSinkAdapter.FieldIndex;
import org.drools.core.reteoo.CompositeObjectSinkAdapter.HashKey;
import org.drools.core.reteoo.ObjectSink;
import org.drools.core.reteoo.ObjectSinkPropagator;
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
 *
 * <p>Drools hashes the tests of one field against a literal ({@code text == "of"}) once three of them
 * share the field; the nodes of those tests come first in its order, one field at a time, and the
 * hash picks the one a fact has the value of. They stay in that place here, and a selected one is
 * taken when the same hash picks it. Without this the bundled pack's token type node, which holds
 * seven such tests, sent every token to every rule's tests (docs/batch.md, "Round 50").
 */
final class SentenceDispatch extends GatedPropagator {

    private static final long serialVersionUID = 1L;

    private final Route route;
    private final boolean tokens;
    /** Drools' hash of the tests against a literal, null when there is none. */
    private final Map<HashKey, AlphaNode> hashed;
    /** The hashed fields, in Drools' order; per place of the route, the one whose hash picks it, or -1 for a node that runs its own test. */
    private final FieldIndex[] hashedFields;
    private final int[] fieldOf;
    /** The slot of the thread this dispatch served last (racy on purpose: a slot names its thread). */
    private transient RuleScope.Slot lastSlot;

    private SentenceDispatch(ObjectTypeNode node, Route route, boolean tokens, Ordered order) {
        super(node.getObjectSinkPropagator());
        this.route = route;
        this.tokens = tokens;
        this.hashed = order.hashed();
        this.hashedFields = order.fields();
        this.fieldOf = order.fieldOf();
    }

    /**
     * The nodes under a type node in Drools' order of propagation, and for each the hashed field that
     * picks it (-1: none; {@code fieldOf}); {@code hashed} is null when no test is hashed.
     */
    private record Ordered(List<? extends ObjectSink> sinks, Map<HashKey, AlphaNode> hashed, FieldIndex[] fields, int[] fieldOf) {
    }

    /**
     * The nodes of {@code propagator} in the order of {@code CompositeObjectSinkAdapter.propagateAssertObject}:
     * the hashed tests field by field, then the rest as {@link #sinksInOrder} lists them; null when a
     * range index picks some, or a hashed test is on a field that is not hashed.
     */
    private static Ordered ordered(ObjectSinkPropagator propagator) {
        if (!(propagator instanceof CompositeObjectSinkAdapter composite)
                || composite.getHashedSinkMap() == null || composite.getHashedSinkMap().isEmpty()) {
            List<? extends ObjectSink> sinks = sinksInOrder(propagator);
            return sinks == null ? null : new Ordered(sinks, null, new FieldIndex[0], noFields(sinks.size()));
        }
        if ((composite.getRangeIndexMap() != null && !composite.getRangeIndexMap().isEmpty()) || composite.getHashedFieldIndexes() == null) {
            return null;
        }
        List<FieldIndex> fields = composite.getHashedFieldIndexes().stream().filter(FieldIndex::isHashed).toList();
        List<ObjectSink> sinks = new ArrayList<>();
        List<Integer> fieldOf = new ArrayList<>();
        int placed = 0;
        for (int f = 0; f < fields.size(); f++) {
            for (Map.Entry<HashKey, AlphaNode> entry : composite.getHashedSinkMap().entrySet()) {
                if (entry.getKey().getIndex() == fields.get(f).getIndex()) {
                    sinks.add(entry.getValue());
                    fieldOf.add(f);
                    placed++;
                }
            }
        }
        if (placed != composite.getHashedSinkMap().size()) {
            return null;
        }
        for (List<? extends ObjectSink> rest : List.of(listed(composite.getHashableSinks()),
                listed(composite.getRangeIndexableSinks()), listed(composite.getOthers()))) {
            sinks.addAll(rest);
            rest.forEach(sink -> fieldOf.add(-1));
        }
        return new Ordered(sinks, composite.getHashedSinkMap(), fields.toArray(FieldIndex[]::new),
                fieldOf.stream().mapToInt(Integer::intValue).toArray());
    }

    private static int[] noFields(int places) {
        int[] none = new int[places];
        Arrays.fill(none, -1);
        return none;
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
                Ordered order = ordered(node.getObjectSinkPropagator());
                if (order != null) {
                    List<Target> targets = order.sinks().stream().map(sink -> new Target(null, sink, mask(scope, sink))).toList();
                    boolean tokens = type.getClassType() == Token.class;
                    node.setObjectSinkPropagator(new SentenceDispatch(node, new Route(targets, scope.ruleCount()), tokens, order));
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
        int sentence = slot.document == null ? -1
                : tokens ? ((Token) handle.getObject()).getSentence() : ((Sentence) handle.getObject()).getIndex();
        long[] sees = slot.document == null ? null
                : tokens ? slot.document.tokensSeen(sentence) : slot.document.sentencesSeen(sentence);
        if (sees == null) {
            plain.propagateAssertObject(handle, context, evaluator);
            return;
        }
        int[] places = slot.places(route.targets.length);
        int[] seen = tokens ? slot.document.tokenWordsSeen(sentence) : RuleScope.nonZero(sees);
        int count = route.select(sees, seen, places, slot.marks(route.targets.length));
        int field = -1;
        AlphaNode picked = null;
        for (int i = 0; i < count; i++) {
            int place = places[i];
            ObjectSink sink = route.targets[place].sink;
            int of = fieldOf[place];
            if (of < 0) {
                sink.assertObject(handle, context, evaluator);
                continue;
            }
            // as Drools does: the node the fact's value hashes to goes on to the nodes below, no test run
            if (of != field) {
                field = of;
                picked = hashed.get(new HashKey(hashedFields[of], handle.getObject()));
            }
            if (picked == sink) {
                picked.getObjectSinkPropagator().propagateAssertObject(handle, context, evaluator);
            }
        }
    }
}
