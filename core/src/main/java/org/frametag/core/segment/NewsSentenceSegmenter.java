package org.frametag.core.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.frametag.core.text.Span;

/**
 * Sentence segmentation for English news, as a single left-to-right character scan with
 * bounded look-around (linear time, no regular expressions).
 *
 * <p>Layout first: a blank line always ends a unit; a line that does not end in sentence
 * punctuation (a heading, dateline, by-line or photo credit) is a unit of its own unless the
 * next line visibly continues it (starts in lower case, or the line ends in a comma, hyphen or
 * function word, as in text wrapped by a PDF converter); a line that starts a list item starts a
 * unit. Inside a line, a sentence ends at terminal punctuation with any closing quotes and
 * brackets, followed by a space and a sentence start, except after titles, initials, acronyms
 * and other abbreviations (see {@link Abbreviations}); and at a period glued to a capitalised
 * word ({@code end.Next}) outside URLs and e-mail addresses.
 *
 * <p>Units longer than {@link #maxSentenceLength()} are cut at a token boundary so that the
 * work done per sentence downstream stays bounded.
 */
public final class NewsSentenceSegmenter implements SentenceSegmenter {

    /** Longest unit produced by default, in chars; far above any real news sentence. */
    public static final int DEFAULT_MAX_SENTENCE_LENGTH = 4_000;

    /** How far back the scanner looks for the word before a period. */
    private static final int MAX_WORD_LOOKBEHIND = 40;

    private static final Set<String> CONTINUING_WORDS = Set.of(
            "the", "a", "an", "of", "to", "in", "on", "for", "with", "and", "or", "but", "nor", "by", "from",
            "at", "as", "that", "which", "who", "whom", "whose", "is", "are", "was", "were", "be", "been",
            "has", "have", "had", "will", "would", "could", "should", "may", "might", "must", "can", "its",
            "his", "her", "their", "our", "this", "these", "those", "than", "into", "about", "after",
            "before", "over", "under", "between", "not", "said", "says", "mr", "mrs", "ms", "dr");

    private final int maxSentenceLength;

    public NewsSentenceSegmenter() {
        this(DEFAULT_MAX_SENTENCE_LENGTH);
    }

    /** @param maxSentenceLength longest unit in chars (at least 16); longer ones are cut at a token boundary */
    public NewsSentenceSegmenter(int maxSentenceLength) {
        if (maxSentenceLength < 16) {
            throw new IllegalArgumentException("maxSentenceLength must be at least 16: " + maxSentenceLength);
        }
        this.maxSentenceLength = maxSentenceLength;
    }

    public int maxSentenceLength() {
        return maxSentenceLength;
    }

    @Override
    public List<Span> segment(CharSequence text, Span region) {
        if (region.end() > text.length()) {
            throw new IllegalArgumentException("region " + region + " outside text of length " + text.length());
        }
        return new Scan(text, region.start(), region.end(), maxSentenceLength).run();
    }

    /** The state of one call: the text, the output and where the current unit started. */
    private static final class Scan {
        private final CharSequence text;
        private final int end;
        private final int maxLength;
        private final List<Span> out = new ArrayList<>();
        private int unitStart;
        private int i;

        Scan(CharSequence text, int start, int end, int maxLength) {
            this.text = text;
            this.end = end;
            this.maxLength = maxLength;
            this.unitStart = start;
            this.i = start;
        }

        List<Span> run() {
            while (i < end) {
                char c = text.charAt(i);
                if (isLineBreak(c)) {
                    lineBreak(c);
                } else if (isTerminal(c)) {
                    terminal();
                } else {
                    i++;
                }
            }
            emit(unitStart, end);
            return out;
        }

        private void lineBreak(char c) {
            int lineEnd = i;
            int next = (c == '\r' && i + 1 < end && text.charAt(i + 1) == '\n') ? i + 2 : i + 1;
            int first = skipBlanks(next);
            if (first >= end || isLineBreak(text.charAt(first)) || c == '\u2029') {
                emit(unitStart, lineEnd);
                unitStart = first;
            } else if (lineEndsUnit(lineEnd, first)) {
                emit(unitStart, lineEnd);
                unitStart = first;
            }
            i = first;
        }

