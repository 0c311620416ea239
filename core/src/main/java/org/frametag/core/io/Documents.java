package org.frametag.core.io;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.frametag.core.text.Document;
import org.frametag.core.text.Origin;
import org.frametag.core.text.Span;

/** Builds documents from decoded text, taking the optional leading date line as metadata. */
public final class Documents {

    private static final Pattern DATE_LINE = Pattern.compile("\\A\\s*date[ \\t]+(\\d{4}-\\d{2}-\\d{2})(?:[ \\t]*(?:\\r?\\n|\\z)|[ \\t]+)");

    /**
     * A plain-text document: if the text opens with {@code date YYYY-MM-DD} (on a line of its own
     * or followed by the first sentence), that is the document's date and the body starts after it.
     */
    public static Document fromText(String id, String text, Map<String, Object> fields, Origin origin) {
        Matcher m = DATE_LINE.matcher(text);
        if (m.lookingAt()) {
            Optional<LocalDate> date = parseDate(m.group(1));
            if (date.isPresent()) {
                return new Document(id, text, new Span(m.end(), text.length()), date, fields, origin);
            }
        }
        return new Document(id, text, new Span(0, text.length()), Optional.empty(), fields, origin);
    }

    /** A date {@code YYYY-MM-DD}, alone or at the start of a date-time ({@code 2024-05-01T08:30:00Z}, {@code 2024-05-01 08:30}). */
    static Optional<LocalDate> parseDate(String value) {
        String date = value.strip();
        if (date.length() > 10 && (date.charAt(10) == 'T' || date.charAt(10) == ' ')) {
            date = date.substring(0, 10);
        }
        try {
            return Optional.of(LocalDate.parse(date));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private Documents() {
    }
}
