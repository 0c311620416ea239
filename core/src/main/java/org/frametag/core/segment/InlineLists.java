package org.frametag.core.segment;

import static org.frametag.core.segment.NewsSentenceSegmenter.isLineBreak;
import static org.frametag.core.segment.NewsSentenceSegmenter.isSpace;

import java.util.Arrays;

/**
 * List items inside a line: labels ({@code 1.} {@code 2.}, {@code 1)} {@code 2)}, {@code (a)}
 * {@code (b)}, {@code a.} {@code b.}, {@code i.} {@code ii.}, {@code 1.)}, each maybe after a
 * bullet) and bullets ({@code •} {@code ⁃} ...). As in pragmatic_segmenter, a label counts only
 * when its neighbours count on: the label before it in the same style was an item and has the
 * value before ({@code n-1}, or the letter before), or the label opens a list and the next label
 * in its style has the value after. A bullet counts when the same bullet comes before or after
 * it. Either way the neighbour must be in the same paragraph, at most {@link #WINDOW} chars
 * away, with some words between.
 *
 * <p>One instance serves one segmenter call. Looking ahead stops at the next label of the same
 * style (or the next same bullet), so the work stays linear in the text.
 */
final class InlineLists {

    /** Farthest apart two neighbouring items of one list may start, in chars. */
    private static final int WINDOW = 1_000;

    private static final int DIGITS = 0;
    private static final int LOWER = 1;
    private static final int UPPER = 2;

    private static final int DOT = 0;
    private static final int DOT_PAREN = 1;
    private static final int PAREN = 2;
    private static final int BOTH_PARENS = 3;

    private static final int STYLES = 12;

    /**
     * A list label: {@code start} is its first char (an opening bracket or a bullet before it
     * included), {@code end} is just after its closing {@code .}, {@code )} or {@code .)}.
     * {@code value} packs its number or letter position (low byte) and its value as a lower-case
     * Roman numeral (next byte), since "i." may be either.
     */
    record Label(int start, int end, int style, int value) {
    }

    private final CharSequence text;
    private final int regionStart;
    private final int end;
    private int[] lastEnd;
    private int[] lastValue;
    private boolean[] lastWasItem;
    private char lastBullet;
    private int lastBulletAt = -1;

    InlineLists(CharSequence text, int regionStart, int end) {
        this.text = text;
        this.regionStart = regionStart;
        this.end = end;
    }

    /**
     * The label closed by the {@code .} or {@code )} at {@code close}, or null: one or two
     * digits, a letter or a Roman numeral, after a space, the region start, a bullet or (with
     * {@code )}) an opening bracket, and followed by a space. A label after a capitalised noun
     * that numbers things ("Chapter 2.", "Plan B)") is no list item.
     */
    Label closedAt(int close) {
        int form;
        int after;
        if (text.charAt(close) == '.') {
            boolean paren = close + 1 < end && text.charAt(close + 1) == ')';
            form = paren ? DOT_PAREN : DOT;
            after = paren ? close + 2 : close + 1;
        } else {
            form = PAREN;
            after = close + 1;
        }
        if (after >= end || !isSpace(text.charAt(after)) || close == regionStart
                || close - 2 >= regionStart && isAsciiLetter(text.charAt(close - 2))
                && "ivxIVX".indexOf(text.charAt(close - 1)) < 0) {
            // inside a token, or the end of a word: the usual cases, told apart quickly
            return null;
        }
        int k = close;
        int floor = Math.max(regionStart, close - 4);
        while (k > floor && isAsciiLetterOrDigit(text.charAt(k - 1))) {
            k--;
        }
        if (k == close || k > regionStart && isAsciiLetterOrDigit(text.charAt(k - 1))) {
            return null;
        }
        int start = k;
        if (start > regionStart && text.charAt(start - 1) == '(') {
            if (form != PAREN) {
                return null;
            }
            form = BOTH_PARENS;
            start--;
        }
        int kind = kind(k, close);
        int value = value(kind, k, close);
        if (value == 0) {
            return null;
        }
        if (start > regionStart) {
            char before = text.charAt(start - 1);
            if (isInlineBullet(before)) {
                start--;
            } else if (!isSpace(before)) {
                return null;
            } else if (start - 2 >= regionStart && isInlineBullet(text.charAt(start - 2))) {
                start -= 2;
            } else if (afterLabelNoun(start - 1)) {
                return null;
            }
        }
        return new Label(start, after, kind * 4 + form, value);
    }

    /**
     * Whether {@code label} is an item of a list; remembers it as the last label of its style
     * either way. It is when the last label of its style was an item and this one counts on from
     * it, or when it can open a list (1, a, i, a label after a bullet or at the start of a unit)
     * and the next label of its style counts on from it. So "it was 3. Then 4." is no list.
     */
    boolean isItem(Label label, int paragraphStart, boolean atUnitStart) {
        if (lastEnd == null) {
            lastEnd = new int[STYLES];
            lastValue = new int[STYLES];
            lastWasItem = new boolean[STYLES];
            Arrays.fill(lastEnd, -1);
        }
        int style = label.style();
        int previousEnd = lastEnd[style];
        boolean item = lastWasItem[style] && previousEnd >= paragraphStart && label.start() - previousEnd <= WINDOW
                && countsOn(lastValue[style], label.value()) && hasLetter(previousEnd, label.start());
        if (!item && (atUnitStart || opensList(label))) {
            Label next = nextInStyle(label);
            item = next != null && countsOn(label.value(), next.value()) && hasLetter(label.end(), next.start());
        }
        lastEnd[style] = label.end();
        lastValue[style] = label.value();
        lastWasItem[style] = item;
        return item;
    }

