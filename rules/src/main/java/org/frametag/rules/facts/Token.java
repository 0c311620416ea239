package org.frametag.rules.facts;

/** A token as rules see it: its sentence, its position there, its forms and its shape. */
public final class Token {

    private final int sentence;
    private final int index;
    private final int start;
    private final int end;
    private final String text;
    private final String norm;
    private final String stem;
    private final String kind;

    public Token(int sentence, int index, int start, int end, String text, String norm, String stem, String kind) {
        this.sentence = sentence;
        this.index = index;
        this.start = start;
        this.end = end;
        this.text = text;
        this.norm = norm;
        this.stem = stem;
        this.kind = kind;
    }

    public int getSentence() {
        return sentence;
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

    public String getNorm() {
        return norm;
    }

    public String getStem() {
        return stem;
    }

    /** NUMBER, PERCENT, WORD, ... as in the tokenizer's token kinds. */
    public String getKind() {
        return kind;
    }

    @Override
    public String toString() {
        return "Token " + sentence + ":" + index + " '" + text + "'";
    }
}
