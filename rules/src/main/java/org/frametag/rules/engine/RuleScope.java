package org.frametag.rules.engine;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.Accumulate;
import org.drools.base.rule.Declaration;
import org.drools.base.rule.EvalCondition;
import org.drools.base.rule.From;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.RuleConditionElement;
import org.drools.base.rule.constraint.Constraint;
import org.drools.mvel.MVELConstraint;
import org.frametag.rules.facts.Mention;
import org.frametag.rules.facts.Sentence;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;

/**
 * Which rules of a pack can match in a document, decided from the compiled conditions alone, and
 * which sentences and mentions those rules can see: what lets the classifier leave a document
 * without a session, a sentence without its fact, and a mention out of the joins of rules that
 * cannot match (issue 13, docs/batch.md).
 *
 * <p>A rule is read from the conditions Drools compiled. Its patterns are joined into groups that
 * must lie in one sentence: a pattern with {@code sentence == $x.index} or {@code sentence ==
 * $x.sentence} (on {@code Sentence}, {@code index == $x.sentence}) is in the group of the pattern
 * {@code $x} is bound to. A {@link Mention} pattern that must match for the rule to fire (it stands
 * in the rule's conditions, or in an {@code exists}, not under {@code not}, {@code or}, an
 * accumulation or a {@code from}) needs a mention of one of the concepts its concept tests name
 * (any concept when it has none) in its group's sentence. A group whose needs no sentence of the
 * document meets is a rule that cannot match there. A rule whose conditions hold anything this
 * reading does not know (another kind of condition, a pattern on a supertype of the facts) is
 * taken to match anywhere and to see everything.
 *
 * <p>All of it only ever leaves out facts that no match of any rule could use: the needs are
 * necessary conditions of a match, never sufficient ones, and the consequences of the rules in the
 * bundled pack insert no {@code Mention} or {@code Sentence} (a pack whose consequences might, see
 * {@link #of}, is not scoped at all).
 */
final class RuleScope {

    private static final Pattern SENTENCE_LINK = Pattern.compile("(sentence|index)\\s*==\\s*(\\$[A-Za-z_][A-Za-z0-9_]*)\\.(index|sentence)");
    private static final Pattern LITERAL = Pattern.compile("\"([^\"\\\\]*)\"");
    private static final Pattern CATEGORY_ONLY = Pattern.compile(
            "category\\s*==\\s*\"[^\"\\\\]*\"(\\s*\\|\\|\\s*category\\s*==\\s*\"[^\"\\\\]*\")*");
    private static final Pattern TAG_CALL = Pattern.compile("tagger\\s*\\.\\s*tag\\s*\\(\\s*\\$[A-Za-z_][A-Za-z0-9_]*\\s*,\\s*\"([A-Z0-9_]*)\"");
    /** A consequence that only tags, excludes or drops through the tagger: it inserts no mention or sentence. */
    private static final Pattern TAGGER_ONLY = Pattern.compile(
            "(\\s*tagger\\s*\\.\\s*(tag|exclude|drop)\\s*\\(\\s*\\$[A-Za-z_][A-Za-z0-9_]*\\s*(,\\s*\"[A-Z0-9_]*\"\\s*)?\\)\\s*;)*\\s*");

    /** Line comments a consequence may hold: they say nothing of what it does. */
    private static final Pattern COMMENT = Pattern.compile("//[^\\n]*");

    private static final Pattern AT_LEAST = Pattern.compile("(intValue|longValue)\\s*(>=|>)\\s*(\\d{1,9})");

    /** A concept of a mention no concept test names: it meets only the needs of patterns without one. */
    static final int OTHER = -1;

    /**
     * The concepts one required pattern accepts, as a mask of concept ids; null for any concept. Its
     * words that hold a bit are listed ({@code words}), since most needs name a few concepts and every
     * document tests every rule's needs.
     */
    private record Need(long[] concepts, int[] words) {

        Need(long[] concepts) {
            this(concepts, concepts == null ? null : nonZero(concepts));
        }

        static Need of(int[] ids) {
            long[] mask = new long[(Arrays.stream(ids).max().orElse(0) >>> 6) + 1];
            for (int id : ids) {
                mask[id >>> 6] |= 1L << id;
            }
            return new Need(mask);
        }

        boolean metBy(long[] present, boolean any) {
            return concepts == null ? any : intersects(concepts, words, present);
        }
    }

    /** Whether a mask shares a bit with another at least as long. */
    static boolean intersects(long[] mask, long[] other) {
        for (int i = 0; i < mask.length; i++) {
            if ((mask[i] & other[i]) != 0) {
                return true;
            }
        }
        return false;
    }

    /** {@link #intersects(long[], long[])} testing only {@code words}, the words of {@code mask} that hold a bit ({@link #nonZero}). */
    static boolean intersects(long[] mask, int[] words, long[] other) {
        for (int word : words) {
            if ((mask[word] & other[word]) != 0) {
                return true;
            }
        }
        return false;
    }

    /** What {@link #nonZero} returns for a mask with no bit: one array for all, never written. */
    private static final int[] NONE = new int[0];

