package org.frametag.rules.engine;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.drools.core.common.ConcurrentNodeMemories;
import org.drools.core.common.Memory;
import org.drools.core.common.NodeMemories;
import org.drools.core.common.ReteEvaluator;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.BetaMemory;
import org.drools.core.reteoo.SegmentMemory;
import org.drools.core.reteoo.SegmentMemory.SegmentPrototype;
import org.drools.core.reteoo.TupleMemory;
import org.drools.core.util.AbstractHashTable;
import org.drools.core.util.index.TupleList;
import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.kie.api.runtime.KieSession;

/**
 * The pooled session's reset after each document, without the work on join memories the document
 * never reached.
 *
 * <p>Drools resets the memory of every node a pooled session has ever used, and clearing an
 * indexed join memory allocates a new table even when it is empty: with a pack of hundreds of
 * rules that was a fifth of a warm pass (issue 13, docs/batch.md), though a document reaches few
 * of those nodes. A join memory that holds no tuples and has its first table is left as it is,
 * which is what clearing it would give, and is told so by its size alone: an indexed memory drops
 * a bucket's list with its last tuple. Every other memory, and every segment, is reset as Drools
 * does it: the memories first, then their segments, each segment once, with its prototype looked
 * up when the segment is first met rather than at every reset. It holds the same
 * array of memories as the session's own, which Drools' segment builder and network evaluator keep
 * using; the array is only replaced when rules are added to a live rule base, which a compiled pack
 * never is. A session whose memories are not as expected keeps Drools' own reset.
 */
final class LeanReset extends ConcurrentNodeMemories {

    private static final Field SESSION_MEMORIES = field(StatefulKnowledgeSessionImpl.class, "nodeMemories");
    private static final Field MEMORIES = field(ConcurrentNodeMemories.class, "memories");
    /** The length a cleared hash table gets at most ({@code AbstractHashTable.clear}). */
    private static final int CLEARED_TABLE_LENGTH = 16;

    private final InternalRuleBase ruleBase;
    /** The segments of the memories, each once, reset after the memories as Drools does (one list for every reset). */
    private final List<Segment> segments = new ArrayList<>();
    /** Every segment met so far, with its prototype, looked up once: segments last as long as the session. */
    private final Map<SegmentMemory, Segment> known = new IdentityHashMap<>();
    /** The segment of each memory by memory id, as last met. */
    private Segment[] segmentOf = new Segment[0];
    /** The segments of the last reset as listed, and in the order Drools' own reset takes them. */
    private Segment[] lastListed = new Segment[0];
    private Segment[] inDroolsOrder = new Segment[0];
    private boolean lastHadNull;
    private int resets;

    /** A segment, its prototype and the last reset that listed it. */
    private static final class Segment {
        private final SegmentMemory memory;
        private final SegmentPrototype prototype;
        private int listedAt = -1;

        private Segment(SegmentMemory memory, SegmentPrototype prototype) {
            this.memory = memory;
            this.prototype = prototype;
        }
    }

    private LeanReset(InternalRuleBase ruleBase, ReteEvaluator session) {
        super(ruleBase, session);
        this.ruleBase = ruleBase;
    }

    /** Gives {@code session} the lean reset, once; false when it keeps Drools' own. */
    static boolean install(KieSession session) {
        if (SESSION_MEMORIES == null || MEMORIES == null || !(session instanceof StatefulKnowledgeSessionImpl impl)) {
            return false;
        }
        NodeMemories current = impl.getNodeMemories();
        if (current instanceof LeanReset) {
            return true;
        }
        if (current.getClass() != ConcurrentNodeMemories.class) {
            return false;
        }
        try {
            LeanReset lean = new LeanReset(impl.getKnowledgeBase(), impl);
            MEMORIES.set(lean, MEMORIES.get(current));
            SESSION_MEMORIES.set(impl, lean);
            return true;
        } catch (IllegalAccessException e) {
            return false;
        }
    }

