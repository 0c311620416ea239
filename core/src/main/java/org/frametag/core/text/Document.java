package org.frametag.core.text;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A document as read, never altered: offsets everywhere refer to {@link #text()}.
 *
 * @param id     the document id (file name without extension, or the JSONL {@code id})
 * @param text   the full original text
 * @param body   the part of the text that holds sentences (after a leading {@code date} line)
 * @param date   the publication date, if the document gave one
 * @param fields other metadata a JSONL record or CSV row carried, in its order, kept for the output
 * @param origin where the document came from, for error messages
 */
public record Document(String id, String text, Span body, Optional<LocalDate> date,
                       Map<String, Object> fields, Origin origin) {

    public Document {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(body, "body");
        if (body.end() > text.length()) {
            throw new IllegalArgumentException("body " + body + " outside text of length " + text.length());
        }
        // in input order, and a JSON null stays a value
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** A document whose whole text is body, with no metadata. */
    public static Document of(String id, String text) {
        return new Document(id, text, new Span(0, text.length()), Optional.empty(), Map.of(), new Origin(id, null));
    }
}
