package org.frametag.rules.facts;

/**
 * A place where a sentence mentions a concept: some words that match an entry of the term
 * list named {@link #getConcept()}. Rules are written over mentions, so they name ideas
 * ("interference", "foreign-actor") instead of listing words.
 */
public final class Mention {

    private final String concept;
    private final int sentence;
    private final int first;
    private final int last;
    private final int start;
    private final int end;
    private final String text;
    private final boolean opening;
    private final boolean possessive;
    private final int clause;
    private final int position;
    private final int positionAfter;

    public Mention(String concept, int sentence, int first, int last, int start, int end, String text) {
        this(concept, sentence, first, last, start, end, text, false, 0, -1);
    }

    /**
     * @param opening true when no word or number comes before the mention in its sentence (only
     *                quotes, dashes or other punctuation), so it opens the sentence
     * @param clause  index of the clause of the sentence the mention starts in (see {@link #sameClause})
     * @param position index of the mention's first token when the words a distance skips (a relative
     *                clause set off by commas, words in brackets, modals and forms of "be") are left
     *                out, or -1 when the mention is inside an insertion or its place is not known;
     *                distances between two mentions outside insertions skip those words
     */
    public Mention(String concept, int sentence, int first, int last, int start, int end, String text,
                   boolean opening, int clause, int position) {
        this(concept, sentence, first, last, start, end, text, opening, false, clause, position);
    }

    /** @param possessive true when a possessive 's follows the mention (see {@link #isPossessive}) */
    public Mention(String concept, int sentence, int first, int last, int start, int end, String text,
                   boolean opening, boolean possessive, int clause, int position) {
        this(concept, sentence, first, last, start, end, text, opening, possessive, clause, position,
                position < 0 ? -1 : position + last - first + 1);
    }

    /**
     * @param positionAfter the place just after the mention's last token, counted as {@code position}
     *                      is, or -1 where {@code position} is
     */
    public Mention(String concept, int sentence, int first, int last, int start, int end, String text,
                   boolean opening, boolean possessive, int clause, int position, int positionAfter) {
        this.concept = concept;
        this.sentence = sentence;
        this.first = first;
        this.last = last;
        this.start = start;
        this.end = end;
        this.text = text;
        this.opening = opening;
        this.possessive = possessive;
        this.clause = clause;
        this.position = position;
        this.positionAfter = positionAfter;
    }

    public String getConcept() {
        return concept;
    }

    /** Index of the sentence the mention is in. */
    public int getSentence() {
        return sentence;
    }

    /** Index of the mention's first token in its sentence. */
    public int getFirst() {
        return first;
    }

    /** Index of the mention's last token in its sentence. */
    public int getLast() {
        return last;
    }

    public int getStart() {
        return start;
    }

    public int getEnd() {
        return end;
    }

    public String getText() {
        return text;
    }

    /**
     * True when the mention opens its sentence: no word or number comes before it, only
     * quotes, dashes or other punctuation ("They said ...", "“Such attempts ...").
     */
    public boolean isOpening() {
        return opening;
    }

    /**
     * True when a possessive 's follows the mention, which then owns what comes next rather than
     * being the thing talked about: "the country's economy", "Peru’s exports".
     */
    public boolean isPossessive() {
        return possessive;
    }

    /** Index of the clause the mention starts in, counting from 0 at the start of its sentence. */
    public int getClause() {
        return clause;
    }

    /**
     * True when {@code other} is in the same sentence and the same clause: no semicolon, colon,
     * spaced dash or comma before "but", "while", "which", "who" and the like stands between them,
     * so who does what to whom can be read from the two ("officials said, while hackers
     * attacked ..." keeps the officials apart from the attack).
     */
    public boolean sameClause(Mention other) {
        return other.sentence == sentence && other.clause == clause;
    }

    /**
     * How many tokens stand between this mention and {@code other} in the same sentence:
     * 0 when they touch or overlap. Mentions in different sentences are infinitely far. The words
     * of an insertion between two mentions outside it do not count, nor do modals and forms of "be"
     * ("the vote must be rerun": "vote" touches "rerun").
     */
    public int distanceTo(Mention other) {
        if (other.sentence != sentence) {
            return Integer.MAX_VALUE;
        }
        int between = other.first > last ? other.first - last - 1 : first > other.last ? first - other.last - 1 : 0;
        if (between == 0 || position < 0 || other.position < 0) {
            return between;
        }
        return Math.max(0, other.first > last ? other.position - positionAfter : position - other.positionAfter);
    }

    /** True when {@code other} is in the same sentence with at most {@code tokens} tokens between. */
    public boolean near(Mention other, int tokens) {
        return distanceTo(other) <= tokens;
    }

    /** True when the two share a token: "war" inside "trade war", "sovereign" inside "sovereign debt". */
    public boolean overlaps(Mention other) {
        return other.sentence == sentence && other.first <= last && first <= other.last;
    }

    /** True when this mention ends before {@code other} starts, in the same sentence. */
    public boolean before(Mention other) {
        return other.sentence == sentence && last < other.first;
    }

    /**
     * True when this mention comes before {@code other} in the same sentence with at most
     * {@code tokens} tokens between them: "disrupt [the] vote", "such [a] provocation".
     */
    public boolean precedes(Mention other, int tokens) {
        return before(other) && distanceTo(other) <= tokens;
    }

    @Override
    public String toString() {
        return concept + " '" + text + "' (sentence " + sentence + ", tokens " + first + "-" + last + ")";
    }
}
