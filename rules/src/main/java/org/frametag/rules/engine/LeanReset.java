package org.frametag.rules.engine;

import java.lang.reflect.Field;
import java.util.ArrayList;
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
 * does it, in the same order: the memories, then their segments. It holds the same array of
 * memories as the session's own, which Drools' segment builder and network evaluator keep using;
 * the array is only replaced when rules are added to a live rule base, which a compiled pack never
 * is. A session whose memories are not as expected keeps Drools' own reset.
 */
final class LeanReset extends ConcurrentNodeMemories {

    private static final Field SESSION_MEMORIES = field(StatefulKnowledgeSessionImpl.class, "nodeMemories");
    private static final Field MEMORIES = field(ConcurrentNodeMemories.class, "memories");
    /** The length a cleared hash table gets at most ({@code AbstractHashTable.clear}). */
    private static final int CLEARED_TABLE_LENGTH = 16;

    private final InternalRuleBase ruleBase;
    /** The segments of the memories, each once, reset after the memories as Drools does (one list for every reset). */
    private final List<SegmentMemory> segments = new ArrayList<>();
    private final Map<SegmentMemory, Boolean> seen = new IdentityHashMap<>();

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
            SegmentMemory segment = memory.getSegmentMemory();
            if (segment != null && seen.put(segment, Boolean.TRUE) == null) {
                segments.add(segment);
            }
        }
        for (SegmentMemory segment : segments) {
            segment.reset(ruleBase.getSegmentPrototypeRegistry().getSegmentPrototype(segment));
            if (segment.isSegmentLinked()) {
                segment.notifyRuleLinkSegment();
            }
        }
        seen.clear();
        segments.clear();
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
