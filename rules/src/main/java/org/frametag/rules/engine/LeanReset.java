package org.frametag.rules.engine;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drools.core.common.BaseNode;
import org.drools.core.common.ConcurrentNodeMemories;
import org.drools.core.common.Memory;
import org.drools.core.common.MemoryFactory;
import org.drools.core.common.NodeMemories;
import org.drools.core.common.ReteEvaluator;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.BetaMemory;
import org.drools.core.reteoo.LeftTupleSource;
import org.drools.core.reteoo.ObjectSource;
import org.drools.core.reteoo.RightInputAdapterNode;
import org.drools.core.reteoo.SegmentMemory;
import org.drools.core.reteoo.SegmentMemory.SegmentPrototype;
import org.drools.core.reteoo.TupleMemory;
import org.drools.core.util.AbstractHashTable;
import org.drools.core.util.index.TupleList;
import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.kie.api.definition.rule.Rule;
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
 *
 * <p>Most documents reach the nodes of a few rules. Each memory the network asks for is noted, and
 * when no node's memory serves more than one rule ({@link RuleBases#configuration}), the reset after
 * a document visits only the memories of the rules whose nodes it asked for, and of those the
 * document before asked for (Drools' reset of a rule's paths can leave them linked differently the
 * first time than the next): a document changes no other memory, since tuples only flow down a
 * rule's own nodes. The first reset walks every memory as above.
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
    /** The memories by id as the session's array held them when met, null where none was met yet. */
    private Memory[] met = new Memory[0];
    /** The segment of each memory by memory id, as last met. */
    private Segment[] segmentOf = new Segment[0];
    /**
     * The segments of the last reset as listed ({@link #lastCount} of them), and in the order Drools'
     * own reset takes them: buffers that only grow, as a new set of arrays per document was a
     * twentieth of what a batch allocated.
     */
    private Segment[] lastListed = new Segment[0];
    private Segment[] inDroolsOrder = new Segment[0];
    private int lastCount = -1;
    /**
     * Every segment ranked in Drools' order for a set of mask {@link #rankMask}, by rank: a reset
     * orders its segments by marking their ranks in {@link #rankBits} and reading the marks back in
     * order, instead of sorting them (the sort was 2% of a batch). Ranked again only when a segment
     * is new, its least id falls or the set's size changes its mask, which a batch soon stops doing.
     */
    private Segment[] byRank = new Segment[0];
    private long[] rankBits = new long[0];
    private int rankMask = -1;
    private int rankings;
    private boolean ranksStale = true;
    private int lastSetSize;
    private int resets;

    /**
     * Per memory id, the ids of every memory of the rule its node serves, in ascending order; null
     * for all when some node serves more than one rule, and null for an id no rule's node has.
     */
    private final int[][] reach;
    /** Per memory id, whether the network asked for it since the last reset; and those ids, in turn. */
    private boolean[] asked;
    private int[] askedIds;
    private int askedCount;
    /** The ids asked for before the last reset: a rule's memories can change once more in the reset after the one that cleared them. */
    private int[] askedBefore;
    private int askedBeforeCount;
    /** Whether a memory outside {@link #reach} was asked for since the last reset. */
    private boolean walkAll = true;
    /** Per memory id, the last reset that listed it, and the last that listed it for a rule asked for in that reset's document. */
    private int[] listedAt;
    private int[] askedAt;
    private int[] toReset;
    /** Per memory id, whether it had no segment when last reset; and how many such. */
    private boolean[] withoutSegment;
    private int withoutSegmentCount;
    /** How many memories the last reset visited. */
    private int lastVisited;

    /** A segment, its prototype and the last reset that listed it. */
    private static final class Segment {
        private final SegmentMemory memory;
        private final SegmentPrototype prototype;
        /** {@code SegmentMemory.hashCode}: its root node's id, which never changes. */
        private final int hash;
        private int listedAt = -1;
        /** The least id of its memories met: Drools' reset adds it to its set there. */
        private int firstId = Integer.MAX_VALUE;
        /** Its place in Drools' order in ranking {@link #rankedIn} ({@link #byRank}). */
        private int rank;
        private int rankedIn = -1;

        private Segment(SegmentMemory memory, SegmentPrototype prototype) {
            this.memory = memory;
            this.prototype = prototype;
            this.hash = memory.hashCode();
        }
    }

    private LeanReset(InternalRuleBase ruleBase, ReteEvaluator session) {
        super(ruleBase, session);
        this.ruleBase = ruleBase;
        this.reach = reach(ruleBase);
        int ids = reach == null ? 0 : reach.length;
        this.asked = new boolean[ids];
        this.askedIds = new int[ids];
        this.askedBefore = new int[ids];
        this.withoutSegment = new boolean[ids];
        this.listedAt = new int[ids];
        this.askedAt = new int[ids];
        this.toReset = new int[ids];
    }

    /** {@link #reach} for the network of {@code ruleBase}: its nodes with memories, found from the type nodes down. */
    private static int[][] reach(InternalRuleBase ruleBase) {
        Map<Rule, List<Integer>> byRule = new HashMap<>();
        Map<Integer, Rule> ruleOf = new HashMap<>();
        List<BaseNode> toVisit = new ArrayList<>(ruleBase.getRete().getObjectTypeNodes());
        Set<Integer> seen = new HashSet<>();
        int ids = ruleBase.getMemoryCount();
        while (!toVisit.isEmpty()) {
            BaseNode node = toVisit.remove(toVisit.size() - 1);
            if (!seen.add(node.getId())) {
                continue;
            }
            if (node instanceof MemoryFactory<?> memory) {
                Rule[] rules = node.getAssociatedRules();
                if (rules.length != 1 || memory.getMemoryId() >= ids) {
                    return null;
                }
                byRule.computeIfAbsent(rules[0], r -> new ArrayList<>()).add(memory.getMemoryId());
                ruleOf.put(memory.getMemoryId(), rules[0]);
            }
            if (node instanceof ObjectSource source) {
                for (Object sink : source.getObjectSinkPropagator().getSinks()) {
                    toVisit.add((BaseNode) sink);
                }
            }
            if (node instanceof LeftTupleSource source) {
                for (Object sink : source.getSinkPropagator().getSinks()) {
                    toVisit.add((BaseNode) sink);
                }
            }
            if (node instanceof RightInputAdapterNode<?> right) {
                toVisit.add(right.getBetaNode());
            }
        }
        Map<Rule, int[]> sorted = new HashMap<>();
        byRule.forEach((rule, memories) -> sorted.put(rule, memories.stream().mapToInt(Integer::intValue).sorted().toArray()));
        int[][] reach = new int[ids][];
        ruleOf.forEach((id, rule) -> reach[id] = sorted.get(rule));
        return reach;
    }

    @Override
    public Memory getNodeMemory(MemoryFactory node) {
        if (reach == null) {
            return super.getNodeMemory(node);
        }
        int id = node.getMemoryId();
        if (id >= asked.length || reach[id] == null) {
            walkAll = true;
        } else if (!asked[id]) {
            asked[id] = true;
            askedIds[askedCount++] = id;
        }
        Memory memory = memory(id);
        return memory != null ? memory : super.getNodeMemory(node);
    }

    /**
     * The memory of {@code id}, or null when it has none yet: read from {@link #met}, filled from the
     * session's array of memories, whose atomic reads cost a checked cast each on the quick compiler.
     */
    private Memory memory(int id) {
        Memory memory = id < met.length ? met[id] : null;
        if (memory == null) {
            memory = peekNodeMemory(id);
            if (memory != null) {
                if (id >= met.length) {
                    met = Arrays.copyOf(met, Math.max(length(), id + 1));
                }
                met[id] = memory;
            }
        }
        return memory;
    }

    @Override
    public void clearNodeMemory(MemoryFactory node) {
        if (node.getMemoryId() < met.length) {
            met[node.getMemoryId()] = null;
        }
        super.clearNodeMemory(node);
    }

    @Override
    public void clear() {
        met = new Memory[0];
        super.clear();
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
        int reset = ++resets;
        if (walkAll) {
            resetEvery(reset);
        } else {
            resetAsked(reset);
        }
        for (int i = 0; i < askedCount; i++) {
            asked[askedIds[i]] = false;
        }
        int[] before = askedBefore;
        askedBefore = askedIds;
        askedBeforeCount = askedCount;
        askedIds = before;
        askedCount = 0;
        walkAll = reach == null;
    }

    /** How many memories the last reset visited, of {@link #length()} (for tests in this package). */
    int lastVisited() {
        return lastVisited;
    }

    /** Resets every memory and its segment, as Drools does. */
    private void resetEvery(int reset) {
        int length = length();
        boolean hadNull = false;
        for (int id = 0; id < length; id++) {
            Memory memory = memory(id);
            if (memory != null) {
                hadNull |= resetMemory(id, memory, reset);
            }
        }
        if (known.size() != segments.size()) {
            Map<SegmentMemory, Segment> listed = new IdentityHashMap<>();
            segments.forEach(segment -> listed.put(segment.memory, segment));
            known.keySet().retainAll(listed.keySet());
        }
        lastVisited = length;
        resetSegments(segments.size() + (hadNull ? 1 : 0));
    }

    /**
     * Resets the memories of the rules whose nodes the network asked for, and their segments. Drools'
     * reset would list every segment met so far: a memory is created only when it is asked for, so
     * every memory, and the segment it gets, is met in the reset after it appears.
     */
    private void resetAsked(int reset) {
        int count = list(askedIds, askedCount, reset, 0);
        for (int i = 0; i < count; i++) {
            askedAt[toReset[i]] = reset;
        }
        count = list(askedBefore, askedBeforeCount, reset, count);
        for (int i = 0; i < count; i++) {
            int id = toReset[i];
            Memory memory = memory(id);
            if (memory == null) {
                continue;
            }
            if (askedAt[id] == reset || !(memory instanceof BetaMemory<?> beta) || beta.getClass() != BetaMemory.class) {
                resetMemory(id, memory, reset);
            } else {
                // a join of a rule the document did not reach holds what the reset before left in it: only its segment is reset again
                listSegment(id, memory, reset);
            }
        }
        resetSegments(known.size() + (withoutSegmentCount > 0 ? 1 : 0));
        lastVisited = count;
    }

    /** Adds to {@link #toReset}, after its first {@code count}, the memories of the rules of {@code ids} not listed yet; the new count. */
    private int list(int[] ids, int idCount, int reset, int count) {
        for (int i = 0; i < idCount; i++) {
            for (int id : reach[ids[i]]) {
                if (listedAt[id] != reset) {
                    listedAt[id] = reset;
                    toReset[count++] = id;
                }
            }
        }
        return count;
    }

    /** Resets one memory and lists its segment; true when it has none. */
    private boolean resetMemory(int id, Memory memory, int reset) {
        if (memory instanceof BetaMemory<?> beta && beta.getClass() == BetaMemory.class) {
            resetJoin(beta);
        } else {
            memory.reset();
        }
        return listSegment(id, memory, reset);
    }

    /** Lists the segment of a memory for the reset; true when it has none. */
    private boolean listSegment(int id, Memory memory, int reset) {
        SegmentMemory segmentMemory = memory.getSegmentMemory();
        if (id < withoutSegment.length && withoutSegment[id] != (segmentMemory == null)) {
            withoutSegment[id] = segmentMemory == null;
            withoutSegmentCount += segmentMemory == null ? 1 : -1;
        }
        if (segmentMemory == null) {
            return true;
        }
        Segment segment = segmentOf(id, segmentMemory);
        if (id < segment.firstId) {
            segment.firstId = id;
            ranksStale = true;
        }
        if (segment.listedAt != reset) {
            segment.listedAt = reset;
            segments.add(segment);
        }
        return false;
    }

    /**
     * Resets the listed segments. Linking a segment again can mark the segments of the paths it
     * completes, so they are reset in the order Drools' own reset takes them, and end in the state
     * it leaves; that order depends on how many segments its set holds ({@code setSize}).
     */
    private void resetSegments(int setSize) {
        Segment[] ordered = droolsOrder(setSize);
        for (int i = 0, count = segments.size(); i < count; i++) {
            Segment segment = ordered[i];
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
     * ({@code SegmentMemory.hashCode} is its root node's id), and in a bucket by first addition, at
     * the least id of the segment's memories;
     * a set of {@code setSize} holds the listed ones and maybe others. Worked out again only when
     * the listing changes; the first {@code segments.size()} of the array returned are the order.
     */
    private Segment[] droolsOrder(int setSize) {
        int size = segments.size();
        boolean same = setSize == lastSetSize && size == lastCount;
        for (int i = 0; same && i < size; i++) {
            same = segments.get(i) == lastListed[i];
        }
        if (same) {
            return inDroolsOrder;
        }
        int capacity = 16;
        while (setSize > capacity * 3 / 4) {
            capacity <<= 1;
        }
        int mask = capacity - 1;
        if (lastListed.length < size) {
            int length = Math.max(size, lastListed.length * 2);
            lastListed = new Segment[length];
            inDroolsOrder = new Segment[length];
        }
        segments.toArray(lastListed);   // one copy of the list's array: a get per segment costs calls on the quick compiler
        lastCount = size;
        lastSetSize = setSize;
        if (ranksStale || mask != rankMask) {
            rank(mask, size);
        }
        if (!mark(size)) {   // a segment no longer among the known ones: ranked again with them
            Arrays.fill(rankBits, 0L);
            rank(mask, size);
            mark(size);
        }
        return droolsOrder(lastListed, size);
    }

    /** Marks the ranks of the first {@code size} listed in {@link #rankBits}; false when one has no rank in the last ranking. */
    private boolean mark(int size) {
        long[] bits = rankBits;
        int ranking = rankings;
        for (int i = 0; i < size; i++) {
            Segment segment = lastListed[i];
            if (segment.rankedIn != ranking) {
                return false;
            }
            bits[segment.rank >>> 6] |= 1L << segment.rank;
        }
        return true;
    }

    /** The first {@code size} of {@code listed}, whose ranks are marked in {@link #rankBits}, in the order of their ranks; clears the marks. */
    private Segment[] droolsOrder(Segment[] listed, int size) {
        long[] bits = rankBits;
        int out = 0;
        for (int word = 0; out < size; word++) {
            long marks = bits[word];
            if (marks == 0L) {
                continue;
            }
            bits[word] = 0L;
            do {
                inDroolsOrder[out++] = byRank[word << 6 | Long.numberOfTrailingZeros(marks)];
                marks &= marks - 1;
            } while (marks != 0L);
        }
        return inDroolsOrder;
    }

    /**
     * Ranks every known segment, and the first {@code size} listed, in the order Drools' reset
     * visits a set of mask {@code mask}: by hash bucket, and in a bucket by least id (no two
     * segments share one, as a memory has one segment).
     */
    private void rank(int mask, int size) {
        int ranking = ++rankings;
        int count = 0;
        Segment[] all = new Segment[known.size() + size];
        for (Segment segment : known.values()) {
            segment.rankedIn = ranking;
            all[count++] = segment;
        }
        for (int i = 0; i < size; i++) {
            Segment segment = lastListed[i];
            if (segment.rankedIn != ranking) {
                segment.rankedIn = ranking;
                all[count++] = segment;
            }
        }
        Arrays.sort(all, 0, count, Comparator.<Segment>comparingInt(segment -> bucket(segment.hash, mask))
                .thenComparingInt(segment -> segment.firstId));
        for (int i = 0; i < count; i++) {
            all[i].rank = i;
        }
        byRank = all;
        if (rankBits.length < (count + 63) >>> 6) {
            rankBits = new long[(count + 63) >>> 6];
        }
        rankMask = mask;
        ranksStale = false;
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
            segment = known.get(memory);
            if (segment == null) {
                segment = new Segment(memory, ruleBase.getSegmentPrototypeRegistry().getSegmentPrototype(memory));
                known.put(memory, segment);
                ranksStale = true;
            }
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
