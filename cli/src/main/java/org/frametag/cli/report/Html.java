package org.frametag.cli.report;

import java.util.Locale;
import org.apache.commons.text.StringEscapeUtils;

/**
 * Text for the report. Every string that comes from a document, a pack or a gold file goes
 * through {@link #text}, whether it lands in an element or in a double-quoted attribute, so
 * nothing a document says can become markup.
 */
final class Html {

    /** {@code value} as HTML text or as the inside of a double-quoted attribute value. */
    static String text(String value) {
        return StringEscapeUtils.escapeHtml4(value);
    }

    /** {@code value}, escaped, in curly quotes. */
    static String quoted(String value) {
        return "“" + text(value) + "”";
    }

    /** {@code n} with thousands separated: 5,678. */
    static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** {@code n} and {@code noun}, plural unless one: 1 sentence, 5,678 documents. */
    static String count(long n, String noun) {
        return number(n) + " " + noun + (n == 1 ? "" : "s");
    }

    private Html() {
    }
}