    /** A label that can open a list: 1, a, i, or one after a bullet. */
    private boolean opensList(Label label) {
        boolean first = (label.value() & 0xFF) == 1 || label.value() >>> 8 == 1;
        if (label.style() == UPPER * 4 + DOT || label.style() == UPPER * 4 + DOT_PAREN) {
            // "A." is mostly an initial ("by A. Smith and B. Jones"): a list only after a colon
            return first && afterColon(label.start());
        }
        return first || isInlineBullet(text.charAt(label.start()));
    }

    private boolean afterColon(int start) {
        int k = start;
        while (k > regionStart && isSpace(text.charAt(k - 1))) {
            k--;
        }
        return k > regionStart && text.charAt(k - 1) == ':';
    }

    /**
     * Whether the bullet {@code c} at {@code at}, between spaces, is an item of a list: the same
     * bullet came before it in the paragraph or comes after it, within the window.
     */
    boolean isBulletItem(int at, char c, int paragraphStart) {
        boolean separated = (at == regionStart || isSpace(text.charAt(at - 1)))
                && at + 1 < end && (isSpace(text.charAt(at + 1)) || Character.isLetterOrDigit(text.charAt(at + 1)));
        if (!separated) {
            return false;
        }
        boolean item = lastBullet == c && lastBulletAt >= paragraphStart && at - lastBulletAt <= WINDOW
                || nextBullet(at, c);
        lastBullet = c;
        lastBulletAt = at;
        return item;
    }

    /** The next label of the style of {@code label} in its paragraph and the window, or null. */
    private Label nextInStyle(Label label) {
        int limit = Math.min(end, label.end() + WINDOW);
        int breaks = 0;
        for (int k = label.end(); k < limit && (breaks = breaksSoFar(breaks, k)) < 2; k++) {
            char c = text.charAt(k);
            if (c == '.' || c == ')') {
                Label next = closedAt(k);
                if (next != null && next.style() == label.style()) {
                    return next;
                }
            }
        }
        return null;
    }

    /** Whether the bullet {@code c} comes again after {@code at}, after a space, in its paragraph and the window. */
    private boolean nextBullet(int at, char c) {
        int limit = Math.min(end, at + WINDOW);
        int breaks = 0;
        for (int k = at + 1; k < limit && (breaks = breaksSoFar(breaks, k)) < 2; k++) {
            if (text.charAt(k) == c) {
                return isSpace(text.charAt(k - 1));
            }
        }
        return false;
    }

    /** The line breaks since the last non-space char, counting the one at {@code k}: two are a blank line. */
    private int breaksSoFar(int breaks, int k) {
        char c = text.charAt(k);
        if (isLineBreak(c)) {
            return c == '\n' && k > regionStart && text.charAt(k - 1) == '\r' ? breaks : breaks + 1;
        }
        return isSpace(c) ? breaks : 0;
    }

    private boolean hasLetter(int from, int to) {
        for (int k = from; k < to; k++) {
            if (Character.isLetter(text.charAt(k))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the word ending just before {@code space} is a capitalised noun that numbers things ("Chapter"). */
    private boolean afterLabelNoun(int space) {
        int e = space;
        int s = e;
        while (s > regionStart && e - s < 12 && Character.isLetter(text.charAt(s - 1))) {
            s--;
        }
        return s < e && Character.isUpperCase(text.charAt(s)) && Cues.isLabelNoun(text.subSequence(s, e).toString());
    }

    private int kind(int from, int to) {
        char c = text.charAt(from);
        if (c >= '0' && c <= '9') {
            return DIGITS;
        }
        return Character.isUpperCase(c) ? UPPER : LOWER;
    }

    /** The packed value of the label text {@code [from, to)}, or 0 if it is not a label. */
    private int value(int kind, int from, int to) {
        if (kind == DIGITS) {
            if (to - from > 2) {
                return 0;
            }
            int n = 0;
            for (int k = from; k < to; k++) {
                char c = text.charAt(k);
                if (c < '0' || c > '9') {
                    return 0;
                }
                n = n * 10 + c - '0';
            }
            return n;
        }
        int letter = 0;
        if (to - from == 1) {
            letter = Character.toLowerCase(text.charAt(from)) - 'a' + 1;
        }
        int roman = roman(from, to, kind == UPPER);
        return letter | roman << 8;
    }

    /** The value of a Roman numeral of i, v and x in one case (at most 4 chars), or 0. */
    private int roman(int from, int to, boolean upper) {
        int total = 0;
        int previous = 0;
        for (int k = to - 1; k >= from; k--) {
            char c = text.charAt(k);
            if (upper != Character.isUpperCase(c)) {
                return 0;
            }
            int digit = switch (Character.toLowerCase(c)) {
                case 'i' -> 1;
                case 'v' -> 5;
                case 'x' -> 10;
                default -> 0;
            };
            if (digit == 0) {
                return 0;
            }
            total += digit < previous ? -digit : digit;
            previous = Math.max(previous, digit);
        }
        return total > 0 && total < 256 ? total : 0;
    }

    /** Whether the label value {@code next} comes right after {@code previous}: n, n+1; a, b; i, ii. */
    private static boolean countsOn(int previous, int next) {
        int letter = previous & 0xFF;
        int roman = previous >>> 8;
        return letter > 0 && (next & 0xFF) == letter + 1 || roman > 0 && next >>> 8 == roman + 1;
    }

    /** Bullets that mark a list item in the middle of a line. */
    static boolean isInlineBullet(char c) {
        return c == '•' || c == '⁃' || c == '‣' || c == '◦' || c == '▪' || c == '●';
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return c >= '0' && c <= '9' || isAsciiLetter(c);
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
}
