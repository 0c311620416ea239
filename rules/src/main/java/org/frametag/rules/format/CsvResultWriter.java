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

/** One row per sentence with a 0/1 column per category, for spreadsheets and data frames. */
public final class CsvResultWriter implements ResultWriter {

    private final List<String> categories;
    private final SequenceWriter rows;

    public CsvResultWriter(Writer out, List<String> categories) throws IOException {
        this.categories = List.copyOf(categories);
        CsvSchema.Builder schema = CsvSchema.builder()
                .addColumn("doc").addColumn("sentence").addColumn("start").addColumn("end").addColumn("text");
        categories.forEach(schema::addColumn);
        CsvMapper csv = new CsvMapper();
        this.rows = csv.writer(schema.build().withHeader()).writeValues(out);
    }

    @Override
    public void write(ClassifiedDocument document) throws IOException {
        for (SentenceResult s : document.sentences()) {
            List<Object> row = new ArrayList<>(5 + categories.size());
            row.add(document.id());
            row.add(s.sentence().index());
            row.add(s.sentence().start());
            row.add(s.sentence().end());
            row.add(s.sentence().text());
            Set<String> tagged = s.categories();
            categories.forEach(c -> row.add(tagged.contains(c) ? 1 : 0));
            rows.write(row);
        }
    }

    @Override
    public void close() throws IOException {
        rows.flush();
    }
}