    @Override
    public void resetAllMemories() {
        int length = length();
        int reset = ++resets;
        boolean hadNull = false;
        for (int id = 0; id < length; id++) {
            Memory memory = peekNodeMemory(id);
            if (memory == null) {
                continue;
            }
            if (memory instanceof BetaMemory<?> beta && beta.getClass() == BetaMemory.class) {
                resetJoin(beta);
            } else {
                memory.reset();
            }
            SegmentMemory segmentMemory = memory.getSegmentMemory();
            if (segmentMemory == null) {
                hadNull = true;
                continue;
            }
            Segment segment = segmentOf(id, segmentMemory);
            if (segment.listedAt != reset) {
                segment.listedAt = reset;
                segments.add(segment);
            }
        }
        // Linking a segment again can mark the segments of the paths it completes, so the segments
        // are reset in the order Drools' own reset takes them, and end in the state it leaves.
        for (Segment segment : droolsOrder(hadNull)) {
            segment.memory.reset(segment.prototype);
            if (segment.memory.isSegmentLinked()) {
                segment.memory.notifyRuleLinkSegment();
            }
        }
        segments.clear();
    }

    /**
     * The listed segments in the order Drools' reset visits them: it adds every memory's segment
     * (null included) to a {@code HashSet} in memory order and walks the set, that is by hash bucket
     * ({@code SegmentMemory.hashCode} is its root node's id), and in a bucket by first addition.
     * Worked out again only when the listing changes.
     */
    private Segment[] droolsOrder(boolean hadNull) {
        int size = segments.size();
        boolean same = hadNull == lastHadNull && size == lastListed.length;
        for (int i = 0; same && i < size; i++) {
            same = segments.get(i) == lastListed[i];
        }
        if (same) {
            return inDroolsOrder;
        }
        int capacity = 16;
        while (size + (hadNull ? 1 : 0) > capacity * 3 / 4) {
            capacity <<= 1;
        }
        int mask = capacity - 1;
        lastListed = segments.toArray(new Segment[0]);
        lastHadNull = hadNull;
        inDroolsOrder = lastListed.clone();
        Arrays.sort(inDroolsOrder, Comparator.comparingInt(segment -> bucket(segment.memory.hashCode(), mask)));
        return inDroolsOrder;
    }

    /** {@code HashMap}'s bucket for a hash code. */
    private static int bucket(int hash, int mask) {
        return (hash ^ (hash >>> 16)) & mask;
    }

    private Segment segmentOf(int id, SegmentMemory memory) {
        if (id >= segmentOf.length) {
            segmentOf = Arrays.copyOf(segmentOf, Math.max(length(), id + 1));
        }
        Segment segment = segmentOf[id];
        if (segment == null || segment.memory != memory) {
            segment = known.computeIfAbsent(memory, m -> new Segment(m, ruleBase.getSegmentPrototypeRegistry().getSegmentPrototype(m)));
            segmentOf[id] = segment;
        }
        return segment;
    }

    /** What {@code BetaMemory.reset} does, without clearing a tuple memory that is already clear. */
    private static void resetJoin(BetaMemory<?> beta) {
        clear(beta.getLeftTupleMemory());
        clear(beta.getRightTupleMemory());
        beta.getStagedRightTuples().resetAll();
        beta.setCounter(0);
    }

    private static void clear(TupleMemory tuples) {
        if (tuples == null) {
            return;
        }
        // an indexed memory unlinks a bucket's list when its last tuple leaves, so one with no tuples
        // holds no lists; only a table grown past its first length needs clearing to shrink it again
        if (tuples.size() == 0 && (tuples instanceof TupleList
                || tuples instanceof AbstractHashTable table && table.getTable().length <= CLEARED_TABLE_LENGTH)) {
            return;
        }
        tuples.clear();
    }

    private static Field field(Class<?> type, String name) {
        try {
            Field field = type.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
