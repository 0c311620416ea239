package org.frametag.core.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.frametag.core.text.Span;

/**
 * Sentence segmentation for news layout: a blank line always ends a unit; a line without
 * final punctuation (a heading, by-line or credit) is a unit of its own unless the next line
 * continues it in lower case; inside a line, a sentence ends at terminal punctuation (with
 * any closing quotes and brackets) followed by a sentence start, except after abbreviations,
 * titles and initials.
 */
public final class NewsSentenceSegmenter implements SentenceSegmenter {

    private static final Set<String> NON_FINAL_ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "gov", "sen",
            "rep", "rev", "st", "jr", "sr", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
            "oct", "nov", "dec", "no", "nos", "vs", "approx", "fig", "vol", "op", "cf", "pp", "mt", "pres");

    private static final String CLOSERS = "\"'”’»)]}";
    private static final String TERMINALS = ".!?…";

    @Override
    public List<Span> segment(CharSequence text, Span region) {
        List<Span> out = new ArrayList<>();
        int unitStart = region.start();
        int i = region.start();
        int end = region.end();
        while (i < end) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                int lineEnd = i;
                int nextLine = skipLineBreak(text, i, end);
                if (isBlankLineAhead(text, nextLine, end) || !continuesLine(text, unitStart, lineEnd, nextLine, end)) {
                    addTrimmed(out, text, unitStart, lineEnd);
                    unitStart = nextLine;
                }
                i = nextLine;
                continue;
            }
            if (TERMINALS.indexOf(c) >= 0) {
                int j = i + 1;
                while (j < end && (TERMINALS.indexOf(text.charAt(j)) >= 0 || CLOSERS.indexOf(text.charAt(j)) >= 0)) {
                    j++;
                }
                if (endsSentence(text, unitStart, i, j, end)) {
                    addTrimmed(out, text, unitStart, j);
                    unitStart = j;
                }
                i = j;
                continue;
            }
            i++;
        }
        addTrimmed(out, text, unitStart, end);
        return out;
    }

    private static int skipLineBreak(CharSequence text, int i, int end) {
        if (text.charAt(i) == '\r' && i + 1 < end && text.charAt(i + 1) == '\n') {
            return i + 2;
        }
        return i + 1;
    }

    private static boolean isBlankLineAhead(CharSequence text, int from, int end) {
        for (int k = from; k < end; k++) {
            char c = text.charAt(k);
            if (c == '\n' || c == '\r') {
                return true;
            }
            if (!Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }

    /** A wrapped line: the line so far has no final punctuation and the next line starts in lower case. */
    private static boolean continuesLine(CharSequence text, int unitStart, int lineEnd, int nextLine, int end) {
        int last = lastNonSpace(text, unitStart, lineEnd);
        int first = firstNonSpace(text, nextLine, end);
        if (last < 0 || first < 0) {
            return false;
        }
        char before = text.charAt(last);
        char after = text.charAt(first);
        return (Character.isLowerCase(after) || after == ',')
                && (Character.isLetterOrDigit(before) || before == ',' || before == '-');
    }

    private static boolean endsSentence(CharSequence text, int unitStart, int terminal, int after, int end) {
        if (after >= end) {
            return true;
        }
        char next = text.charAt(after);
        if (!Character.isWhitespace(next)) {
            return false;
        }
        int first = firstNonSpace(text, after, end);
        if (first < 0) {
            return true;
        }
        char start = text.charAt(first);
        if (start == '\n' || start == '\r') {
            return true;
        }
        if (Character.isLowerCase(start) || ",;:".indexOf(start) >= 0) {
            return false;
        }
        if (text.charAt(terminal) == '.' && after == terminal + 1 && isAbbreviation(text, unitStart, terminal)) {
            return false;
        }
        return true;
    }

    private static boolean isAbbreviation(CharSequence text, int unitStart, int period) {
        int wordStart = period;
        while (wordStart > unitStart && Character.isLetter(text.charAt(wordStart - 1))) {
            wordStart--;
        }
        int length = period - wordStart;
        if (length == 0) {
            return false;
        }
        if (length == 1 && Character.isUpperCase(text.charAt(wordStart))) {
            return true;
        }
        String word = text.subSequence(wordStart, period).toString().toLowerCase(Locale.ROOT);
        return NON_FINAL_ABBREVIATIONS.contains(word);
    }

    private static int firstNonSpace(CharSequence text, int from, int end) {
        for (int k = from; k < end; k++) {
            char c = text.charAt(k);
            if (c == '\n' || c == '\r' || !Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                return k;
            }
        }
        return -1;
    }

    private static int lastNonSpace(CharSequence text, int from, int to) {
        for (int k = to - 1; k >= from; k--) {
            if (!Character.isWhitespace(text.charAt(k)) && !Character.isSpaceChar(text.charAt(k))) {
                return k;
            }
        }
        return -1;
    }

    private static void addTrimmed(List<Span> out, CharSequence text, int from, int to) {
        int s = from;
        int e = to;
        while (s < e && (Character.isWhitespace(text.charAt(s)) || Character.isSpaceChar(text.charAt(s)))) {
            s++;
        }
        while (e > s && (Character.isWhitespace(text.charAt(e - 1)) || Character.isSpaceChar(text.charAt(e - 1)))) {
            e--;
        }
        if (s < e) {
            out.add(new Span(s, e));
        }
    }
}
