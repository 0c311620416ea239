package org.frametag.rules.format;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.Map;
import org.frametag.api.ClassifiedDocument;
import org.frametag.api.SentenceResult;
import org.frametag.api.Tag;
import org.frametag.core.text.Span;

/**
 * The machine contract: one JSON object per sentence, in document order, untagged sentences
 * included with {@code "tags": []}; the document's date and other fields, if any, in a
 * {@code "meta"} object on each.
 */
public final class JsonlResultWriter implements ResultWriter {

    private final Writer out;
    private final ObjectMapper json = new ObjectMapper();

    public JsonlResultWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void write(ClassifiedDocument document) throws IOException {
        String text = document.document().text();
        boolean replaced = Boolean.TRUE.equals(document.document().fields().get(Metadata.REPLACED));
        Map<String, Object> meta = Metadata.of(document.document());
        String metaJson = meta.isEmpty() ? null : json.writeValueAsString(meta);
        StringWriter lines = new StringWriter();
        try (JsonGenerator g = json.getFactory().createGenerator(lines)) {
            g.setRootValueSeparator(null);
            for (SentenceResult s : document.sentences()) {
                g.writeStartObject();
                g.writeStringField("doc", document.id());
                g.writeNumberField("sentence", s.sentence().index());
                g.writeNumberField("start", s.sentence().start());
                g.writeNumberField("end", s.sentence().end());
                g.writeStringField("text", s.sentence().text());
                g.writeArrayFieldStart("tags");
                for (Tag tag : s.tags()) {
                    g.writeStartObject();
                    g.writeStringField("category", tag.category());
                    g.writeStringField("rule", tag.rule());
                    g.writeArrayFieldStart("evidence");
                    for (Span e : tag.evidence()) {
                        g.writeStartObject();
                        g.writeNumberField("start", e.start());
                        g.writeNumberField("end", e.end());
                        g.writeStringField("text", e.coveredText(text));
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                    if (tag.isContext()) {
                        g.writeNumberField("context_sentence", tag.contextSentence().getAsInt());
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
                if (replaced) {
                    g.writeBooleanField(Metadata.REPLACED, true);
                }
                if (metaJson != null) {
                    g.writeFieldName("meta");
                    g.writeRawValue(metaJson);
                }
                g.writeEndObject();
                g.writeRaw('\n');
            }
        }
        out.write(lines.toString());
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
