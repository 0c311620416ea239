package org.frametag.rules.format;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.frametag.api.ClassifiedDocument;
import org.frametag.api.SentenceResult;
import org.frametag.api.Tag;
import org.frametag.core.text.Span;

/**
 * One sentence of the machine contract, as {@code classify --format jsonl} and the Spark job (JSON
 * Lines and Parquet) write it. Its fields, their names and their order are defined here and
 * nowhere else, so the outputs cannot drift apart; a field that is null is left out of JSON.
 *
 * @param path                the file the document came from, {@code -} for standard input, null
 *                            for a document given in memory (written as null, not left out)
 * @param invalidUtf8Replaced true for a document read with {@code --on-invalid-utf8 replace}
 *                            whose bytes were not all UTF-8; null otherwise
 * @param meta                the document's date and the other fields of its JSON Lines record or
 *                            CSV row, in their order, values as read (JSON nulls, numbers, lists and
 *                            objects included); null for a document with none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SentenceRecord(String doc, @JsonInclude(JsonInclude.Include.ALWAYS) String path, int sentence, int start, int end, String text, List<TagRecord> tags,
                             @JsonProperty("invalid_utf8_replaced") Boolean invalidUtf8Replaced, Map<String, Object> meta) {

    public SentenceRecord {
        tags = List.copyOf(tags);
        // in its order, and a JSON null stays a value
        meta = meta == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(meta));
    }

    /**
     * A tag with its evidence.
     *
     * @param contextSentence for a tag carried over from the sentence before, that sentence; null otherwise
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TagRecord(String category, String rule, List<Evidence> evidence,
                            @JsonProperty("context_sentence") Integer contextSentence) {

        public TagRecord {
            evidence = List.copyOf(evidence);
        }
    }

    /** The words a rule fired on: offsets into the document's text, and the text they cover. */
    public record Evidence(int start, int end, String text) {
    }

    /** Every sentence of {@code document}, in document order, untagged sentences included. */
    public static List<SentenceRecord> of(ClassifiedDocument document) {
        String text = document.document().text();
        Boolean replaced = Boolean.TRUE.equals(document.document().fields().get(Metadata.REPLACED)) ? Boolean.TRUE : null;
        Map<String, Object> fields = Metadata.of(document.document());
        Map<String, Object> meta = fields.isEmpty() ? null : Collections.unmodifiableMap(fields);
        String path = document.document().origin() == null ? null : document.document().origin().path();
        List<SentenceRecord> records = new ArrayList<>(document.sentences().size());
        for (SentenceResult s : document.sentences()) {
            List<TagRecord> tags = new ArrayList<>(s.tags().size());
            for (Tag tag : s.tags()) {
                List<Evidence> evidence = new ArrayList<>(tag.evidence().size());
                for (Span e : tag.evidence()) {
                    evidence.add(new Evidence(e.start(), e.end(), e.coveredText(text)));
                }
                Integer context = tag.isContext() ? tag.contextSentence().getAsInt() : null;
                tags.add(new TagRecord(tag.category(), tag.rule(), evidence, context));
            }
            records.add(new SentenceRecord(document.id(), path, s.sentence().index(), s.sentence().start(), s.sentence().end(),
                    s.sentence().text(), tags, replaced, meta));
        }
        return records;
    }
}
