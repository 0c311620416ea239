package org.frametag.core.io;

/** What to do with bytes that are not UTF-8: reject the document, or replace them with U+FFFD. */
public enum InvalidUtf8 {
    ERROR,
    REPLACE
}
