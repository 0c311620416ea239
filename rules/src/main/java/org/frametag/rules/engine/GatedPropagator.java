package org.frametag.rules.engine;

import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.drools.core.common.BaseNode;
import org.drools.core.common.InternalFactHandle;
import org.drools.core.common.PropagationContext;
import org.drools.core.common.ReteEvaluator;
import org.drools.core.reteoo.CompositeObjectSinkAdapter;
import org.drools.core.reteoo.ModifyPreviousTuples;
import org.drools.core.reteoo.ObjectSink;
import org.drools.core.reteoo.ObjectSinkPropagator;
import org.drools.core.reteoo.SingleObjectSinkAdapter;

/**
 * What the dispatches under a type node share: they decide where an inserted fact goes and leave
 * everything else, the network included, to the propagator Drools built, which is what they are
 * serialized as.
 */
abstract class GatedPropagator implements ObjectSinkPropagator {

    private static final long serialVersionUID = 1L;

    /** The propagator Drools built. */
    final ObjectSinkPropagator plain;

    GatedPropagator(ObjectSinkPropagator plain) {
        this.plain = plain;
    }

    /**
     * A node a fact may go to, with the mask ({@link RuleScope#mask}) of the rules it serves, null
     * when the pack is not scoped. Most nodes serve rules of one word of the mask ({@code word},
     * {@code bits}), which one read of the document's mask decides.
     */
    static final class Target {
        final ObjectSinkPropagator below;
        final ObjectSink sink;
        final long[] rules;
        final int word;
        final long bits;

        Target(ObjectSinkPropagator below, ObjectSink sink, long[] rules) {
            this.below = below;
            this.sink = sink;
            this.rules = rules;
            int single = -1;
            for (int i = 0; rules != null && i < rules.length; i++) {
                if (rules[i] != 0) {
                    single = single == -1 ? i : -2;
                }
            }
            this.word = single;
            this.bits = single >= 0 ? rules[single] : 0;
        }

        /** Whether a rule of this node can use a fact the document's rules of {@code sees} can use. */
        boolean seen(long[] sees) {
            if (word >= 0) {
                return (sees[word] & bits) != 0;
            }
            return rules == null || RuleScope.intersects(rules, sees);
        }
    }

    /**
     * Nodes in Drools' order of propagation, picked for a document's mask of rules by the rules it
     * holds rather than by testing each node: a fact of a concept that hundreds of rules name goes
     * to the few of them a document can match, and the time it takes grows with those few.
     */
    static final class Route {
        final Target[] targets;
        /** The rules of the nodes that serve one rule each, and per rule the places of its nodes. */
        private final long[] ruled;
        private final int[][] byRule;
        /** The places of the nodes that serve more or fewer rules, each tested on its own. */
        private final int[] shared;
        /**
         * The rules of all the nodes, and of the shared ones, null when a node has no mask: a fact
         * that a document's rules cannot take from any node is known by one test of the masks
         * rather than one per node.
         */
        private final long[] all;
        private final long[] sharedRules;

