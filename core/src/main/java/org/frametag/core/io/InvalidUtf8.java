package org.frametag.core.io;

import java.util.Locale;

/** What to do with bytes that are not UTF-8: reject the document, or replace them with U+FFFD. */
public enum InvalidUtf8 {
    ERROR,
    REPLACE;

    /** As users spell it: {@code error}, {@code replace}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
