package org.frametag.core.segment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.frametag.core.segment.Abbreviations.Kind;
import org.frametag.core.text.Span;

/**
 * Sentence segmentation for English news, as a single left-to-right character scan with
 * bounded look-around (linear time, no regular expressions).
 *
 * <p>Layout first: a blank line always ends a unit; a line that does not end in sentence
 * punctuation (a heading, dateline, by-line or photo credit) is a unit of its own unless the
 * next line visibly continues it (starts in lower case, or the line ends in a comma, hyphen or
 * function word, as in text wrapped by a PDF converter); a line that starts a list item starts a
 * unit, and so do short lower-case lines in a block of them. Inside a line, a sentence ends at
 * terminal punctuation with any closing quotes and brackets, followed by a space and a sentence
 * start, except after titles, initials, acronyms and other abbreviations (see
 * {@link Abbreviations}), inside spaced ellipses that mark an omission and in list labels; at a
 * period glued to a capitalised word ({@code end.Next}, {@code 1999.Officials}) outside URLs and
 * e-mail addresses; and before the items of a list inside a line (see {@link InlineLists}).
 *
 * <p>Units longer than {@link #maxSentenceLength()} are cut at a token boundary so that the
 * work done per sentence downstream stays bounded.
 */
public final class NewsSentenceSegmenter implements SentenceSegmenter {

    /** Longest unit produced by default, in chars; far above any real news sentence. */
    public static final int DEFAULT_MAX_SENTENCE_LENGTH = 4_000;

    /**
     * Country codes a glued name may end in; those that are also English words, titles or common
     * surnames ("said.Mr", "Beijing.Li Keqiang") may start a glued sentence.
     */
    private static final Set<String> COUNTRY_DOMAINS = Arrays.stream(Locale.getISOCountries())
            .filter(code -> !Set.of("AM", "AS", "AT", "BE", "BO", "BY", "DO", "HU", "IN", "IS", "IT", "LA", "LI", "LU",
                    "MA", "ME", "MO", "MR", "MS", "MY", "NO", "SO", "ST", "TO", "US").contains(code))
            .collect(Collectors.toUnmodifiableSet());

    /** How far back the scanner looks for the word before a period. */
    private static final int MAX_WORD_LOOKBEHIND = 40;

    /** Longest line, in chars, that counts as an item of a block of short lower-case lines. */
    private static final int SHORT_LINE = 40;

    /** How far a parenthetical citation after a sentence end may run ("(Smith 55)."). */
    private static final int MAX_CITATION = 80;

    /**
     * The ASCII chars the scan stops at (line breaks, {@code . ! ? )}), as bits of one word; all
     * are below 64.
     */
    private static final long ASCII_STOPS = 1L << '\n' | 1L << '\u000B' | 1L << '\f' | 1L << '\r' | 1L << '!'
            | 1L << ')' | 1L << '.' | 1L << '?';

    private static final Set<String> CONTINUING_WORDS = Set.of(
            "the", "a", "an", "of", "to", "in", "on", "for", "with", "and", "or", "but", "nor", "by", "from",
            "at", "as", "that", "which", "who", "whom", "whose", "is", "are", "was", "were", "be", "been",
            "has", "have", "had", "will", "would", "could", "should", "may", "might", "must", "can", "its",
            "his", "her", "their", "our", "this", "these", "those", "than", "into", "about", "after",
            "before", "over", "under", "between", "not", "said", "says", "mr", "mrs", "ms", "dr");

