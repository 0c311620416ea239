package org.frametag.rules.format;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.frametag.api.ClassifiedDocument;
import org.frametag.api.SentenceResult;

/**
 * One row per sentence with a 0/1 column per category, for spreadsheets and data frames. With
 * the formula guard, a text cell that a spreadsheet would run as a formula (one that starts with
 * {@code = + - @}, a tab or a carriage return, as in {@code =HYPERLINK(...)}) gets a leading
 * {@code '}, as OWASP recommends against CSV injection (the path column, named by the user, is left alone).
 */
public final class CsvResultWriter implements ResultWriter {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final List<String> categories;
    private final boolean guardFormulas;
    private final SequenceWriter rows;

    public CsvResultWriter(Writer out, List<String> categories, boolean guardFormulas) throws IOException {
        this.categories = List.copyOf(categories);
        this.guardFormulas = guardFormulas;
        CsvSchema.Builder schema = CsvSchema.builder()
                .addColumn("doc").addColumn("path").addColumn("sentence").addColumn("start").addColumn("end").addColumn("text");
        categories.forEach(schema::addColumn);
        CsvMapper csv = new CsvMapper();
        this.rows = csv.writer(schema.build().withHeader()).writeValues(out);
    }

    @Override
    public void write(ClassifiedDocument document) throws IOException {
        for (SentenceResult s : document.sentences()) {
            List<Object> row = new ArrayList<>(5 + categories.size());
            row.add(cell(document.id()));
            row.add(JsonlResultWriter.path(document));
            row.add(s.sentence().index());
            row.add(s.sentence().start());
            row.add(s.sentence().end());
            row.add(cell(s.sentence().text()));
            Set<String> tagged = s.categories();
            categories.forEach(c -> row.add(tagged.contains(c) ? 1 : 0));
            rows.write(row);
        }
    }

    private String cell(String text) {
        boolean formula = guardFormulas && text != null && !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0;
        return formula ? "'" + text : text;
    }

    @Override
    public void close() throws IOException {
        rows.flush();
    }
}
