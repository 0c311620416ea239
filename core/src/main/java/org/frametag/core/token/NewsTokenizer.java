package org.frametag.core.token;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.frametag.core.text.Span;
import org.frametag.core.text.Token;
import org.frametag.core.text.TokenKind;

/**
 * A tokenizer for English news: keeps hyphenated and apostrophe words, numbers with
 * separators, percentages, money, abbreviations, URLs, e-mail addresses, domains, hashtags
 * and handles whole; every other non-space character is a token of its own.
 */
public final class NewsTokenizer implements Tokenizer {

    private static final Pattern URL = Pattern.compile("(?:https?://|www\\.)[^\\s<>\"“”]+", Pattern.CASE_INSENSITIVE);
    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+");
    private static final Pattern DOMAIN = Pattern.compile("[\\p{Ll}\\p{N}][\\p{Ll}\\p{N}-]*(?:\\.[\\p{Ll}\\p{N}-]+)*\\.(\\p{Ll}{2,6})(?![\\p{L}\\p{N}])");
    private static final Pattern HANDLE = Pattern.compile("[@#][\\p{L}\\p{N}_]+");
    private static final Pattern INITIALISM = Pattern.compile("(?:\\p{L}\\.){2,}");
    private static final Pattern MONEY = Pattern.compile("[$€£¥₽₹](?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,:/]\\d+)*(?:st|nd|rd|th)?(?![\\p{L}])");
    private static final Pattern PERCENT_SIGN = Pattern.compile("\\s?%");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}]*(?:[-'’‑][\\p{L}\\p{M}\\p{N}]+)*");
    private static final Pattern ELLIPSIS = Pattern.compile("\\.{2,}|…");

    private static final Set<String> TOP_LEVEL_DOMAINS = Set.of(
            "com", "org", "net", "gov", "edu", "int", "mil", "info", "io", "ru", "ua", "uk", "us", "eu",
            "de", "fr", "it", "es", "pl", "cn", "in", "jp", "br", "ca", "au", "by", "kz", "news", "tv");

    /** Abbreviations that keep their period as part of the token. */
    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "gov", "sen",
            "rep", "rev", "st", "jr", "sr", "inc", "corp", "ltd", "co", "plc", "dept", "univ", "jan", "feb",
            "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "nos", "vs", "etc",
            "approx", "est", "fig", "vol", "op", "cf", "al", "pp", "mt", "ft", "pres", "min", "max");

    private final TextNormalizer normalizer = new TextNormalizer();
    private final Stemmer stemmer = new Stemmer();

    @Override
    public List<Token> tokenize(CharSequence text, Span region) {
        List<Token> tokens = new ArrayList<>();
        Matcher m = URL.matcher(text);
        int i = region.start();
        int end = region.end();
        while (i < end) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                i++;
                continue;
            }
            int next = scan(m, text, i, end, tokens);
            i = next > i ? next : i + 1;
        }
        return tokens;
    }

    private int scan(Matcher m, CharSequence text, int i, int end, List<Token> out) {
        char c = text.charAt(i);
        if (Character.isLetter(c)) {
            int stop;
            if ((stop = match(m, URL, text, i, end)) > 0) {
                return emit(out, text, i, trimTrailingPunctuation(text, i, stop), TokenKind.URL);
            }
            if ((stop = match(m, EMAIL, text, i, end)) > 0) {
                return emit(out, text, i, stop, TokenKind.EMAIL);
            }
            if ((stop = match(m, DOMAIN, text, i, end)) > 0
                    && TOP_LEVEL_DOMAINS.contains(m.group(1))) {
                return emit(out, text, i, stop, TokenKind.URL);
            }
            if ((stop = match(m, INITIALISM, text, i, end)) > 0) {
                return emit(out, text, i, stop, TokenKind.ABBREVIATION);
            }
            stop = match(m, WORD, text, i, end);
            if (stop < end && text.charAt(stop) == '.'
                    && ABBREVIATIONS.contains(text.subSequence(i, stop).toString().toLowerCase(java.util.Locale.ROOT))) {
                return emit(out, text, i, stop + 1, TokenKind.ABBREVIATION);
            }
            return emit(out, text, i, stop, TokenKind.WORD);
        }
        if (Character.isDigit(c)) {
            int stop = match(m, NUMBER, text, i, end);
            if (stop < 0) {
                return emit(out, text, i, match(m, WORD, text, i, end), TokenKind.WORD);
            }
            int percent = match(m, PERCENT_SIGN, text, stop, end);
            if (percent > 0) {
                return emit(out, text, i, percent, TokenKind.PERCENT);
            }
            return emit(out, text, i, stop, TokenKind.NUMBER);
        }
        int stop;
        if ((stop = match(m, MONEY, text, i, end)) > 0) {
            return emit(out, text, i, stop, TokenKind.MONEY);
        }
        if ((c == '@' || c == '#') && (stop = match(m, HANDLE, text, i, end)) > 0) {
            return emit(out, text, i, stop, c == '@' ? TokenKind.HANDLE : TokenKind.HASHTAG);
        }
        if ((stop = match(m, ELLIPSIS, text, i, end)) > 0) {
            return emit(out, text, i, stop, TokenKind.PUNCTUATION);
        }
        int width = Character.charCount(Character.codePointAt(text, i));
        int after = Math.min(end, i + width);
        TokenKind kind = isPunctuation(Character.codePointAt(text, i)) ? TokenKind.PUNCTUATION : TokenKind.SYMBOL;
        return emit(out, text, i, after, kind);
    }

    private static int match(Matcher m, Pattern p, CharSequence text, int from, int end) {
        m.usePattern(p);
        m.region(from, end);
        return m.lookingAt() ? m.end() : -1;
    }

    private static int trimTrailingPunctuation(CharSequence text, int start, int stop) {
        while (stop > start + 1 && ".,;:!?)]}'’\"”".indexOf(text.charAt(stop - 1)) >= 0) {
            stop--;
        }
        return stop;
    }

    private static boolean isPunctuation(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }

    private int emit(List<Token> out, CharSequence text, int start, int stop, TokenKind kind) {
        String surface = text.subSequence(start, stop).toString();
        String norm = normalizer.normalize(surface);
        String stem = kind == TokenKind.WORD ? stemmer.stem(norm) : norm;
        out.add(new Token(new Span(start, stop), surface, norm, stem, kind));
        return stop;
    }
}
