package org.frametag.rules.engine;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.drools.core.common.ConcurrentNodeMemories;
import org.drools.core.common.Memory;
import org.drools.core.common.MemoryFactory;
import org.drools.core.common.NodeMemories;
import org.drools.core.common.ReteEvaluator;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.BetaMemory;
import org.drools.core.reteoo.SegmentMemory;
import org.drools.core.reteoo.TupleMemory;
import org.drools.core.util.AbstractHashTable;
import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.kie.api.runtime.KieSession;

/**
 * The pooled session's reset after each document, without the work on join memories the document
 * never reached.
 *
 * <p>Drools resets the memory of every node a pooled session has ever used, and clearing an
 * indexed join memory allocates a new table even when it is empty: with a pack of hundreds of
 * rules that was a fifth of a warm pass (issue 13, docs/batch.md), though a document reaches few
 * of those nodes. A join memory that holds nothing and has its first table is left as it is,
 * which is what clearing it would give; every other memory, and every segment, is reset as Drools
 * does it. The memories and their segments are kept in lists of their own, made again when a node
 * gets its first memory or a memory its segment, instead of a walk over every node's slot and a
 * set of segments built anew for each document. A session whose memories are not as expected
 * keeps Drools' own reset.
 */
final class LeanReset extends ConcurrentNodeMemories {

    private static final Field SESSION_MEMORIES = field(StatefulKnowledgeSessionImpl.class, "nodeMemories");
    private static final Field MEMORIES = field(ConcurrentNodeMemories.class, "memories");
    /** The length a cleared hash table gets at most ({@code AbstractHashTable.clear}). */
    private static final int CLEARED_TABLE_LENGTH = 16;

    private final InternalRuleBase ruleBase;
    /** By memory id, whether {@link #memories} holds the memory: a node that gets one first makes the lists stale. */
    private boolean[] tracked = new boolean[0];
    private boolean stale = true;
    private Memory[] memories = new Memory[0];
    /** The segment of each of {@link #memories} when they were listed: a new segment makes {@link #segments} stale. */
    private SegmentMemory[] segmentOf = new SegmentMemory[0];
    private SegmentMemory[] segments = new SegmentMemory[0];
    private SegmentMemory.SegmentPrototype[] prototypes = new SegmentMemory.SegmentPrototype[0];

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
    public Memory getNodeMemory(MemoryFactory node) {
        Memory memory = super.getNodeMemory(node);
        int id = node.getMemoryId();
        if (id >= tracked.length || !tracked[id]) {
            stale = true;
        }
        return memory;
    }

    @Override
    public void clearNodeMemory(MemoryFactory node) {
        super.clearNodeMemory(node);
        stale = true;
    }

    @Override
    public void clear() {
        super.clear();
        stale = true;
    }

    @Override
    public void resetAllMemories() {
        if (stale) {
            trackMemories();
        }
        boolean segmentsMoved = false;
        for (int i = 0; i < memories.length; i++) {
            Memory memory = memories[i];
            if (memory instanceof BetaMemory<?> beta && beta.getClass() == BetaMemory.class) {
                resetJoin(beta);
            } else {
                memory.reset();
            }
            segmentsMoved |= memory.getSegmentMemory() != segmentOf[i];
        }
        if (segmentsMoved) {
            trackSegments();
        }
        for (int i = 0; i < segments.length; i++) {
            SegmentMemory segment = segments[i];
            segment.reset(prototypes[i]);
            if (segment.isSegmentLinked()) {
                segment.notifyRuleLinkSegment();
            }
        }
    }

    /** The memories the session has now, in the order of their ids, as Drools resets them. */
    private void trackMemories() {
        int length = length();
        List<Memory> found = new ArrayList<>();
        tracked = new boolean[length];
        for (int id = 0; id < length; id++) {
            Memory memory = peekNodeMemory(id);
            if (memory != null) {
                found.add(memory);
                tracked[id] = true;
            }
        }
        memories = found.toArray(new Memory[0]);
        stale = false;
        trackSegments();
    }

    private void trackSegments() {
        segmentOf = new SegmentMemory[memories.length];
        Set<SegmentMemory> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < memories.length; i++) {
            segmentOf[i] = memories[i].getSegmentMemory();
            if (segmentOf[i] != null) {
                distinct.add(segmentOf[i]);
            }
        }
        segments = distinct.toArray(new SegmentMemory[0]);
        prototypes = new SegmentMemory.SegmentPrototype[segments.length];
        for (int i = 0; i < segments.length; i++) {
            prototypes[i] = ruleBase.getSegmentPrototypeRegistry().getSegmentPrototype(segments[i]);
        }
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
        if (tuples instanceof AbstractHashTable table && tuples.size() == 0 && pristine(table)) {
            return;
        }
        tuples.clear();
    }

    private static boolean pristine(AbstractHashTable table) {
        Object[] slots = table.getTable();
        if (slots.length > CLEARED_TABLE_LENGTH) {
            return false;
        }
        for (Object slot : slots) {
            if (slot != null) {
                return false;
            }
        }
        return true;
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
