package org.frametag.rules.facts;

/** A sentence as rules see it. Rules join other facts to it by {@link #getIndex()}. */
public final class Sentence {

    private final int index;
    private final int start;
    private final int end;
    private final String text;
    private final int tokenCount;

    public Sentence(int index, int start, int end, String text, int tokenCount) {
        this.index = index;
        this.start = start;
        this.end = end;
        this.text = text;
        this.tokenCount = tokenCount;
    }

    public int getIndex() {
        return index;
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

    public int getTokenCount() {
        return tokenCount;
    }

    @Override
    public String toString() {
        return "Sentence " + index + " [" + start + ".." + end + ")";
    }
}