        Route(List<Target> targets, int ruleCount) {
            this.targets = targets.toArray(Target[]::new);
            this.ruled = new long[(ruleCount + 63) >>> 6];
            List<List<Integer>> byRule = new ArrayList<>();
            List<Integer> shared = new ArrayList<>();
            for (int place = 0; place < this.targets.length; place++) {
                Target target = this.targets[place];
                if (target.word >= 0 && Long.bitCount(target.bits) == 1 && target.word < ruled.length) {
                    int rule = (target.word << 6) + Long.numberOfTrailingZeros(target.bits);
                    ruled[target.word] |= target.bits;
                    while (byRule.size() <= rule) {
                        byRule.add(null);
                    }
                    if (byRule.get(rule) == null) {
                        byRule.set(rule, new ArrayList<>());
                    }
                    byRule.get(rule).add(place);
                } else {
                    shared.add(place);
                }
            }
            this.byRule = byRule.stream().map(p -> p == null ? null : p.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
            this.shared = shared.stream().mapToInt(Integer::intValue).toArray();
            this.sharedRules = union(this.shared);
            this.all = union(IntStream.range(0, this.targets.length).toArray());
        }

        /** The union of the masks of the nodes at {@code places}, null when one of them has none. */
        private long[] union(int[] places) {
            long[] union = new long[0];
            for (int place : places) {
                long[] rules = targets[place].rules;
                if (rules == null) {
                    return null;
                }
                if (union.length < rules.length) {
                    union = Arrays.copyOf(union, rules.length);
                }
                for (int i = 0; i < rules.length; i++) {
                    union[i] |= rules[i];
                }
            }
            return union;
        }

        /**
         * Writes into {@code places} (at least as long as {@link #targets}), in Drools' order, the
         * places of the nodes a rule of {@code sees} can use a fact from; returns how many.
         * {@code marks} holds a bit per place, all clear, and is left so. Only the words of {@code sees}
         * that hold a bit are read: a sentence's rules lie in a few words, where a common concept's
         * nodes span nearly all of them.
         */
        int select(long[] sees, int[] places, long[] marks) {
            return select(sees, RuleScope.nonZero(sees), places, marks);
        }

        /** {@link #select(long[], int[], long[])}, where {@code seen} are the words of {@code sees} that hold a bit. */
        int select(long[] sees, int[] seen, int[] places, long[] marks) {
            for (int word : seen) {
                if (word >= ruled.length) {
                    continue;
                }
                for (long rules = sees[word] & ruled[word]; rules != 0; rules &= rules - 1) {
                    for (int place : byRule[(word << 6) + Long.numberOfTrailingZeros(rules)]) {
                        marks[place >>> 6] |= 1L << place;
                    }
                }
            }
            if (sharedRules == null || meets(sharedRules, sees, seen)) {
                for (int place : shared) {
                    if (targets[place].seen(sees)) {
                        marks[place >>> 6] |= 1L << place;
                    }
                }
            }
            int count = 0;
            for (int word = 0, words = (targets.length + 63) >>> 6; word < words; word++) {
                for (long marked = marks[word]; marked != 0; marked &= marked - 1) {
                    places[count++] = (word << 6) + Long.numberOfTrailingZeros(marked);
                }
                marks[word] = 0;
            }
            return count;
        }

        /**
         * Whether a rule of {@code sees} can use a fact from any of the nodes; {@code seen} are the
         * words of {@code sees} that hold a bit ({@link RuleScope#nonZero}), a few where the union of
         * a common concept's nodes spans nearly every word.
         */
        boolean any(long[] sees, int[] seen) {
            return all == null || meets(all, sees, seen);
        }

        /** Whether {@code mask} shares a bit with {@code sees}, testing only {@code seen}, the words of {@code sees} that hold one. */
        private static boolean meets(long[] mask, long[] sees, int[] seen) {
            for (int word : seen) {
                if (word < mask.length && (mask[word] & sees[word]) != 0) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The mask of the rules {@code node} serves, or null when there is no scope. */
    static long[] mask(RuleScope scope, Object node) {
        if (scope == null) {
            return null;
        }
        return node instanceof BaseNode base ? scope.mask(base.getAssociatedRules())
                : scope.mask(new org.kie.api.definition.rule.Rule[] {null});
    }

    /**
     * The nodes {@code propagator} sends every fact to, in its order, each to run its own test;
     * null when it picks some by a hash or range index.
     */
    static List<? extends ObjectSink> sinksInOrder(ObjectSinkPropagator propagator) {
        if (propagator instanceof SingleObjectSinkAdapter single) {
            return List.of(single.getSinks());
        }
        if (propagator instanceof CompositeObjectSinkAdapter composite
                && (composite.getHashedSinkMap() == null || composite.getHashedSinkMap().isEmpty())
                && (composite.getRangeIndexMap() == null || composite.getRangeIndexMap().isEmpty())) {
            List<ObjectSink> sinks = new ArrayList<>();
            sinks.addAll(listed(composite.getHashableSinks()));
            sinks.addAll(listed(composite.getRangeIndexableSinks()));
            sinks.addAll(listed(composite.getOthers()));
            return sinks;
        }
        return null;
    }

    static List<? extends ObjectSink> listed(List<? extends ObjectSink> sinks) {
        return sinks == null ? List.of() : sinks;
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

    /** Never reached: {@link #writeReplace} writes the propagator this one wraps instead. */
    @Override
    public void writeExternal(ObjectOutput out) throws IOException {
        plain.writeExternal(out);
    }

    /** Never reached: what is read back is the propagator this one wrapped. */
    @Override
    public void readExternal(ObjectInput in) throws IOException, ClassNotFoundException {
        plain.readExternal(in);
    }

    protected Object writeReplace() {
        return plain;
    }
}
