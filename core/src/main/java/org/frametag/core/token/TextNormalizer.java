package org.frametag.core.token;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Folds the spelling variants that news text mixes freely (curly and straight quotes, the
 * several dashes, compatibility forms, case, and accents on Latin letters: "Doppelgänger",
 * "Côte d'Ivoire", "Bogotá") into one form for matching. Other scripts keep their marks, since
 * in Cyrillic "й" and "и" are different letters.
 */
public final class TextNormalizer {

    public String normalize(CharSequence surface) {
        String ascii = asciiFastPath(surface);
        if (ascii != null) {
            return ascii;
        }
        String decomposed = Normalizer.normalize(surface, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK && i > 0 && isLatin(decomposed.charAt(i - 1))) {
                continue;
            }
            out.append(fold(c));
        }
        return Normalizer.normalize(out, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    /** Plain ASCII (most news tokens) needs only lower-casing: NFKC and the folds leave it alone. */
    private static String asciiFastPath(CharSequence surface) {
        int length = surface.length();
        boolean upper = false;
        for (int i = 0; i < length; i++) {
            char c = surface.charAt(i);
            if (c >= 0x80 || c == '`') {
                return null;
            }
            upper |= c >= 'A' && c <= 'Z';
        }
        if (!upper) {
            return surface.toString();
        }
        char[] lower = new char[length];
        for (int i = 0; i < length; i++) {
            char c = surface.charAt(i);
            lower[i] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return new String(lower);
    }

    private static boolean isLatin(char c) {
        return c < 0x250 && Character.isLetter(c);
    }

    private static char fold(char c) {
        return switch (c) {
            case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u00B4', '`' -> '\'';
            case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB' -> '"';
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\uFE58', '\uFE63', '\uFF0D' -> '-';
            case '\u00A0', '\u2007', '\u202F' -> ' ';
            default -> c;
        };
    }
}