        /** A single line break between {@code lineEnd} and the next line's first char {@code first}. */
        private boolean lineEndsUnit(int lineEnd, int first) {
            int last = lastNonSpace(unitStart, lineEnd);
            if (last < 0) {
                return true;
            }
            if (startsListItem(first)) {
                return true;
            }
            char before = text.charAt(last);
            if (isTerminal(before) || isCloser(before) && endsWithTerminalRun(last)) {
                // the terminal rule already looked past this line break and chose to continue
                return false;
            }
            if (",;:-‐‑–—(/[{&“‘«+=".indexOf(before) >= 0) {
                return false;
            }
            char after = text.charAt(first);
            if (Character.isLowerCase(after)) {
                return false;
            }
            return !CONTINUING_WORDS.contains(lastWord(last));
        }

        private boolean endsWithTerminalRun(int last) {
            int k = last;
            int floor = Math.max(unitStart, last - 8);
            while (k > floor && isCloser(text.charAt(k))) {
                k--;
            }
            return isTerminal(text.charAt(k));
        }

        private String lastWord(int last) {
            int k = last;
            int floor = Math.max(unitStart, last - MAX_WORD_LOOKBEHIND);
            while (k >= floor && Character.isLetter(text.charAt(k))) {
                k--;
            }
            if (k >= floor && !isSpace(text.charAt(k))) {
                return "";
            }
            return text.subSequence(k + 1, last + 1).toString().toLowerCase(Locale.ROOT);
        }

        /** Bullets ({@code • - * –}), numbers and letters ({@code 1. 1) (a) a)}) opening a line. */
        private boolean startsListItem(int first) {
            char c = text.charAt(first);
            if ("•◦▪▫■□●○‣⁃∙·*-–—".indexOf(c) >= 0) {
                return first + 1 < end && isSpace(text.charAt(first + 1));
            }
            int k = first;
            boolean paren = c == '(';
            if (paren) {
                k++;
            }
            int markerStart = k;
            while (k < end && k - markerStart < 4 && Character.isLetterOrDigit(text.charAt(k))) {
                k++;
            }
            int length = k - markerStart;
            if (length == 0 || k >= end || !isListLabel(markerStart, k)) {
                return false;
            }
            char close = text.charAt(k);
            boolean closes = paren ? close == ')' : close == ')' || close == '.';
            return closes && k + 1 < end && isSpace(text.charAt(k + 1));
        }

        private boolean isListLabel(int from, int to) {
            boolean digits = true;
            for (int k = from; k < to; k++) {
                digits &= isAsciiDigit(text.charAt(k));
            }
            if (digits) {
                return to - from <= 3;
            }
            if (to - from == 1) {
                return Character.isLetter(text.charAt(from));
            }
            for (int k = from; k < to; k++) {
                if ("ivxIVX".indexOf(text.charAt(k)) < 0) {
                    return false;
                }
            }
            return true;
        }

        private void terminal() {
            int start = i;
            int j = i;
            while (j < end && isTerminal(text.charAt(j))) {
                j++;
            }
            int terminalsEnd = j;
            while (j < end && (isCloser(text.charAt(j)) || isTerminal(text.charAt(j)))) {
                j++;
            }
            i = j;
            if (j >= end) {
                return;
            }
            if (!isSpace(text.charAt(j))) {
                if (gluedBoundary(start, terminalsEnd, j)) {
                    boundary(j);
                }
                return;
            }
            int k = skipSpaces(j);
            if (k >= end) {
                return;
            }
            if (hasBlankLine(j, k)) {
                boundary(j);
                return;
            }
            char f = text.charAt(k);
            if (isClosingOnlyQuote(f) || isStraightQuote(f) && (k + 1 >= end || isSpace(text.charAt(k + 1)))) {
                // a stray closing quote after the space: it still belongs to this sentence
                if (k + 1 < end && Character.isLowerCase(text.charAt(k + 1))) {
                    return;
                }
                if (k + 1 >= end || isSpace(text.charAt(k + 1))) {
                    j = k + 1;
                    i = j;
                    k = skipSpaces(j);
                    if (k >= end) {
                        return;
                    }
                    f = text.charAt(k);
                }
            }
            if (endsSentence(start, terminalsEnd, j, k, f)) {
                boundary(j);
            }
        }