    private final int maxSentenceLength;
    private final Abbreviations abbreviations = Abbreviations.standard();

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
        return new Scan(text, region.start(), region.end(), maxSentenceLength, abbreviations).run();
    }

    /** The state of one call: the text, the output and where the current unit started. */
    private static final class Scan {
        private final CharSequence text;
        private final int regionStart;
        private final int end;
        private final int maxLength;
        private final Abbreviations abbreviations;
        private final InlineLists lists;
        private final List<Span> out = new ArrayList<>();
        private int unitStart;
        private int lineStart;
        private int paragraphStart;
        private int i;
        /** Whether {@code [unitStart, wordCheckedTo)} holds a letter or digit. */
        private boolean unitHasWord;
        private int wordCheckedTo;
        /** The last token looked at for URL and address marks: {@code [tokenFrom, tokenTo)}. */
        private int tokenFrom = -1;
        private int tokenTo = -1;
        private boolean tokenIsWeb;

        Scan(CharSequence text, int start, int end, int maxLength, Abbreviations abbreviations) {
            this.text = text;
            this.regionStart = start;
            this.end = end;
            this.maxLength = maxLength;
            this.abbreviations = abbreviations;
            this.lists = new InlineLists(text, start, end);
            this.unitStart = start;
            this.lineStart = start;
            this.paragraphStart = start;
            this.wordCheckedTo = start;
            this.i = start;
        }

        List<Span> run() {
            CharSequence chars = text;
            int stop = end;
            while (true) {
                // the hot loop, over locals and inline: skip to the next line break, terminal, ")" or bullet;
                // branch-free for ASCII, since (c - 64) >> 31 keeps the bit only below 64, where all ASCII stops are
                int k = i;
                char c = 0;
                while (k < stop) {
                    c = chars.charAt(k);
                    if ((ASCII_STOPS >>> c & (c - 64) >> 31 & 1) != 0 || c >= 128 && isNonAsciiStop(c)) {
                        break;
                    }
                    k++;
                }
                i = k;
                if (k >= stop) {
                    break;
                }
                if (isLineBreak(c)) {
                    lineBreak(c);
                } else if (isTerminal(c)) {
                    terminal();
                } else if (c == ')') {
                    closingBracket();
                } else {
                    bullet(c);
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
                startUnit(first);
                paragraphStart = first;
            } else if (lineEndsUnit(lineEnd, first)) {
                emit(unitStart, lineEnd);
                startUnit(first);
            }
            lineStart = first;
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
            boolean lowerCaseNext = Character.isLowerCase(text.charAt(first));
            if (lowerCaseNext && !shortLowerCaseLines(last, first)) {
                return false;
            }
            return !CONTINUING_WORDS.contains(lastWord(last));
        }

        /**
         * A block of short lines in lower case, one item a line ("features\ncontact manager"):
         * this line is a unit of its own, starts in lower case and is short, and so is the next.
         * Wrapped prose has longer lines, or this line continues a unit begun on the line before.
         */
        private boolean shortLowerCaseLines(int last, int first) {
            if (unitStart != lineStart || !Character.isLowerCase(text.charAt(lineStart))
                    || last - lineStart >= SHORT_LINE) {
                return false;
            }
            int limit = Math.min(end, first + SHORT_LINE + 1);
            for (int k = first; k < limit; k++) {
                if (isLineBreak(text.charAt(k))) {
                    return true;
                }
            }
            return limit == end;
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

        /** A {@code )} outside a terminal run: maybe the label of a list item ({@code 2)}, {@code (b)}). */
        private void closingBracket() {
            InlineLists.Label label = lists.closedAt(i);
            i++;
            if (label != null && isListItem(label)) {
                itemStartsAt(label.start());
            }
        }

        /** A bullet in a line: an item of an inline list when the same bullet comes before or after it. */
        private void bullet(char c) {
            int at = i;
            i++;
            if (lists.isBulletItem(at, c, paragraphStart)) {
                itemStartsAt(at);
            }
        }

        private boolean isListItem(InlineLists.Label label) {
            return lists.isItem(label, paragraphStart, lastNonSpace(unitStart, label.start()) < 0);
        }

        private void itemStartsAt(int at) {
            if (lastNonSpace(unitStart, at) >= 0) {
                boundary(at);
            }
        }

        private void terminal() {
            int start = i;
            if (text.charAt(start) == '.') {
                InlineLists.Label label = lists.closedAt(start);
                if (label != null && isListItem(label)) {
                    // a list label never ends a sentence; it starts one
                    itemStartsAt(label.start());
                    i = label.end();
                    return;
                }
            }
            int j = start;
            int dots = 0;
            boolean spaced = false;
            while (true) {
                while (j < end && isTerminal(text.charAt(j))) {
                    dots += text.charAt(j) == '.' ? 1 : 0;
                    j++;
                }
                if (spacedDotFollows(j)) {
                    spaced = true;
                    j++;
                } else {
                    break;
                }
            }
            int terminalsEnd = j;
            if (omissionInBrackets(start, terminalsEnd)) {
                i = terminalsEnd + 1;
                return;
            }
            while (j < end && (isCloser(text.charAt(j)) || isTerminal(text.charAt(j)))) {
                j++;
            }
            i = j;
            if (j >= end || spaced && dots <= 3 && (start == regionStart || isSpace(text.charAt(start - 1)))) {
                // "the talks . . . stalled": an omission inside a sentence; ". . . ." or "ended. . ." may end one
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
            boolean singlePeriod = dots == 1 && terminalsEnd == start + 1 && j == terminalsEnd;
            if (!citationFollows(k, f) && endsSentence(start, singlePeriod, k, f)) {
                boundary(j);
            }
        }

        /** {@code ". ."}: a period, one space and another period that is not the start of a word. */
        private boolean spacedDotFollows(int j) {
            return j + 1 < end && text.charAt(j - 1) == '.' && text.charAt(j) == ' ' && text.charAt(j + 1) == '.'
                    && (j + 2 >= end || !Character.isLetterOrDigit(text.charAt(j + 2)));
        }

        /** {@code [...]}, {@code (…)}: an omission mark inside a quotation, never an end. */
        private boolean omissionInBrackets(int start, int terminalsEnd) {
            if (start == regionStart || terminalsEnd >= end || terminalsEnd - start > 4) {
                return false;
            }
            char open = text.charAt(start - 1);
            char close = text.charAt(terminalsEnd);
            return (open == '[' && close == ']' || open == '(' && close == ')') && allDots(start, terminalsEnd);
        }

        private boolean allDots(int from, int to) {
            for (int k = from; k < to; k++) {
                char c = text.charAt(k);
                if (c != '.' && c != '…') {
                    return false;
                }
            }
            return true;
        }

        /**
         * {@code "... stairways." (Smith 55).}: a short parenthetical closed by the sentence's own
         * period is a citation that belongs to the sentence before it. Periods inside it are
         * abbreviations ("p. 3", "et al."). So is a dateline's credit after an abbreviated state:
         * {@code SPRINGFIELD, Ill. (Reuters) - The governor ...}.
         */
        private boolean citationFollows(int k, char f) {
            if (f != '(') {
                return false;
            }
            int limit = Math.min(end - 1, k + MAX_CITATION);
            for (int m = k + 1; m < limit; m++) {
                char c = text.charAt(m);
                if (c == ')') {
                    return isTerminal(text.charAt(m + 1)) || dashFollows(m + 1);
                }
                if (c != '.' && isTerminal(c) || isLineBreak(c) || c == '(') {
                    return false;
                }
            }
            return false;
        }

        /** A spaced dash at {@code at}, after any spaces on the line: the credit of a dateline ends there. */
        private boolean dashFollows(int at) {
            int k = at;
            while (k < end && isSpace(text.charAt(k)) && !isLineBreak(text.charAt(k))) {
                k++;
            }
            return k > at && k + 1 < end && "-\u2013\u2014".indexOf(text.charAt(k)) >= 0 && isSpace(text.charAt(k + 1));
        }

        private boolean endsSentence(int start, boolean singlePeriod, int k, char f) {
            if (Character.isLowerCase(f) || ",;:%/)]}".indexOf(f) >= 0) {
                return false;
            }
            if (!singlePeriod) {
                return true;
            }
            if (isListMarker(start)) {
                return false;
            }
            if (isNumberSign(start)) {
                return !Character.isDigit(f);
            }
            int wordStart = wordBefore(start);
            if (wordStart < 0) {
                return true;
            }
            String word = text.subSequence(wordStart, start).toString();
            Kind kind = kindOf(word, wordStart);
            if (kind == Kind.NONE || inWebToken(start)) {
                // a URL, path, address or file name ends the sentence with it: "site.com/co. The"
                return true;
            }
            if (kind != Kind.INITIALS && numberBefore(wordStart)) {
                // a unit or date after a number, "2021 г.", "5 ft.", "5 дек.": ends like a time of day
                kind = Kind.TIME;
            }
            switch (kind) {
                case TITLE:
                    return false;
                case STREET:
                    // "St. Petersburg", but "on Main St. The"
                    return nameOrNumberBefore(wordStart) && opensSentence(k, f);
                case NUMBER:
                    return !Character.isDigit(f);
                case INITIALS:
                case SUFFIX:
                    // "the U.S. Senate", "the U.S. (29 pct)", "U.S. -- and": only a typical opener ends it
                    return opensSentence(k, f);
                case TIME:
                    // "at 7 a.m. (0400 GMT)" goes on, like "the U.S. (29 pct)"
                    return Character.isLetter(f) ? !timeContinues(wordStart, k) : opensSentence(k, f);
                default:
                    return true;
            }
        }

        /** The class of the word before a period: listed, or by shape ("J.", "U.S." initials; "kremlin.ru" none). */
        private Kind kindOf(String word, int wordStart) {
            if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
                return singleCapital(word.charAt(0), wordStart);
            }
            Kind kind = abbreviations.kindOf(word.toLowerCase(Locale.ROOT));
            if (kind != Kind.NONE || word.indexOf('.') < 0) {
                return kind;
            }
            for (int k = 1; k < word.length(); k += 2) {
                if (word.charAt(k) != '.') {
                    // "YouTube.com", "minutes.docx": a dotted word, not an acronym
                    return Kind.NONE;
                }
            }
            return Kind.INITIALS;
        }

        /**
         * A single capital is an initial ("John F. Kennedy", "by J. Smith") unless the word
         * before it labels things by letter ("Type A.", "Gate D.") or it is the pronoun after a
         * lower-case word ("you and I.").
         */
        private Kind singleCapital(char c, int wordStart) {
            int e = wordStart;
            if (e - 1 <= unitStart || !isSpace(text.charAt(e - 1))) {
                return Kind.INITIALS;
            }
            e--;
            int s = e;
            while (s > unitStart && e - s < MAX_WORD_LOOKBEHIND && Character.isLetter(text.charAt(s - 1))) {
                s--;
            }
            if (s == e) {
                return Kind.INITIALS;
            }
            if (Cues.isLabelNoun(text.subSequence(s, e).toString())) {
                return Kind.NONE;
            }
            return c == 'I' && Character.isLowerCase(text.charAt(s)) ? Kind.NONE : Kind.INITIALS;
        }

        /** Whether a number comes right before the word at {@code wordStart}, after one space ("5 ft."). */
        private boolean numberBefore(int wordStart) {
            return wordStart - 2 >= unitStart && isSpace(text.charAt(wordStart - 1))
                    && isAsciiDigit(text.charAt(wordStart - 2));
        }

        /** Whether a capitalised word or a number comes right before the word at {@code wordStart}. */
        private boolean nameOrNumberBefore(int wordStart) {
            if (wordStart - 2 < unitStart || !isSpace(text.charAt(wordStart - 1))) {
                return false;
            }
            int k = wordStart - 2;
            while (k > unitStart && Character.isLetterOrDigit(text.charAt(k - 1))) {
                k--;
            }
            char c = text.charAt(k);
            return Character.isUpperCase(c) || isAsciiDigit(c);
        }

        /**
         * An initial, acronym or name suffix ends a sentence only before a typical opener, and
         * never before another initial ("J. A. Smith", "В. В. Путин").
         */
        private boolean opensSentence(int k, char f) {
            if (isOpeningQuote(f) && k + 1 < end) {
                return Character.isUpperCase(text.charAt(k + 1));
            }
            if (!Character.isUpperCase(f) || k + 1 < end && text.charAt(k + 1) == '.') {
                return false;
            }
            return Cues.opensSentence(nextWord(k));
        }

        /**
         * After "a.m."/"p.m." (or a unit after a number), the sentence goes on before a time zone
         * ("5 p.m. EST"), a place and "time" ("7 p.m. Kyiv time", "11 p.m. Central European
         * Time"), a weekday ("7 p.m. Tuesday"), or when the sentence so far is only the time ("At
         * 5 a.m. Mr. Smith left").
         */
        private boolean timeContinues(int wordStart, int k) {
            String next = nextWord(k);
            if (next.isEmpty()) {
                return onlyTimeSoFar(wordStart);
            }
            if (Cues.isTimeZone(next)) {
                return true;
            }
            int after = k + next.length();
            if (Cues.isWeekday(next)) {
                return after >= end || text.charAt(after) != '\'' && text.charAt(after) != '’';
            }
            return placeTime(k) || onlyTimeSoFar(wordStart);
        }

        /** "Kyiv time", "Central European Time": one or two capitalised words, then "time". */
        private boolean placeTime(int k) {
            int w = k;
            for (int words = 0; words < 3 && w < end && Character.isUpperCase(text.charAt(w)); words++) {
                int e = w;
                while (e < end && e - w < MAX_WORD_LOOKBEHIND && Character.isLetter(text.charAt(e))) {
                    e++;
                }
                if (words > 0 && e - w == 4 && regionMatches(w, "Time")) {
                    return e == end || !Character.isLetter(text.charAt(e));
                }
                if (e + 5 <= end && text.charAt(e) == ' ' && regionMatches(e + 1, "time")
                        && (e + 5 == end || !Character.isLetter(text.charAt(e + 5)))) {
                    return true;
                }
                if (e >= end || text.charAt(e) != ' ') {
                    return false;
                }
                w = e + 1;
            }
            return false;
        }

        /**
         * Whether the unit before the word at {@code wordStart} is only a time: one to three
         * words that introduce one ("At", "Shortly after", "On Sunday at"), then a number ("5",
         * "7:30").
         */
        private boolean onlyTimeSoFar(int wordStart) {
            int floor = Math.max(unitStart, wordStart - 2 * MAX_WORD_LOOKBEHIND);
            int k = skipBackSpaces(wordStart, floor);
            int numberEnd = k;
            while (k > floor && (isAsciiDigit(text.charAt(k - 1)) || ":.,".indexOf(text.charAt(k - 1)) >= 0)) {
                k--;
            }
            if (k == numberEnd || !isAsciiDigit(text.charAt(k))) {
                return false;
            }
            int words = 0;
            while ((k = skipBackSpaces(k, floor)) > unitStart) {
                int e = k;
                while (k > floor && Character.isLetter(text.charAt(k - 1))) {
                    k--;
                }
                if (k == e || ++words > 3 || !Cues.introducesTime(text.subSequence(k, e).toString())) {
                    return false;
                }
            }
            return words > 0 && k == unitStart;
        }

        /** Back from {@code k} over spaces and commas, not below {@code floor}. */
        private int skipBackSpaces(int k, int floor) {
            while (k > floor && (isSpace(text.charAt(k - 1)) || text.charAt(k - 1) == ',')) {
                k--;
            }
            return k;
        }

        private boolean regionMatches(int at, String word) {
            for (int k = 0; k < word.length(); k++) {
                if (text.charAt(at + k) != word.charAt(k)) {
                    return false;
                }
            }
            return true;
        }

        /** {@code N°.}, {@code nº.}, {@code №.}: the number sign, before a number. */
        private boolean isNumberSign(int period) {
            if (period - 1 < unitStart) {
                return false;
            }
            char sign = text.charAt(period - 1);
            if (sign == '№') {
                return true;
            }
            return (sign == '°' || sign == 'º') && period - 2 >= unitStart
                    && (text.charAt(period - 2) == 'N' || text.charAt(period - 2) == 'n');
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

        /**
         * {@code end.Next}, {@code 1999.Officials}, {@code 7%.Analysts}: a period between a
         * lower-case word or a number and a capitalised word, outside URLs, addresses and titles
         * ({@code Mr.Smith}).
         */
        private boolean gluedBoundary(int start, int terminalsEnd, int runEnd) {
            char next = text.charAt(runEnd);
            if (runEnd > terminalsEnd) {
                // closing quote or bracket glued to the next sentence: ."Next
                return Character.isUpperCase(next) && runEnd + 1 < end && Character.isLowerCase(text.charAt(runEnd + 1));
            }
            if (terminalsEnd != start + 1 || start - 2 < unitStart) {
                return false;
            }
            char before = text.charAt(start - 1);
            boolean afterWord = Character.isLowerCase(before) && Character.isLetter(text.charAt(start - 2));
            if (!afterWord && !isAsciiDigit(before) && before != '%') {
                return false;
            }
            if (!Character.isUpperCase(next) || runEnd + 1 >= end || !Character.isLowerCase(text.charAt(runEnd + 1))) {
                return false;
            }
            if (inWebToken(start) || countryDomainAt(runEnd)) {
                return false;
            }
            if (afterWord) {
                int wordStart = wordBefore(start);
                Kind kind = wordStart < 0 ? Kind.NONE : abbreviations.kindOf(
                        text.subSequence(wordStart, start).toString().toLowerCase(Locale.ROOT));
                return kind != Kind.TITLE && kind != Kind.STREET;
            }
            return true;
        }

        /**
         * A capitalised country-code domain that ends a name, as outlets write it ("News.Az
         * reports", "Trend.Az"): two letters, a country's code and no English word, then no letter.
         */
        private boolean countryDomainAt(int at) {
            if (at + 2 < end && Character.isLetter(text.charAt(at + 2))) {
                return false;
            }
            return at + 2 <= end && COUNTRY_DOMAINS.contains(text.subSequence(at, at + 2).toString().toUpperCase(Locale.ROOT));
        }

        /**
         * Whether the token (the run of non-space chars) around {@code at} is a URL, path,
         * address or file name: it has an {@code @}, {@code /} or {@code \}, starts with "www."
         * or ends in a lower-case extension. Looks both ways, so {@code Jane.Doe@example.com} is
         * an address at its first period; the answer is kept for the whole token, so each token
         * is read once.
         */
        private boolean inWebToken(int at) {
            if (at >= tokenFrom && at < tokenTo) {
                return tokenIsWeb;
            }
            int from = at;
            while (from > regionStart && !isSpace(text.charAt(from - 1))) {
                from--;
            }
            int to = at;
            while (to < end && !isSpace(text.charAt(to))) {
                to++;
            }
            boolean web = false;
            for (int k = from; k < to && !web; k++) {
                char c = text.charAt(k);
                web = c == '@' || c == '/' || c == '\\';
            }
            int w = from;
            while (w < to && !Character.isLetterOrDigit(text.charAt(w))) {
                w++;
            }
            web |= w + 4 < to && (text.charAt(w) | 0x20) == 'w' && (text.charAt(w + 1) | 0x20) == 'w'
                    && (text.charAt(w + 2) | 0x20) == 'w' && text.charAt(w + 3) == '.';
            tokenFrom = from;
            tokenTo = to;
            tokenIsWeb = web || endsInLowerCaseExtension(from, to);
            return tokenIsWeb;
        }

        /**
         * {@code Report.Final.pptx}, {@code Gosuslugi.ru}: a token whose last period is followed
         * by two to six lower-case ASCII letters is a file or domain name, not "end.Next".
         */
        private boolean endsInLowerCaseExtension(int from, int to) {
            int e = to;
            while (e > from && !Character.isLetterOrDigit(text.charAt(e - 1))) {
                e--;
            }
            int s = e;
            while (s > from && e - s <= 6 && text.charAt(s - 1) >= 'a' && text.charAt(s - 1) <= 'z') {
                s--;
            }
            return e - s >= 2 && e - s <= 6 && s - 2 >= from && text.charAt(s - 1) == '.'
                    && Character.isLetterOrDigit(text.charAt(s - 2));
        }

        /** Ends the unit at {@code at}, unless the unit so far is only punctuation ("." or "•"). */
        private void boundary(int at) {
            if (!hasWord(at)) {
                return;
            }
            emit(unitStart, at);
            startUnit(at);
        }

        private void startUnit(int at) {
            unitStart = at;
            unitHasWord = false;
            wordCheckedTo = at;
        }

        /** Whether {@code [unitStart, to)} holds a letter or digit; each char is read once per unit. */
        private boolean hasWord(int to) {
            for (int k = Math.max(wordCheckedTo, unitStart); k < to && !unitHasWord; k++) {
                unitHasWord = Character.isLetterOrDigit(text.charAt(k));
            }
            wordCheckedTo = Math.max(wordCheckedTo, to);
            return unitHasWord;
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

    /** Line breaks, terminals other than ASCII ones, and the bullets of inline lists. */
    private static boolean isNonAsciiStop(char c) {
        return c == '\u0085' || c >= '\u2022' && (c == '\u2028' || c == '\u2029' || isTerminal(c)
                || InlineLists.isInlineBullet(c));
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
