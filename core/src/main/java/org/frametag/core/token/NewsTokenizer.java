package org.frametag.core.token;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.frametag.core.segment.Abbreviations;
import org.frametag.core.text.Span;
import org.frametag.core.text.Token;
import org.frametag.core.text.TokenKind;

/**
 * A tokenizer for English news, written as a hand-made character scanner (one pass, no regular
 * expressions, linear time). It keeps whole: words with internal hyphens and apostrophes
 * ({@code e-voting}, {@code Russia’s}), numbers with separators, ordinals, percentages, money,
 * dotted acronyms and known abbreviations with their period ({@code U.S.}, {@code Gen.}), URLs,
 * domains, e-mail addresses, file names, hashtags and handles. Every other non-space character
 * is a token of its own, so a sentence's tokens cover all of its non-space text.
 *
 * <p>Documents and term lists go through the same tokenizer, so a multiword term always
 * matches the text it was written from. Safe to share between threads.
 */
public final class NewsTokenizer implements Tokenizer {

    /** Slots in each thread's memo of recent tokens and their stems. */
    public static final int DEFAULT_MEMO_SIZE = 1 << 16;

    private static final Set<String> TOP_LEVEL_DOMAINS = Set.of(
            "com", "org", "net", "gov", "edu", "int", "mil", "info", "io", "ru", "ua", "uk", "us", "eu",
            "de", "fr", "it", "es", "pl", "cn", "in", "jp", "br", "ca", "au", "by", "kz", "news", "tv",
            "rf", "рф", "su", "ch", "nl", "se", "no", "fi", "ee", "lv", "lt", "ge", "am", "az", "uz", "kg",
            "tj", "md", "ro", "bg", "cz", "sk", "hu", "at", "be", "dk", "ie", "pt", "gr", "tr", "il", "ir",
            "kr", "tw", "hk", "sg", "nz", "za", "mx", "ar", "cl", "co", "me", "ly", "gl", "online",
            "site", "media", "live", "press", "today", "world");

    private static final Set<String> FILE_EXTENSIONS = Set.of(
            "pdf", "doc", "docx", "xls", "xlsx", "csv", "txt", "ppt", "pptx", "odt", "rtf", "jpg", "jpeg",
            "png", "gif", "svg", "mp3", "mp4", "avi", "mov", "zip", "rar", "gz", "tar", "json", "xml",
            "html", "htm", "php", "aspx", "exe", "apk", "py", "java", "js");

    /** Abbreviations that keep their period as part of the token: the list the segmenter reads too. */
    private static final Set<String> ABBREVIATIONS = Abbreviations.standard().words();

    private final TextNormalizer normalizer = new TextNormalizer();
    private final ThreadLocal<TokenMemo> memo;

    public NewsTokenizer() {
        this(DEFAULT_MEMO_SIZE);
    }

    /**
     * @param memoSize slots in each thread's bounded memo of tokens, normalised forms and stems
     *                 (0 turns memoisation off; results are the same either way)
     */
    public NewsTokenizer(int memoSize) {
        if (memoSize < 0) {
            throw new IllegalArgumentException("memoSize must not be negative: " + memoSize);
        }
        this.memo = ThreadLocal.withInitial(() -> new TokenMemo(memoSize));
    }

    @Override
    public Tokenizer withMemo(int slots) {
        return new NewsTokenizer(slots);
    }

