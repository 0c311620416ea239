package org.frametag.rules.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.frametag.api.ClassifiedDocument;
import org.frametag.api.SentenceResult;

/**
 * One row per sentence with a 0/1 column per category, for spreadsheets and data frames; then
 * the document's metadata: a {@code date} column, a column for each field of the first
 * document (a CSV input's columns, say), and a last column {@code meta} holding, as a JSON
 * object, any field of a later document that has no column of its own. With the formula
 * guard, a text cell that a spreadsheet would run as a formula (one that starts with
 * {@code = + - @}, a tab or a carriage return, as in {@code =HYPERLINK(...)}) gets a leading
 * {@code '}, as OWASP recommends against CSV injection (the path column, named by the user, is left alone).
 */
public final class CsvResultWriter implements ResultWriter {

    private static final String META = "meta";
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final Writer out;
    private final List<String> categories;
    private final boolean guardFormulas;
    private final ObjectMapper json = new ObjectMapper();
    /** The columns of metadata fields, date first; fixed by the first document, as the header must be. */
    private List<String> fields;
    private SequenceWriter rows;

    public CsvResultWriter(Writer out, List<String> categories, boolean guardFormulas) {
        this.out = out;
        this.categories = List.copyOf(categories);
        this.guardFormulas = guardFormulas;
    }

    @Override
    public void write(ClassifiedDocument document) throws IOException {
        Map<String, Object> meta = Metadata.of(document.document());
        if (rows == null) {
            start(meta);
        }
        List<Object> metaColumns = new ArrayList<>(fields.size() + 1);
        Map<String, Object> rest = new LinkedHashMap<>(meta);
        for (String field : fields) {
            metaColumns.add(cell(rest.remove(field)));
        }
        metaColumns.add(rest.isEmpty() ? "" : json.writeValueAsString(rest));
        for (SentenceResult s : document.sentences()) {
            List<Object> row = new ArrayList<>(6 + categories.size() + metaColumns.size());
            row.add(cell(document.id()));
            row.add(JsonlResultWriter.path(document));
            row.add(s.sentence().index());
            row.add(s.sentence().start());
            row.add(s.sentence().end());
            row.add(cell(s.sentence().text()));
            Set<String> tagged = s.categories();
            categories.forEach(c -> row.add(tagged.contains(c) ? 1 : 0));
            row.addAll(metaColumns);
            rows.write(row);
        }
    }

    /** Writes the header: the fixed columns, then {@code date}, the first document's fields and {@code meta}. */
    private void start(Map<String, Object> firstMeta) throws IOException {
        Set<String> columns = new LinkedHashSet<>(List.of("doc", "path", "sentence", "start", "end", "text"));
        columns.addAll(categories);
        Set<String> metaFields = new LinkedHashSet<>();
        metaFields.add(Metadata.DATE);
        // a field named like a column already there stays in the meta column
        firstMeta.keySet().stream().filter(k -> !columns.contains(k) && !k.equals(META)).forEach(metaFields::add);
        fields = List.copyOf(metaFields);
        CsvSchema.Builder schema = CsvSchema.builder();
        columns.forEach(schema::addColumn);
        fields.forEach(schema::addColumn);
        schema.addColumn(META);
        rows = new CsvMapper().writer(schema.build().withHeader()).writeValues(out);
    }

    /**
     * A field's value as a cell: text as it is (guarded), nothing for a missing or null value, JSON
     * for a list or an object.
     */
    private Object cell(Object value) throws JsonProcessingException {
        if (value == null) {
            return "";
        }
        if (value instanceof String text) {
            return cell(text);
        }
        return value instanceof Map || value instanceof List ? json.writeValueAsString(value) : value;
    }

    private String cell(String text) {
        boolean formula = guardFormulas && text != null && !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0;
        return formula ? "'" + text : text;
    }

    @Override
    public void close() throws IOException {
        if (rows == null) {
            start(Map.of());    // no document: the header alone
        }
        rows.flush();
    }
}
