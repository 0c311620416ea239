package org.frametag.core.text;

/** The shape of a token, so rules can ask for "a percentage" or "a number" without listing them. */
public enum TokenKind {
    WORD,
    NUMBER,
    PERCENT,
    MONEY,
    ABBREVIATION,
    URL,
    /** A file name with a known extension, such as {@code report_2021.pdf}. */
    FILE_NAME,
    EMAIL,
    HANDLE,
    HASHTAG,
    PUNCTUATION,
    SYMBOL
}