    /** The places of the words of {@code mask} that hold a bit, in order. */
    static int[] nonZero(long[] mask) {
        int count = 0;
        for (long word : mask) {
            count += word != 0 ? 1 : 0;
        }
        if (count == 0) {
            return NONE;
        }
        int[] words = new int[count];
        for (int i = 0, k = 0; i < mask.length; i++) {
            if (mask[i] != 0) {
                words[k++] = i;
            }
        }
        return words;
    }

    /**
     * A group of patterns that lie in one sentence, or a pattern of its own.
     *
     * @param linked         whether it holds a sentence link (a pattern of its own with no link may lie anywhere)
     * @param needs          the needs of its required mention patterns
     * @param mentions       whether a mention pattern is in it
     * @param sentences      whether a required sentence pattern is in it
     * @param tokens         whether a token pattern is in it
     */
    private record Group(boolean linked, Need[] needs, boolean mentions, boolean sentences, boolean tokens) {
    }

    /**
     * One rule as this reading sees it.
     *
     * @param open              taken to match anywhere and see every fact
     * @param groups            its groups; a mention pattern in no sentence group sees the mentions of every sentence
     * @param sentencesAnywhere a sentence pattern that is not required: it sees every sentence
     * @param tags              the categories (a mask of {@link #categories} ids) its consequence tags with
     * @param taggedNeeds       per required {@code Tagged} pattern, the categories one of which it needs
     *                          (-1: any): a {@code Tagged} fact is inserted only by a rule that tags
     */
    private record Reading(boolean open, Group[] groups, boolean sentencesAnywhere, long tags, long[] taggedNeeds) {
    }

    /** Per thread, the scope of the document it classifies now, read where its mentions are propagated. */
    private static final ThreadLocal<Slot> SLOT = ThreadLocal.withInitial(() -> new Slot(Thread.currentThread()));

    private final List<Rule> rules;
    /** Each rule's package and name, a line apart, in the order of {@link #readings}. */
    private final List<String> names;
    private final Map<Rule, Integer> index;
    private final Reading[] readings;
    private final Map<String, Integer> concepts;
    /**
     * {@link #concepts} keyed by the strings the term index hands out: a lookup finds its key by
     * identity, where one in {@link #concepts} compared the name's chars with a key read from a rule
     * (a twentieth of a batch's time on the quick compiler). Bounded by the number of names.
     */
    private final Map<String, Integer> conceptsSeen = new ConcurrentHashMap<>();
    private final int words;
    /**
     * Per concept id, the rules whose key need names it; and the rules without a key need. A rule's
     * key need is the need of its conditions that names the fewest concepts: when none of those is in a
     * document, the rule cannot match there, so a document's rules are tested from the concepts it
     * brings instead of each of the pack's hundreds of rules testing every need (some 5% of a batch's
     * time on the quick compiler, docs/batch.md, "Round 45").
     */
    private final int[][] keyedBy;
    private final int[] unkeyed;

    private RuleScope(List<Rule> rules, Reading[] readings, Map<String, Integer> concepts) {
        this(rules, rules.stream().map(r -> r.getPackageName() + "\n" + r.getName()).toList(), readings, concepts);
    }

