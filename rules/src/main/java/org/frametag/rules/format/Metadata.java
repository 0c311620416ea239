package org.frametag.rules.format;

import java.util.LinkedHashMap;
import java.util.Map;
import org.frametag.core.text.Document;

/**
 * What a document carried besides its text, as the output formats write it: its date, then the
 * fields of its JSON Lines record or CSV row in their order, so a result can be grouped by date,
 * source or any other field without going back to the input.
 */
final class Metadata {

    /** Flag of documents read with {@code --on-invalid-utf8 replace} whose bytes were not all UTF-8. */
    static final String REPLACED = "invalid_utf8_replaced";
    static final String DATE = "date";

    private Metadata() {
    }

    /**
     * The document's date ({@code YYYY-MM-DD}) unless a field named {@code date} says it as given,
     * then its fields but the reading flag; empty when there are none.
     */
    static Map<String, Object> of(Document document) {
        Map<String, Object> meta = new LinkedHashMap<>();
        if (document.date().isPresent() && !document.fields().containsKey(DATE)) {
            meta.put(DATE, document.date().get().toString());
        }
        document.fields().forEach((key, value) -> {
            if (!key.equals(REPLACED)) {
                meta.put(key, value);
            }
        });
        return meta;
    }
}