    @Override
    public List<Token> tokenize(CharSequence chars, Span region) {
        if (region.end() > chars.length()) {
            throw new IllegalArgumentException("region " + region + " outside text of length " + chars.length());
        }
        // a String's chars are read by a call the quick compiler inlines, a CharSequence's by an
        // interface call per char; a document's text is a String already, so this copies nothing
        String text = chars.toString();
        Sink out = new Sink(new ArrayList<>(region.length() / 6 + 4), memo.get());
        int end = region.end();
        int i = region.start();
        while (i < end) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                i++;
            } else {
                i = token(text, i, end, out);
            }
        }
        return out.tokens;
    }

    /** Where one call puts its tokens, with the calling thread's memo. */
    private record Sink(List<Token> tokens, TokenMemo memo) {
    }

    /** Emits the token starting at {@code i} and returns where it ends. */
    private int token(String text, int i, int end, Sink out) {
        char first = text.charAt(i);
        int cp = first < Character.MIN_SURROGATE ? first : text.codePointAt(i);
        if (isWordCodePoint(cp)) {
            if (((first | 0x20) == 'h' || (first | 0x20) == 'w') && startsUrl(text, i, end)) {
                return emit(out, text, i, urlEnd(text, i, end), TokenKind.URL);
            }
            return word(text, i, end, out);
        }
        char c = text.charAt(i);
        if ((c == '#' || c == '@') && i + 1 < end && isHandleChar(text.charAt(i + 1))) {
            int j = i + 1;
            while (j < end && isHandleChar(text.charAt(j))) {
                j++;
            }
            return emit(out, text, i, j, c == '#' ? TokenKind.HASHTAG : TokenKind.HANDLE);
        }
        if (isCurrency(c) && i + 1 < end && isDigit(text.charAt(i + 1))) {
            return emit(out, text, i, numberEnd(text, i + 1, end), TokenKind.MONEY);
        }
        if (c == '.' && i + 1 < end && text.charAt(i + 1) == '.') {
            int j = i + 2;
            while (j < end && text.charAt(j) == '.') {
                j++;
            }
            return emit(out, text, i, j, TokenKind.PUNCTUATION);
        }
        int stop = Math.min(end, i + Character.charCount(cp));
        return emit(out, text, i, stop, isPunctuation(cp) ? TokenKind.PUNCTUATION : TokenKind.SYMBOL);
    }

    /**
     * A run of letters and digits joined by hyphens, apostrophes, periods, underscores, an
     * {@code @}, or by commas, colons and slashes between digits; then classified by shape.
     */
    private int word(String text, int i, int end, Sink out) {
        int j = i;
        int firstDot = -1;
        int lastDot = -1;
        int at = -1;
        while (j < end) {
            char unit = text.charAt(j);
            if (unit < 0x80 && isWordCodePoint(unit)) {
                j++;
                continue;
            }
            int cp = unit < Character.MIN_SURROGATE ? unit : text.codePointAt(j);
            // (no ASCII char is a non-spacing mark)
            if (isWordCodePoint(cp) || cp >= 0x80 && j > i && Character.getType(cp) == Character.NON_SPACING_MARK) {
                j += Character.charCount(cp);
                continue;
            }
            if (j + 1 >= end || !isWordCodePoint(codePointAt(text, j + 1))) {
                break;
            }
            char c = text.charAt(j);
            boolean digitsAround = isDigit(text.charAt(j - 1)) && isDigit(text.charAt(j + 1));
            if (c == '.') {
                if (firstDot < 0) {
                    firstDot = j;
                }
                lastDot = j;
            } else if (c == '@') {
                if (at >= 0) {
                    break;
                }
                at = j;
            } else if (!(isJoiner(c) || c == '_' || digitsAround && (c == ',' || c == ':' || c == '/')
                    || c == '–' && Character.isLetter(text.charAt(j - 1)) && Character.isLetter(text.charAt(j + 1)))) {
                break;
            }
            j++;
        }
        if (at >= 0) {
            if (lastDot > at) {
                return emit(out, text, i, j, TokenKind.EMAIL);
            }
            return plainWord(text, i, at, end, out, firstDot >= 0 && firstDot < at);
        }
        if (firstDot >= 0) {
            return dotted(text, i, j, end, firstDot, lastDot, out);
        }
        return plainWord(text, i, j, end, out, false);
    }

    private int dotted(String text, int i, int j, int end, int firstDot, int lastDot, Sink out) {
        if (isInitialism(text, i, j)) {
            int stop = j < end && text.charAt(j) == '.' ? j + 1 : j;
            return emit(out, text, i, stop, TokenKind.ABBREVIATION);
        }
        if (isNumeric(text, i, j)) {
            return number(text, i, j, end, out);
        }
        if (isGluedPercent(text, i, j)) {
            return emit(out, text, i, j, TokenKind.PERCENT);
        }
        String suffix = text.substring(lastDot + 1, j);
        if (TOP_LEVEL_DOMAINS.contains(suffix)) {
            int stop = j < end && text.charAt(j) == '/' ? urlEnd(text, j, end) : j;
            return emit(out, text, i, stop, TokenKind.URL);
        }
        if (FILE_EXTENSIONS.contains(suffix.toLowerCase(Locale.ROOT))) {
            return emit(out, text, i, j, TokenKind.FILE_NAME);
        }
        if ((text.charAt(i) == 'v' || text.charAt(i) == 'V') && isNumeric(text, i + 1, j)) {
            return number(text, i, j, end, out);
        }
        // "end.Next", "Mr.Smith": a period glued between words is punctuation
        return plainWord(text, i, firstDot, end, out, false);
    }

    private int plainWord(String text, int i, int j, int end, Sink out, boolean hasDot) {
        if (hasDot) {
            return plainWord(text, i, indexOf(text, '.', i, j), end, out, false);
        }
        if (isNumeric(text, i, j)) {
            return number(text, i, j, end, out);
        }
        if (isOrdinal(text, i, j)) {
            return emit(out, text, i, j, TokenKind.NUMBER);
        }
        if (isGluedPercent(text, i, j)) {
            return emit(out, text, i, j, TokenKind.PERCENT);
        }
        if (j < end && text.charAt(j) == '.' && j - i <= 6 && ABBREVIATIONS.contains(lower(text, i, j))) {
            return emit(out, text, i, j + 1, TokenKind.ABBREVIATION);
        }
        if (j + 1 < end && text.charAt(j) == '$' && isDigit(text.charAt(j + 1)) && j - i <= 3 && isUpper(text, i, j)) {
            return emit(out, text, i, numberEnd(text, j + 1, end), TokenKind.MONEY);
        }
        return emitWord(out, text, i, j);
    }

    /**
     * A word, with an English clitic at its end split off as a token of its own, as the Penn
     * Treebank does: "CEC’s" is "CEC" + "’s", "hasn't" is "has" + "n't", "It’s" is "It" + "’s", so
     * lists match the word and negation lists see "n't".
     */
    private int emitWord(Sink out, String text, int i, int j) {
        int clitic = cliticStart(text, i, j);
        if (clitic > i) {
            emit(out, text, i, clitic, TokenKind.WORD);
            return emit(out, text, clitic, j, TokenKind.WORD);
        }
        return emit(out, text, i, j, TokenKind.WORD);
    }

    /** Where a clitic ('s, 'm, 'd, 'll, 're, 've, n't) at the end of {@code [i, j)} starts, or -1. */
    private static int cliticStart(String text, int i, int j) {
        int length = j - i;
        if (length < 3) {
            return -1;
        }
        for (int size = 2; size <= 3; size++) {
            int apostrophe = j - size;
            if (apostrophe <= i || !isApostrophe(text.charAt(apostrophe))) {
                continue;
            }
            String tail = lower(text, apostrophe + 1, j);
            boolean clitic = size == 2 ? tail.equals("s") || tail.equals("m") || tail.equals("d")
                    : tail.equals("ll") || tail.equals("re") || tail.equals("ve");
            if (size == 2 && tail.equals("t") && (text.charAt(apostrophe - 1) | 0x20) == 'n' && apostrophe - 2 >= i) {
                return Character.isLetter(text.charAt(apostrophe - 2)) ? apostrophe - 1 : -1;
            }
            if (clitic && Character.isLetter(text.charAt(apostrophe - 1))) {
                return apostrophe;
            }
        }
        return -1;
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '’';
    }

    private int number(String text, int i, int j, int end, Sink out) {
        if (j < end && text.charAt(j) == '%') {
            return emit(out, text, i, j + 1, TokenKind.PERCENT);
        }
        if (j + 1 < end && text.charAt(j) == ' ' && text.charAt(j + 1) == '%') {
            return emit(out, text, i, j + 2, TokenKind.PERCENT);
        }
        return emit(out, text, i, j, TokenKind.NUMBER);
    }

    private static boolean startsUrl(String text, int i, int end) {
        char c = text.charAt(i);
        if (c == 'h' || c == 'H') {
            return regionMatches(text, i, end, "http://") || regionMatches(text, i, end, "https://");
        }
        return (c == 'w' || c == 'W') && regionMatches(text, i, end, "www.") && i + 4 < end
                && isWordChar(text.charAt(i + 4));
    }

    /** A URL runs to the next space or angle bracket or quote, less trailing sentence punctuation. */
    private static int urlEnd(String text, int i, int end) {
        int j = i;
        while (j < end) {
            char c = text.charAt(j);
            if (isSpace(c) || c == '<' || c == '>' || c == '"' || c == '“' || c == '”') {
                break;
            }
            j++;
        }
        while (j > i + 1 && ".,;:!?)]}'’".indexOf(text.charAt(j - 1)) >= 0) {
            j--;
        }
        return j;
    }

    /** Digits with thousands separators and a decimal part: {@code 1,250,000.50}. */
    private static int numberEnd(String text, int i, int end) {
        int j = i;
        while (j < end) {
            char c = text.charAt(j);
            if (isDigit(c) || (c == ',' || c == '.') && j + 1 < end && isDigit(text.charAt(j + 1))) {
                j++;
            } else {
                break;
            }
        }
        return j;
    }

    /** Single letters each followed by a period: {@code U.S}, {@code a.m}, {@code J.R.R}. */
    private static boolean isInitialism(String text, int i, int j) {
        for (int k = i; k < j; k += 2) {
            if (!Character.isLetter(text.charAt(k)) || k + 1 < j && text.charAt(k + 1) != '.') {
                return false;
            }
        }
        return true;
    }

    /** Digits and the separators between them, nothing else. */
    private static boolean isNumeric(String text, int i, int j) {
        if (i >= j) {
            return false;
        }
        for (int k = i; k < j; k++) {
            char c = text.charAt(k);
            if (!isDigit(c) && ".,:/-‐‑".indexOf(c) < 0) {
                return false;
            }
        }
        return isDigit(text.charAt(i));
    }

    /** A share written as headlines write it: "60pc", "12.5pct", "40percent". */
    private static boolean isGluedPercent(String text, int i, int j) {
        int k = i;
        while (k < j && (isDigit(text.charAt(k)) || k > i && text.charAt(k) == '.')) {
            k++;
        }
        if (k == i || !isDigit(text.charAt(k - 1))) {
            return false;
        }
        String suffix = lower(text, k, j);
        return suffix.equals("pc") || suffix.equals("pct") || suffix.equals("percent");
    }

    private static boolean isOrdinal(String text, int i, int j) {
        if (j - i < 3 || !isDigit(text.charAt(i))) {
            return false;
        }
        String suffix = lower(text, j - 2, j);
        if (!suffix.equals("st") && !suffix.equals("nd") && !suffix.equals("rd") && !suffix.equals("th")) {
            return false;
        }
        for (int k = i; k < j - 2; k++) {
            if (!isDigit(text.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUpper(String text, int i, int j) {
        for (int k = i; k < j; k++) {
            if (text.charAt(k) < 'A' || text.charAt(k) > 'Z') {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(String text, char c, int i, int j) {
        for (int k = i; k < j; k++) {
            if (text.charAt(k) == c) {
                return k;
            }
        }
        return j;
    }

    private static boolean regionMatches(String text, int i, int end, String prefix) {
        if (end - i < prefix.length()) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            if (Character.toLowerCase(text.charAt(i + k)) != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static String lower(String text, int i, int j) {
        return text.substring(i, j).toLowerCase(Locale.ROOT);
    }

    /** {@code Character.codePointAt} without its call of {@code String.codePointAt} for a char below the surrogates. */
    private static int codePointAt(String text, int i) {
        char c = text.charAt(i);
        return c < Character.MIN_SURROGATE ? c : text.codePointAt(i);
    }

    private static boolean isJoiner(char c) {
        return c == '-' || c == '\'' || c == '’' || c == '‐' || c == '‑';
    }

    /** ASCII digits (bits 48-57 of the low word) and letters (bits 1-26 and 33-58 of the high word). */
    private static final long ASCII_DIGITS = 0x03FF_0000_0000_0000L;
    private static final long ASCII_LETTERS = 0x07FF_FFFE_07FF_FFFEL;

    private static boolean isWordCodePoint(int cp) {
        if (cp < 64) {
            return (ASCII_DIGITS >>> cp & 1) != 0;
        }
        if (cp < 128) {
            return (ASCII_LETTERS >>> (cp - 64) & 1) != 0;
        }
        return Character.isLetterOrDigit(cp);
    }

    private static boolean isWordChar(char c) {
        return isWordCodePoint(c) || Character.isHighSurrogate(c);
    }

    private static boolean isHandleChar(char c) {
        return isWordCodePoint(c) || c == '_';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isCurrency(char c) {
        return c == '$' || c == '€' || c == '£' || c == '¥' || c == '₽' || c == '₹' || c == '₴' || c == '₩';
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || (c > ' ' && c < 0x80 ? false : Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085');
    }

    private static boolean isPunctuation(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }

    private int emit(Sink out, String text, int start, int stop, TokenKind kind) {
        TokenMemo tokens = out.memo;
        char first = text.charAt(start);
        if (stop - start == 1 && first < 0x80) {
            TokenMemo.Entry single = tokens.single(first, kind, normalizer);
            out.tokens.add(new Token(new Span(start, stop), single.surface(), single.norm(), single.stem(), kind));
            return stop;
        }
        long key = TokenMemo.key(text, start, stop, kind);
        long secondKey = TokenMemo.secondKey(text, start, stop, key);
        TokenMemo.Entry entry = tokens.find(text, start, stop, key, secondKey);
        if (entry == null) {
            String surface = text.substring(start, stop);
            String norm = normalizer.normalize(surface);
            String stem = kind == TokenKind.WORD ? Lemmatizer.english().baseForm(norm) : norm;
            entry = new TokenMemo.Entry(surface, norm, stem, kind);
            tokens.remember(key, secondKey, entry);
        }
        out.tokens.add(new Token(new Span(start, stop), entry.surface(), entry.norm(), entry.stem(), kind));
        return stop;
    }
}