        private boolean endsSentence(int start, int terminalsEnd, int runEnd, int k, char f) {
            if (Character.isLowerCase(f) || ",;:%/)]}".indexOf(f) >= 0) {
                return false;
            }
            boolean singlePeriod = text.charAt(start) == '.' && terminalsEnd == start + 1 && runEnd == terminalsEnd;
            if (!singlePeriod) {
                return true;
            }
            if (isListMarker(start)) {
                return false;
            }
            int wordStart = wordBefore(start);
            if (wordStart < 0) {
                return true;
            }
            String word = text.subSequence(wordStart, start).toString();
            boolean singleUpper = word.length() == 1 && Character.isUpperCase(word.charAt(0));
            boolean digitNext = Character.isDigit(f);
            switch (Abbreviations.of(word.toLowerCase(Locale.ROOT), singleUpper)) {
                case NON_FINAL:
                    return false;
                case BEFORE_NUMBER:
                    return !digitNext;
                case INITIALS:
                case NAME_SUFFIX:
                    // "the U.S. Senate", "the U.S. (29 pct)", "U.S. -- and": only a typical opener ends it
                    if (isOpeningQuote(f) && k + 1 < end) {
                        return Character.isUpperCase(text.charAt(k + 1));
                    }
                    return Character.isUpperCase(f) && Abbreviations.opensSentence(nextWord(k));
                case FINAL_BEFORE_CAPITAL:
                    return !Abbreviations.isTimeZone(nextWord(k));
                default:
                    return true;
            }
        }

        /** Start of the letters-and-periods word ending at {@code period}, or -1 if none. */
        private int wordBefore(int period) {
            int floor = Math.max(unitStart, period - MAX_WORD_LOOKBEHIND);
            int k = period;
            while (k > floor) {
                char p = text.charAt(k - 1);
                if (Character.isLetter(p)) {
                    k--;
                } else if (p == '.' && k - 2 >= floor && Character.isLetter(text.charAt(k - 2))) {
                    k--;
                } else {
                    break;
                }
            }
            if (k == period || k > unitStart && Character.isLetterOrDigit(text.charAt(k - 1))) {
                return -1;
            }
            return k;
        }

        /** A list label such as "1." or "a." at the start of the unit. */
        private boolean isListMarker(int period) {
            int k = period;
            while (k > unitStart && period - k < 4 && Character.isLetterOrDigit(text.charAt(k - 1))) {
                k--;
            }
            return k < period && lastNonSpace(unitStart, k) < 0 && isListLabel(k, period);
        }

        private String nextWord(int k) {
            int e = k;
            int limit = Math.min(end, k + MAX_WORD_LOOKBEHIND);
            while (e < limit && Character.isLetter(text.charAt(e))) {
                e++;
            }
            return text.subSequence(k, e).toString();
        }

        /** {@code end.Next}: a period between a lower-case word and a capitalised one, outside URLs. */
        private boolean gluedBoundary(int start, int terminalsEnd, int runEnd) {
            char next = text.charAt(runEnd);
            if (runEnd > terminalsEnd) {
                // closing quote or bracket glued to the next sentence: ."Next
                return Character.isUpperCase(next) && runEnd + 1 < end && Character.isLowerCase(text.charAt(runEnd + 1));
            }
            if (terminalsEnd != start + 1 || start - 2 < unitStart) {
                return false;
            }
            if (!Character.isLowerCase(text.charAt(start - 1)) || !Character.isLetter(text.charAt(start - 2))) {
                return false;
            }
            if (!Character.isUpperCase(next) || runEnd + 1 >= end || !Character.isLowerCase(text.charAt(runEnd + 1))) {
                return false;
            }
            return !inUrlOrAddress(start);
        }