    private RuleScope(List<Rule> rules, List<String> names, Reading[] readings, Map<String, Integer> concepts) {
        this.rules = rules;
        this.names = names;
        this.readings = readings;
        this.concepts = concepts;
        this.index = new IdentityHashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            index.put(rules.get(i), i);
        }
        this.words = (rules.size() + 63) >>> 6;
        // two plain passes, no boxing: a short run builds this on its critical path, before any JIT
        Need[] keys = new Need[readings.length];
        int[] perConcept = new int[0];
        int without = 0;
        for (int r = 0; r < readings.length; r++) {
            keys[r] = readings[r].open() ? null : keyNeed(readings[r]);
            if (keys[r] == null) {
                without++;
                continue;
            }
            long[] mask = keys[r].concepts();
            if (perConcept.length < mask.length << 6) {
                perConcept = Arrays.copyOf(perConcept, mask.length << 6);
            }
            for (int word = 0; word < mask.length; word++) {
                for (long bits = mask[word]; bits != 0; bits &= bits - 1) {
                    perConcept[(word << 6) + Long.numberOfTrailingZeros(bits)]++;
                }
            }
        }
        this.keyedBy = new int[perConcept.length][];
        for (int c = 0; c < perConcept.length; c++) {
            keyedBy[c] = new int[perConcept[c]];
            perConcept[c] = 0;
        }
        this.unkeyed = new int[without];
        for (int r = 0, u = 0; r < readings.length; r++) {
            if (keys[r] == null) {
                unkeyed[u++] = r;
                continue;
            }
            long[] mask = keys[r].concepts();
            for (int word = 0; word < mask.length; word++) {
                for (long bits = mask[word]; bits != 0; bits &= bits - 1) {
                    int concept = (word << 6) + Long.numberOfTrailingZeros(bits);
                    keyedBy[concept][perConcept[concept]++] = r;
                }
            }
        }
    }

    /** The need of {@code reading} that names the fewest concepts, or null when none names any. */
    private static Need keyNeed(Reading reading) {
        Need key = null;
        int fewest = Integer.MAX_VALUE;
        for (Group g : reading.groups()) {
            for (Need need : g.needs()) {
                if (need.concepts() == null) {
                    continue;
                }
                int count = 0;
                for (long word : need.concepts()) {
                    count += Long.bitCount(word);
                }
                if (count < fewest) {
                    key = need;
                    fewest = count;
                }
            }
        }
        return key;
    }

    /**
     * The scope of {@code kieBase}'s rules, or null when it cannot be decided: a consequence that
     * may insert facts of its own (anything but calls of the tagger), or rules not compiled from
     * MVEL DRL as expected.
     */
    static RuleScope of(KieBase kieBase) {
        List<Rule> rules = new ArrayList<>();
        kieBase.getKiePackages().forEach(p -> rules.addAll(p.getRules()));
        Map<String, Integer> concepts = new HashMap<>();
        Map<String, Integer> categories = new HashMap<>();
        Reading[] readings = new Reading[rules.size()];
        for (int r = 0; r < rules.size(); r++) {
            String consequence = rules.get(r) instanceof RuleImpl rule ? consequence(rule) : null;
            if (consequence != null) {
                consequence = COMMENT.matcher(consequence).replaceAll(" ");
            }
            if (consequence == null || !TAGGER_ONLY.matcher(consequence).matches()) {
                return null;
            }
            readings[r] = read((RuleImpl) rules.get(r), consequence, concepts, categories);
        }
        return new RuleScope(List.copyOf(rules), readings, concepts);
    }

    /**
     * The source of the rule's consequence. Drools keeps an MVEL consequence's source in a private
     * field; when it cannot be read (another Drools version, another dialect), null.
     */
    private static String consequence(RuleImpl rule) {
        if (rule.hasNamedConsequences() || !(rule.getConsequence() instanceof org.drools.mvel.expr.MVELConsequence consequence)) {
            return null;
        }
        try {
            java.lang.reflect.Field unit = org.drools.mvel.expr.MVELConsequence.class.getDeclaredField("unit");
            unit.setAccessible(true);
            Object compilationUnit = unit.get(consequence);
            return compilationUnit instanceof org.drools.mvel.expr.MVELCompilationUnit u ? u.getExpression() : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    int ruleCount() {
        return rules.size();
    }

    /**
     * Writes what this scope read of each rule, by the rule's package and name, so that a rule base
     * compiled otherwise from the same rules ({@link PrecompiledPack}) can be scoped without reading
     * its conditions.
     */
    void writeTo(DataOutput out) throws IOException {
        out.writeInt(concepts.size());
        for (Map.Entry<String, Integer> concept : concepts.entrySet()) {
            out.writeUTF(concept.getKey());
            out.writeInt(concept.getValue());
        }
        out.writeInt(rules.size());
        for (int r = 0; r < rules.size(); r++) {
            out.writeUTF(rules.get(r).getPackageName());
            out.writeUTF(rules.get(r).getName());
            Reading reading = readings[r];
            out.writeBoolean(reading.open());
            out.writeBoolean(reading.sentencesAnywhere());
            out.writeLong(reading.tags());
            writeLongs(out, reading.taggedNeeds());
            out.writeInt(reading.groups().length);
            for (Group group : reading.groups()) {
                out.writeBoolean(group.linked());
                out.writeBoolean(group.mentions());
                out.writeBoolean(group.sentences());
                out.writeBoolean(group.tokens());
                out.writeInt(group.needs().length);
                for (Need need : group.needs()) {
                    out.writeBoolean(need.concepts() != null);
                    if (need.concepts() != null) {
                        writeLongs(out, need.concepts());
                    }
                }
            }
        }
    }

    /**
     * The scope {@link #writeTo} wrote, for the rules of {@code kieBase} of the same packages and
     * names, which may be some of the rules written ({@link PrecompiledPack#entry(Set, RuleScope)}); null when
     * {@code kieBase} holds a rule the scope does not know.
     */
    static RuleScope readFrom(DataInput in, KieBase kieBase) throws IOException {
        return bound(readFrom(in), kieBase);
    }

    /**
     * The part of {@code all}, a scope {@linkplain #readFrom(DataInput) bound to no rule base}, that
     * is of the rules of {@code kieBase}, as {@link #readFrom(DataInput, KieBase)} gives it: a short
     * run binds the scope it already read instead of reading it again; or null as there.
     */
    static RuleScope bound(RuleScope all, KieBase kieBase) {
        List<Rule> rules = new ArrayList<>(all.readings.length);
        List<Reading> readings = new ArrayList<>(all.readings.length);
        for (int r = 0; r < all.readings.length; r++) {
            String[] name = all.names.get(r).split("\n", 2);
            Rule rule = kieBase.getRule(name[0], name[1]);
            if (rule != null) {
                rules.add(rule);
                readings.add(all.readings[r]);
            }
        }
        long inBase = kieBase.getKiePackages().stream().mapToLong(p -> p.getRules().size()).sum();
        if (inBase != rules.size()) {
            return null;
        }
        return new RuleScope(List.copyOf(rules), readings.toArray(Reading[]::new), all.concepts);
    }

    /**
     * The scope {@link #writeTo} wrote, bound to no rule base: what tells the rules a document
     * needs ({@link #needed}) before any rule base is built, and of which a rule base of some of
     * those rules takes its part ({@link #readFrom(DataInput, KieBase)}).
     */
    static RuleScope readFrom(DataInput in) throws IOException {
        int conceptCount = in.readInt();
        Map<String, Integer> concepts = new HashMap<>();
        for (int c = 0; c < conceptCount; c++) {
            concepts.put(in.readUTF(), in.readInt());
        }
        int ruleCount = in.readInt();
        List<String> names = new ArrayList<>(ruleCount);
        Reading[] readings = new Reading[ruleCount];
        for (int r = 0; r < ruleCount; r++) {
            names.add(in.readUTF() + "\n" + in.readUTF());
            boolean open = in.readBoolean();
            boolean sentencesAnywhere = in.readBoolean();
            long tags = in.readLong();
            long[] taggedNeeds = readLongs(in);
            Group[] groups = new Group[in.readInt()];
            for (int g = 0; g < groups.length; g++) {
                boolean linked = in.readBoolean();
                boolean mentions = in.readBoolean();
                boolean sentences = in.readBoolean();
                boolean tokens = in.readBoolean();
                Need[] needs = new Need[in.readInt()];
                for (int n = 0; n < needs.length; n++) {
                    needs[n] = new Need(in.readBoolean() ? readLongs(in) : null);
                }
                groups[g] = new Group(linked, needs, mentions, sentences, tokens);
            }
            readings[r] = new Reading(open, groups, sentencesAnywhere, tags, taggedNeeds);
        }
        return new RuleScope(List.of(), List.copyOf(names), readings, concepts);
    }

    private static void writeLongs(DataOutput out, long[] values) throws IOException {
        out.writeInt(values.length);
        for (long value : values) {
            out.writeLong(value);
        }
    }

    private static long[] readLongs(DataInput in) throws IOException {
        long[] values = new long[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readLong();
        }
        return values;
    }

    /** The rules of the pack, in the order of the masks. */
    List<Rule> rules() {
        return rules;
    }

    /** The mask of {@code associated} rules (rules not of this pack set every bit). */
    long[] mask(Rule[] associated) {
        long[] mask = new long[words];
        for (Rule rule : associated) {
            Integer i = index.get(rule);
            if (i == null) {
                Arrays.fill(mask, -1L);
                return mask;
            }
            mask[i >>> 6] |= 1L << i;
        }
        return mask;
    }

    /** The id of {@code concept} in this scope, or {@link #OTHER}. */
    int concept(String concept) {
        Integer id = recent.get(concept);
        if (id != null) {
            return id;
        }
        id = conceptsSeen.get(concept);
        if (id == null) {
            id = concepts.getOrDefault(concept, OTHER);
            conceptsSeen.put(concept, id);
        }
        recent.put(concept, id);
        return id;
    }

    /** The ids of concepts looked up lately. */
    private final RecentByName<Integer> recent = new RecentByName<>(1 << 12);

    /**
     * What one document's mentions let the rules see.
     *
     * @param mentions the concept ids ({@link #concept}) of each sentence's mentions
     */
    Document document(List<int[]> mentions) {
        int sentences = mentions.size();
        Presence presence = presence(mentions);
        long[][] present = presence.present();
        boolean[] any = presence.any();
        long[][] seesMentions = new long[sentences][words];
        long[][] seesSentences = new long[sentences][words];
        long[][] seesTokens = new long[sentences][words];
        boolean[] matchable = matchable(presence);
        boolean live = false;
        for (int r = 0; r < readings.length; r++) {
            Reading reading = readings[r];
            long bit = 1L << r;
            int word = r >>> 6;
            if (!matchable[r]) {
                continue;
            }
            live = true;
            if (reading.open()) {
                for (int s = 0; s < sentences; s++) {
                    seesMentions[s][word] |= bit;
                    seesSentences[s][word] |= bit;
                    seesTokens[s][word] |= bit;
                }
                continue;
            }
            for (Group g : reading.groups()) {
                if (!g.mentions() && !g.sentences() && !g.tokens()) {
                    continue;
                }
                for (int s = 0; s < sentences; s++) {
                    if (!g.linked() || metAt(g, present[s], any[s])) {
                        if (g.mentions()) {
                            seesMentions[s][word] |= bit;
                        }
                        if (g.tokens()) {
                            seesTokens[s][word] |= bit;
                        }
                        if (g.sentences()) {
                            seesSentences[s][word] |= bit;
                        }
                    }
                }
            }
            if (reading.sentencesAnywhere()) {
                for (int s = 0; s < sentences; s++) {
                    seesSentences[s][word] |= bit;
                }
            }
        }
        int[][] mentionWords = new int[sentences][];
        int[][] tokenWords = new int[sentences][];
        for (int s = 0; s < sentences; s++) {
            mentionWords[s] = nonZero(seesMentions[s]);
            tokenWords[s] = nonZero(seesTokens[s]);
        }
        return new Document(live, seesMentions, mentionWords, seesSentences, seesTokens, tokenWords);
    }

    /**
     * The rules that can match in a document whose mentions are {@code mentions} (as for
     * {@link #document}), by package and name, a line apart: a rule base of these and no others
     * tags it as a rule base of them all does.
     */
    Set<String> needed(List<int[]> mentions) {
        boolean[] matchable = matchable(presence(mentions));
        Set<String> needed = new HashSet<>();
        for (int r = 0; r < matchable.length; r++) {
            if (matchable[r]) {
                needed.add(names.get(r));
            }
        }
        return needed;
    }

    /**
     * The concepts a document's mentions bring, per sentence and in all.
     *
     * @param present       per sentence, the mask of its mentions' concept ids
     * @param any           per sentence, whether it has a mention at all (of a concept no test names too)
     * @param inDocument    the mask of every sentence's concepts
     * @param anyInDocument whether any sentence has a mention
     */
    private record Presence(long[][] present, boolean[] any, long[] inDocument, boolean anyInDocument) {
    }

    private Presence presence(List<int[]> mentions) {
        int sentences = mentions.size();
        int conceptWords = Math.max(1, (concepts.size() + 63) >>> 6);
        long[][] present = new long[sentences][conceptWords];
        boolean[] any = new boolean[sentences];
        long[] inDocument = new long[conceptWords];
        boolean anyInDocument = false;
        for (int s = 0; s < sentences; s++) {
            for (int c : mentions.get(s)) {
                any[s] = true;
                if (c != OTHER) {
                    present[s][c >>> 6] |= 1L << c;
                }
            }
            for (int i = 0; i < conceptWords; i++) {
                inDocument[i] |= present[s][i];
            }
            anyInDocument |= any[s];
        }
        return new Presence(present, any, inDocument, anyInDocument);
    }

    /** Which rules can match where {@code presence} is what the document brings. */
    private boolean[] matchable(Presence presence) {
        boolean[] matchable = new boolean[readings.length];
        // the rules worth testing: those without a key need, and those whose key need the document meets
        boolean[] tested = new boolean[readings.length];
        for (int r : unkeyed) {
            tested[r] = true;
        }
        long[] inDocument = presence.inDocument();
        for (int word = 0; word < inDocument.length; word++) {
            for (long bits = inDocument[word]; bits != 0; bits &= bits - 1) {
                int concept = (word << 6) + Long.numberOfTrailingZeros(bits);
                if (concept < keyedBy.length) {
                    for (int r : keyedBy[concept]) {
                        tested[r] = true;
                    }
                }
            }
        }
        int[] able = new int[readings.length];
        int count = 0;
        for (int r = 0; r < readings.length; r++) {
            if (tested[r] && (readings[r].open()
                    || canMatch(readings[r], presence.inDocument(), presence.anyInDocument(), presence.present(), presence.any()))) {
                able[count++] = r;
            }
        }
        // a rule that needs a Tagged fact can match only once a rule that can match tags its category
        long tagged = 0;
        for (boolean grew = true; grew; ) {
            grew = false;
            for (int i = 0; i < count; i++) {
                int r = able[i];
                if (!matchable[r] && taggedMet(readings[r], tagged)) {
                    matchable[r] = true;
                    tagged |= readings[r].tags();
                    grew = true;
                }
            }
        }
        return matchable;
    }

    private static boolean taggedMet(Reading reading, long tagged) {
        for (long need : reading.taggedNeeds()) {
            if ((need & tagged) == 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether every group of the rule with needs meets them, in one sentence when it is linked. */
    private static boolean canMatch(Reading reading, long[] inDocument, boolean anyInDocument, long[][] present, boolean[] any) {
        for (Group g : reading.groups()) {
            if (g.needs().length == 0) {
                continue;
            }
            if (!metAt(g, inDocument, anyInDocument)) {
                return false;   // most rules, most documents: a concept it needs is nowhere
            }
            if (g.needs().length > 1 && g.linked() && !metSomewhere(g, present, any)) {
                return false;
            }
        }
        return true;
    }

    private static boolean metSomewhere(Group g, long[][] present, boolean[] any) {
        for (int s = 0; s < present.length; s++) {
            if (metAt(g, present[s], any[s])) {
                return true;
            }
        }
        return false;
    }

    private static boolean metAt(Group g, long[] present, boolean any) {
        for (Need need : g.needs()) {
            if (!need.metBy(present, any)) {
                return false;
            }
        }
        return true;
    }

    /**
     * One document's scope.
     *
     * @param live          whether any rule can match in it
     * @param seesMentions  per sentence, the mask of rules that can use its mentions
     * @param mentionWords  per sentence, the words of its {@code seesMentions} that hold a bit ({@link #nonZero}):
     *                      a sentence's rules lie in a few of a pack's words, which each of its mentions tests
     * @param seesSentences per sentence, the mask of rules that can use its sentence fact
     * @param seesTokens    per sentence, the mask of rules that can use its tokens
     * @param tokenWords    per sentence, the words of its {@code seesTokens} that hold a bit: worked out once
     *                      here, where each token fact worked them out again (and allocated them) on its way in
     */
    record Document(boolean live, long[][] seesMentions, int[][] mentionWords, long[][] seesSentences, long[][] seesTokens,
                    int[][] tokenWords) {

        /** The mask of the rules that can use a mention of {@code sentence}; null (all) when it is not one of the document's. */
        long[] mentionsSeen(int sentence) {
            return sentence < 0 || sentence >= seesMentions.length ? null : seesMentions[sentence];
        }

        /** The words of {@link #mentionsSeen} that hold a bit; null when it is not one of the document's. */
        int[] mentionWordsSeen(int sentence) {
            return sentence < 0 || sentence >= mentionWords.length ? null : mentionWords[sentence];
        }

        /** The mask of the rules that can use the fact of {@code sentence}; null (all) when it is not one of the document's. */
        long[] sentencesSeen(int sentence) {
            return sentence < 0 || sentence >= seesSentences.length ? null : seesSentences[sentence];
        }

        /** The mask of the rules that can use a token of {@code sentence}; null (all) when it is not one of the document's. */
        long[] tokensSeen(int sentence) {
            return sentence < 0 || sentence >= seesTokens.length ? null : seesTokens[sentence];
        }

        /** The words of {@link #tokensSeen} that hold a bit; null when it is not one of the document's. */
        int[] tokenWordsSeen(int sentence) {
            return sentence < 0 || sentence >= tokenWords.length ? null : tokenWords[sentence];
        }

        /** Whether any rule can use the fact of {@code sentence}. */
        boolean sentenceUsed(int sentence) {
            return any(seesSentences[sentence]);
        }

        /** Per sentence, whether any rule can use its fact. */
        boolean[] sentenceSeen() {
            boolean[] seen = new boolean[seesSentences.length];
            for (int s = 0; s < seen.length; s++) {
                seen[s] = sentenceUsed(s);
            }
            return seen;
        }

        /** Whether any rule can use a token of {@code sentence}. */
        boolean tokensUsed(int sentence) {
            return any(seesTokens[sentence]);
        }

        private static boolean any(long[] rules) {
            for (long word : rules) {
                if (word != 0) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * One thread's document now: a thread holds one slot for life, so a caller that keeps the slot of
     * the thread it last served ({@link #slot(Slot)}) looks its thread-local map up only when the
     * thread changes.
     */
    static final class Slot {
        final Thread thread;
        Document document;
        private int[] places = new int[64];
        private long[] marks = new long[1];

        private Slot(Thread thread) {
            this.thread = thread;
        }

        /** A buffer of this thread's for {@code length} places of nodes, reused from one fact to the next. */
        int[] places(int length) {
            if (places.length < length) {
                places = new int[Math.max(length, places.length * 2)];
            }
            return places;
        }

        /** A bit per place of {@code length} places, all clear, for {@code Route.select}, which leaves them so. */
        long[] marks(int length) {
            int words = (length + 63) >>> 6;
            if (marks.length < words) {
                marks = new long[Math.max(words, marks.length * 2)];
            }
            return marks;
        }
    }

    /** The slot of the current thread: {@code last} when it is that thread's, else looked up. */
    static Slot slot(Slot last) {
        return last != null && last.thread == Thread.currentThread() ? last : SLOT.get();
    }

    /** Makes {@code document} the one this thread classifies now (null: none). */
    static void enter(Document document) {
        SLOT.get().document = document;
    }

    // ---- reading a rule ----

    private static final class Node {
        final org.drools.base.rule.Pattern pattern;
        Node parent = this;
        boolean required;
        boolean linked;

        Node(org.drools.base.rule.Pattern pattern) {
            this.pattern = pattern;
        }

        Node root() {
            Node n = this;
            while (n.parent != n) {
                n = n.parent;
            }
            return n;
        }
    }

    private static final Reading OPEN = new Reading(true, new Group[0], true, -1L, new long[0]);

    private static Reading read(RuleImpl rule, String consequence, Map<String, Integer> concepts, Map<String, Integer> categories) {
        Map<org.drools.base.rule.Pattern, Node> nodes = new IdentityHashMap<>();
        if (!collect(rule.getLhs(), true, nodes)) {
            return OPEN;
        }
        long tags = 0;
        Matcher tag = TAG_CALL.matcher(consequence);
        while (tag.find()) {
            tags |= category(tag.group(1), categories);
        }
        List<Long> taggedNeeds = new ArrayList<>();
        for (Node node : nodes.values()) {
            if (node.required && typeOf(node.pattern) == org.frametag.rules.facts.Tagged.class) {
                taggedNeeds.add(taggedNeed(node.pattern, categories));
            }
        }
        for (Node node : nodes.values()) {
            for (Constraint constraint : node.pattern.getConstraints()) {
                if (constraint instanceof MVELConstraint mvel && mvel.getRequiredDeclarations().length == 1) {
                    Matcher link = SENTENCE_LINK.matcher(mvel.getExpression().strip());
                    Declaration declaration = mvel.getRequiredDeclarations()[0];
                    if (link.matches() && link.group(2).equals(declaration.getIdentifier())
                            && fieldOf(node.pattern, link.group(1))
                            && fieldOf(declaration.getPattern(), link.group(3))
                            && declaration.getPattern() != null && nodes.containsKey(declaration.getPattern())) {
                        Node other = nodes.get(declaration.getPattern());
                        Node a = node.root();
                        Node b = other.root();
                        a.linked = true;
                        b.linked = true;
                        if (a != b) {
                            a.parent = b;
                            b.linked = true;
                        }
                    }
                }
            }
        }
        Map<Node, List<Need>> needs = new IdentityHashMap<>();
        Map<Node, boolean[]> kinds = new IdentityHashMap<>();
        boolean sentencesAnywhere = false;
        for (Node node : nodes.values()) {
            Node root = node.root();
            Class<?> type = typeOf(node.pattern);
            boolean[] kind = kinds.computeIfAbsent(root, k -> new boolean[3]);
            if (type == Mention.class) {
                kind[0] = true;
                if (node.required) {
                    needs.computeIfAbsent(root, k -> new ArrayList<>()).add(need(node.pattern, concepts));
                }
            } else if (type == org.frametag.rules.facts.Token.class) {
                kind[2] = true;
            } else if (type == Sentence.class) {
                if (node.required) {
                    kind[1] = true;
                } else {
                    sentencesAnywhere = true;
                }
            }
        }
        List<Group> groups = new ArrayList<>();
        for (Map.Entry<Node, boolean[]> e : kinds.entrySet()) {
            List<Need> n = needs.getOrDefault(e.getKey(), List.of());
            groups.add(new Group(e.getKey().linked, n.toArray(Need[]::new), e.getValue()[0], e.getValue()[1], e.getValue()[2]));
        }
        return new Reading(false, groups.toArray(Group[]::new), sentencesAnywhere, tags,
                taggedNeeds.stream().mapToLong(Long::longValue).toArray());
    }

    /** The bit of {@code category}; beyond 64 categories every bit, which any tag meets. */
    private static long category(String category, Map<String, Integer> categories) {
        int id = categories.computeIfAbsent(category, k -> categories.size());
        return id < 64 ? 1L << id : -1L;
    }

    /** The categories one of which a Tagged pattern accepts, by its category tests; -1 for any. */
    private static long taggedNeed(org.drools.base.rule.Pattern pattern, Map<String, Integer> categories) {
        long need = -1L;
        for (Constraint constraint : pattern.getConstraints()) {
            if (constraint instanceof MVELConstraint mvel && mvel.getRequiredDeclarations().length == 0
                    && CATEGORY_ONLY.matcher(mvel.getExpression().strip()).matches()) {
                long accepted = 0;
                Matcher literal = LITERAL.matcher(mvel.getExpression());
                while (literal.find()) {
                    accepted |= category(literal.group(1), categories);
                }
                need &= accepted;
            }
        }
        return need;
    }

    /** Whether {@code pattern}'s facts have {@code field} as their sentence index. */
    private static boolean fieldOf(org.drools.base.rule.Pattern pattern, String field) {
        if (pattern == null) {
            return false;
        }
        Class<?> type = typeOf(pattern);
        return type == Sentence.class ? field.equals("index")
                : (type == Mention.class || type == org.frametag.rules.facts.Tagged.class || type == org.frametag.rules.facts.Token.class)
                        && field.equals("sentence");
    }

    private static Class<?> typeOf(org.drools.base.rule.Pattern pattern) {
        return pattern.getObjectType() instanceof ClassObjectType type ? type.getClassType() : null;
    }

    private static Need need(org.drools.base.rule.Pattern pattern, Map<String, Integer> concepts) {
        Set<String> accepted = null;
        for (Constraint constraint : pattern.getConstraints()) {
            Set<String> literals = constraint instanceof MVELConstraint mvel ? conceptsOf(mvel.getExpression()) : null;
            if (literals != null) {
                if (accepted == null) {
                    accepted = new java.util.HashSet<>(literals);
                } else {
                    accepted.retainAll(literals);
                }
            }
        }
        if (accepted == null) {
            return new Need(null);
        }
        return Need.of(accepted.stream().sorted().mapToInt(c -> concepts.computeIfAbsent(c, k -> concepts.size())).toArray());
    }

    /**
     * The concepts a mention must have for {@code expression} to hold, or null when it says nothing
     * of the concept (or cannot be read). It reads {@code ||}, {@code &&}, parentheses and
     * {@code concept == "x"} (Drools writes {@code concept in ("x", "y")} so); any other test, and
     * anything under {@code !}, allows every concept: {@code concept == "a" || concept == "b" &&
     * $x.precedes(this, 2)} needs a or b.
     */
    static Set<String> conceptsOf(String expression) {
        try {
            ConceptReader reader = new ConceptReader(expression);
            Set<String> concepts = reader.or();
            reader.space();
            return reader.at == expression.length() ? concepts : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static final Pattern CONCEPT_TEST = Pattern.compile("concept\\s*==\\s*\"([^\"\\\\]*)\"");

    /** A reader of the boolean structure of one constraint (see {@link #conceptsOf}). */
    private static final class ConceptReader {
        final String text;
        int at;

        ConceptReader(String text) {
            this.text = text;
        }

        Set<String> or() {
            Set<String> concepts = and();
            while (next("||")) {
                Set<String> other = and();
                if (concepts == null || other == null) {
                    concepts = null;
                } else {
                    concepts = new java.util.HashSet<>(concepts);
                    concepts.addAll(other);
                }
            }
            return concepts;
        }

        Set<String> and() {
            Set<String> concepts = unary();
            while (next("&&")) {
                Set<String> other = unary();
                if (concepts == null) {
                    concepts = other;
                } else if (other != null) {
                    concepts = new java.util.HashSet<>(concepts);
                    concepts.retainAll(other);
                }
            }
            return concepts;
        }

        Set<String> unary() {
            space();
            if (at < text.length() && text.charAt(at) == '!' && !text.startsWith("!=", at)) {
                at++;
                unary();
                return null;
            }
            if (at < text.length() && text.charAt(at) == '(') {
                at++;
                Set<String> concepts = or();
                space();
                if (at >= text.length() || text.charAt(at) != ')') {
                    throw new IllegalArgumentException("unbalanced");
                }
                at++;
                return concepts;
            }
            return atom();
        }

        /** A test up to the next {@code &&}, {@code ||} or closing parenthesis of this level. */
        Set<String> atom() {
            int start = at;
            int depth = 0;
            while (at < text.length()) {
                char c = text.charAt(at);
                if (c == '"' || c == '\'') {
                    at++;
                    while (at < text.length() && text.charAt(at) != c) {
                        at += text.charAt(at) == '\\' ? 2 : 1;
                    }
                } else if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    if (depth == 0) {
                        break;
                    }
                    depth--;
                } else if (depth == 0 && (text.startsWith("&&", at) || text.startsWith("||", at))) {
                    break;
                }
                at++;
            }
            if (depth != 0 || at > text.length()) {
                throw new IllegalArgumentException("unbalanced");
            }
            Matcher test = CONCEPT_TEST.matcher(text.substring(start, at).strip());
            return test.matches() ? java.util.Set.of(test.group(1)) : null;
        }

        boolean next(String operator) {
            space();
            if (text.startsWith(operator, at)) {
                at += operator.length();
                return true;
            }
            return false;
        }

        void space() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }
    }

    /**
     * Adds the patterns under {@code element} to {@code nodes}, {@code required} when a match of the
     * rule needs a fact for them.
     *
     * @return false when the conditions hold something this reading does not know
     */
    private static boolean collect(RuleConditionElement element, boolean required, Map<org.drools.base.rule.Pattern, Node> nodes) {
        if (element instanceof org.drools.base.rule.Pattern pattern) {
            Class<?> type = typeOf(pattern);
            if (type == null) {
                return false;
            }
            if (type != Mention.class && type != Sentence.class && (type.isAssignableFrom(Mention.class)
                    || type.isAssignableFrom(Sentence.class))) {
                return false;   // Object(), an interface: it sees mentions or sentences as well
            }
            Node node = new Node(pattern);
            if (pattern.getSource() == null) {
                node.required = required;
                nodes.put(pattern, node);
                return true;
            }
            if (pattern.getSource() instanceof From) {
                return true;    // no inserted fact reaches it
            }
            if (pattern.getSource() instanceof Accumulate accumulate) {
                boolean counted = required && countsOne(pattern, accumulate);
                for (RuleConditionElement nested : accumulate.getNestedElements()) {
                    if (!collect(nested, counted, nodes)) {
                        return false;
                    }
                }
                return true;
            }
            return false;
        }
        if (element instanceof GroupElement group) {
            boolean inner = required && (group.isAnd() || group.isExists() && group.getChildren().size() == 1);
            for (RuleConditionElement child : group.getChildren()) {
                if (!collect(child, inner, nodes)) {
                    return false;
                }
            }
            return true;
        }
        return element instanceof EvalCondition;
    }

    /**
     * Whether {@code pattern} takes only a count of one or more from {@code accumulate}
     * ({@code Number(intValue >= 3) from accumulate(Mention(...), count(1))}): then the rule
     * needs the accumulated patterns to match at least once. Drools keeps the function in a private
     * field; when it cannot be read, the answer is no.
     */
    private static boolean countsOne(org.drools.base.rule.Pattern pattern, Accumulate accumulate) {
        if (accumulate.isMultiFunction() || accumulate.getAccumulators().length != 1
                || !(accumulate.getAccumulators()[0] instanceof org.drools.mvel.expr.MVELAccumulatorFunctionExecutor executor)) {
            return false;
        }
        try {
            java.lang.reflect.Field function = org.drools.mvel.expr.MVELAccumulatorFunctionExecutor.class.getDeclaredField("function");
            function.setAccessible(true);
            if (!(function.get(executor) instanceof org.drools.core.base.accumulators.CountAccumulateFunction)) {
                return false;
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
        for (Constraint constraint : pattern.getConstraints()) {
            if (constraint instanceof MVELConstraint mvel && mvel.getRequiredDeclarations().length == 0) {
                Matcher m = AT_LEAST.matcher(mvel.getExpression().strip());
                if (m.matches() && Long.parseLong(m.group(3)) + (m.group(2).equals(">") ? 1 : 0) >= 1) {
                    return true;
                }
            }
        }
        return false;
    }

    /** For reports and tests: the rule names and their readings. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        Map<Integer, String> names = new HashMap<>();
        concepts.forEach((k, v) -> names.put(v, k));
        for (int r = 0; r < rules.size(); r++) {
            Reading reading = readings[r];
            s.append(rules.get(r).getName()).append(reading.open() ? " OPEN" : "")
                    .append(reading.sentencesAnywhere() ? " sentences-anywhere" : "").append('\n');
            for (Group g : reading.groups()) {
                s.append("  group").append(g.linked() ? " linked" : "").append(g.mentions() ? " M" : "")
                        .append(g.sentences() ? " S" : "").append(g.tokens() ? " T" : "").append(':');
                for (Need n : g.needs()) {
                    s.append(' ').append(n.concepts() == null ? "*" : java.util.BitSet.valueOf(n.concepts()).stream().mapToObj(names::get).toList());
                }
                s.append('\n');
            }
        }
        return s.toString();
    }

}
