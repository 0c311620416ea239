package org.frametag.core.io;

import java.util.Objects;
import java.util.Optional;

/**
 * Which columns of a CSV or TSV file hold a document's text, id and date; every other column is
 * kept as metadata, as the extra fields of a JSON Lines record are. A column named here must be
 * in the header; without a name, the id and date come from columns {@code id} and {@code date}
 * when the header has them.
 *
 * @param text the column of the text (default {@code text})
 * @param id   the column of the document id; ids are {@code FILE-LINE} without one
 * @param date the column of the publication date ({@code YYYY-MM-DD}, or a date-time that starts so)
 */
public record CsvColumns(String text, Optional<String> id, Optional<String> date) {

    static final String TEXT = "text";
    static final String ID = "id";
    static final String DATE = "date";

    public CsvColumns {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(date, "date");
    }

    /** Text in {@code text}, the id in {@code id} and the date in {@code date} when there are such columns. */
    public static CsvColumns defaults() {
        return new CsvColumns(TEXT, Optional.empty(), Optional.empty());
    }
}