        private boolean inUrlOrAddress(int from) {
            int floor = Math.max(unitStart, from - MAX_WORD_LOOKBEHIND * 2);
            for (int k = from - 1; k >= floor; k--) {
                char c = text.charAt(k);
                if (isSpace(c)) {
                    return false;
                }
                if (c == '/' || c == '@' || c == ':' || c == '\\') {
                    return true;
                }
            }
            return true;
        }

        private void boundary(int at) {
            emit(unitStart, at);
            unitStart = at;
        }

        private boolean hasBlankLine(int from, int to) {
            int breaks = 0;
            for (int k = from; k < to; k++) {
                char c = text.charAt(k);
                if (c == '\r' && k + 1 < to && text.charAt(k + 1) == '\n') {
                    continue;
                }
                if (isLineBreak(c) && ++breaks >= 2) {
                    return true;
                }
            }
            return false;
        }

        private int skipBlanks(int from) {
            int k = from;
            while (k < end && isSpace(text.charAt(k)) && !isLineBreak(text.charAt(k))) {
                k++;
            }
            return k;
        }

        private int skipSpaces(int from) {
            int k = from;
            while (k < end && isSpace(text.charAt(k))) {
                k++;
            }
            return k;
        }

        private int lastNonSpace(int from, int to) {
            for (int k = to - 1; k >= from; k--) {
                if (!isSpace(text.charAt(k))) {
                    return k;
                }
            }
            return -1;
        }

        /** Adds the trimmed unit, cut into pieces of at most {@code maxLength} chars. */
        private void emit(int from, int to) {
            int s = from;
            int e = to;
            while (s < e && isSpace(text.charAt(s))) {
                s++;
            }
            while (e > s && isSpace(text.charAt(e - 1))) {
                e--;
            }
            while (e - s > maxLength) {
                int cut = cutPoint(s, s + maxLength);
                int pieceEnd = cut;
                while (pieceEnd > s && isSpace(text.charAt(pieceEnd - 1))) {
                    pieceEnd--;
                }
                out.add(new Span(s, pieceEnd));
                s = cut;
                while (s < e && isSpace(text.charAt(s))) {
                    s++;
                }
            }
            if (s < e) {
                out.add(new Span(s, e));
            }
        }

        /** The last token boundary in the second half of the window: a space, else a change of char class. */
        private int cutPoint(int s, int limit) {
            int floor = s + (limit - s) / 2;
            for (int k = limit; k > floor; k--) {
                if (isSpace(text.charAt(k))) {
                    return k;
                }
            }
            for (int k = limit; k > floor; k--) {
                if (Character.isLetterOrDigit(text.charAt(k)) != Character.isLetterOrDigit(text.charAt(k - 1))
                        && !Character.isSurrogate(text.charAt(k))) {
                    return k;
                }
            }
            return Character.isLowSurrogate(text.charAt(limit)) && Character.isHighSurrogate(text.charAt(limit - 1))
                    ? limit - 1 : limit;
        }
    }

    /** Whitespace, no-break spaces and every line separator, including NEL (U+0085). */
    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }

    static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u000B' || c == '\f' || c == '\u0085';
    }

    static boolean isTerminal(char c) {
        return c == '.' || c == '!' || c == '?' || c == '…' || c == '‼' || c == '⁇' || c == '⁈' || c == '⁉'
                || c == '。' || c == '！' || c == '？';
    }

    static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == '”' || c == '’' || c == '»' || c == '›' || c == ')' || c == ']'
                || c == '}';
    }

    private static boolean isOpeningQuote(char c) {
        return c == '“' || c == '‘' || c == '«' || c == '"' || c == '\'';
    }

    private static boolean isClosingOnlyQuote(char c) {
        return c == '”' || c == '’' || c == '»';
    }

    private static boolean isStraightQuote(char c) {
        return c == '"' || c == '\'';
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
