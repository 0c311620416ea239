package org.frametag.core.segment;

import java.util.Random;

/** Seeded generators of hostile text: arbitrary UTF-16 units, and news-like text dense in punctuation. */
final class RandomText {

    private static final String NEWS_ALPHABET =
            "aaaeeeiioouusttnnrrlldAETSMUJ0123456789  \n\n\t.,.,!?;:…\"'“”‘’()[]•-–—*/@#%$€_:";

    private RandomText() {
    }

    /** Any UTF-16 code unit: controls, lone surrogates, private use, unassigned. */
    static String anyUnits(Random random, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int k = 0; k < length; k++) {
            out.append((char) random.nextInt(Character.MAX_VALUE + 1));
        }
        return out.toString();
    }

    /** Mostly news-like characters, with words, abbreviations and line breaks. */
    static String newsLike(Random random, int length) {
        StringBuilder out = new StringBuilder(length);
        String[] pieces = {"Mr.", "U.S.", "a.m.", "e.g.", "1.", "(a)", "...", "kremlin.ru", "\n\n", "\r\n", "J. R.",
            "3.14", "”he said", "etc.", " \u00A0", "\uD83D\uDE00", "\uD800", "\u2029", "No. 5", "www.x.org/a.",
            " 2. ", " b) ", "(ii) ", " • ", "⁃3.", "1.) ", " . . . ", ". . . .", "[...]", "(Smith 5).", "N°. ",
            "J.Doe@x.org", "1999.The", "7 p.m. Kyiv time", "Type A. ", "2021 г. ", "ул. ", "\nlower\nlist\n"};
        while (out.length() < length) {
            if (random.nextInt(8) == 0) {
                out.append(pieces[random.nextInt(pieces.length)]);
            } else if (random.nextInt(40) == 0) {
                out.append((char) random.nextInt(Character.MAX_VALUE + 1));
            } else {
                out.append(NEWS_ALPHABET.charAt(random.nextInt(NEWS_ALPHABET.length())));
            }
        }
        return out.substring(0, length);
    }
}
