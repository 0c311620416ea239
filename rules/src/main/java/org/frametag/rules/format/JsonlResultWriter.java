package org.frametag.rules.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.frametag.api.ClassifiedDocument;

/**
 * The machine contract: one JSON object per sentence ({@link SentenceRecord}), in document order,
 * untagged sentences included with {@code "tags": []}; the document's date and other fields, if
 * any, in a {@code "meta"} object on each. {@code doc} comes first, so a resumed run can find the
 * document of a line cut short.
 */
public final class JsonlResultWriter implements ResultWriter {

    private static final ObjectWriter RECORD = new ObjectMapper().writerFor(SentenceRecord.class);

    private final Writer out;

    public JsonlResultWriter(Writer out) {
        this.out = out;
    }

    /** The lines of {@code document}, each ended by a line break: what this writer writes for it. */
    public static String lines(ClassifiedDocument document) {
        StringBuilder lines = new StringBuilder();
        for (SentenceRecord record : SentenceRecord.of(document)) {
            try {
                lines.append(RECORD.writeValueAsString(record)).append('\n');
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException("cannot write a sentence record of " + document.id(), e);
            }
        }
        return lines.toString();
    }

    @Override
    public void write(ClassifiedDocument document) throws IOException {
        out.write(lines(document));
    }

    /** Where the document came from: its file, or {@code -} for standard input. */
    static String path(ClassifiedDocument document) {
        return document.document().origin() == null ? null : document.document().origin().path();
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
