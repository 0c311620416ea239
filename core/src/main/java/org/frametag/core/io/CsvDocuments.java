package org.frametag.core.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The rows of a CSV or TSV stream as documents, read one row at a time with Jackson's CSV
 * parser (RFC 4180 quoting: separators, quotes and line breaks inside quoted fields). A row that
 * cannot be parsed, or has the wrong number of fields, is a problem with the line it starts on,
 * and the rows after it are still read.
 */
final class CsvDocuments implements Iterator<ReadResult> {

    private static final char BOM = '\uFEFF';

    private final String stem;
    private final String name;
    private final InvalidUtf8 invalidUtf8;
    private final long maxDocBytes;
    private final CsvParser parser;
    private final List<String> header = new ArrayList<>();
    private int textColumn = -1;
    private int idColumn = -1;
    private int dateColumn = -1;
    private ReadResult next;
    private boolean opened;
    private boolean done;

    /**
     * @param in        the stream, read lazily; the caller closes it
     * @param separator {@code ,} or a tab
     */
    CsvDocuments(InputStream in, char separator, CsvColumns columns, String stem, String name,
                 InvalidUtf8 invalidUtf8, long maxDocBytes) throws IOException {
        this.stem = stem;
        this.name = name;
        this.invalidUtf8 = invalidUtf8;
        this.maxDocBytes = maxDocBytes;
        CodingErrorAction action = invalidUtf8 == InvalidUtf8.ERROR ? CodingErrorAction.REPORT : CodingErrorAction.REPLACE;
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(action).onUnmappableCharacter(action));
        // a field longer than any document may be is stopped while it is read, before it fills the heap
        CsvFactory factory = CsvFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength((int) Math.min(Integer.MAX_VALUE, maxDocBytes + 1)).build()).build();
        this.parser = factory.createParser(reader);
        parser.setSchema(CsvSchema.emptySchema().withColumnSeparator(separator));
        parser.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        next = readHeader(columns);
    }

    @Override
    public boolean hasNext() {
        while (next == null && !done) {
            next = readRow();
        }
        return next != null;
    }

    @Override
    public ReadResult next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ReadResult result = next;
        next = null;
        return result;
    }

    /** Reads the header and finds the columns; a problem with the whole file when it cannot. */
    private ReadResult readHeader(CsvColumns columns) {
        Row row = row();
        if (row == null || row.values == null) {
            done = true;
            return row == null ? failed(null, 1, "no header row") : failed(null, row.line, row.problem);
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < row.values.size(); i++) {
            String column = row.values.get(i).strip();
            if (i == 0 && !column.isEmpty() && column.charAt(0) == BOM) {
                column = column.substring(1);
            }
            if (column.isEmpty()) {
                column = "column" + (i + 1);
            }
            if (index.putIfAbsent(column, i) != null) {
                done = true;
                return failed(null, row.line, "the header names column \"" + column + "\" twice");
            }
            header.add(column);
        }
        textColumn = index.getOrDefault(columns.text(), -1);
        if (textColumn < 0) {
            done = true;
            return failed(null, row.line, "no column \"" + columns.text() + "\" for the text (the header has "
                    + String.join(", ", header) + "; name the text column with --text-column)");
        }
        Optional<String> missing = columns.id().filter(c -> !index.containsKey(c))
                .or(() -> columns.date().filter(c -> !index.containsKey(c)));
        if (missing.isPresent()) {
            done = true;
            return failed(null, row.line, "no column \"" + missing.get() + "\" in the header (it has " + String.join(", ", header) + ")");
        }
        idColumn = index.getOrDefault(columns.id().orElse(CsvColumns.ID), -1);
        dateColumn = index.getOrDefault(columns.date().orElse(CsvColumns.DATE), -1);
        return null;
    }

    /** The next row's document or problem; null for a blank line, or at the end with {@code done} set. */
    private ReadResult readRow() {
        Row row = row();
        if (row == null) {
            done = true;
            return null;
        }
        if (row.values == null) {
            return failed(null, row.line, row.problem);
        }
        if (row.values.isEmpty() || row.values.size() == 1 && row.values.get(0).isBlank()) {
            return null;
        }
        String id = idColumn >= 0 && idColumn < row.values.size() && !row.values.get(idColumn).isBlank()
                ? row.values.get(idColumn).strip() : stem + "-" + row.line;
        if (row.values.size() != header.size()) {
            return failed(id, row.line, "the row has " + row.values.size() + " fields and the header " + header.size());
        }
        String text = row.values.get(textColumn);
        if (text.getBytes(StandardCharsets.UTF_8).length > maxDocBytes) {
            return failed(id, row.line, DocumentReader.tooLarge(maxDocBytes));
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            if (i != textColumn && i != idColumn) {
                fields.put(header.get(i), row.values.get(i));
            }
        }
        boolean replaced = invalidUtf8 == InvalidUtf8.REPLACE && text.indexOf('\uFFFD') >= 0;
        Optional<LocalDate> date = dateColumn >= 0 ? Documents.parseDate(row.values.get(dateColumn)) : Optional.empty();
        return DocumentReader.withDate(DocumentReader.textDocument(text, replaced, id, name, row.line, fields), date);
    }

    /** A row's fields, or the problem that stopped it. */
    private record Row(int line, List<String> values, String problem) {
    }

    /** The next row, or null at the end of the input (after which nothing more is read). */
    private Row row() {
        if (done) {
            return null;
        }
        int line = Math.max(1, parser.currentLocation().getLineNr());
        try {
            JsonToken token = parser.nextToken();
            if (!opened) {
                opened = true;
                token = parser.nextToken();     // the whole input is one array of rows
            }
            if (token != JsonToken.START_ARRAY) {
                done = true;
                return null;
            }
            line = parser.currentLocation().getLineNr();
            List<String> values = new ArrayList<>();
            while ((token = parser.nextToken()) == JsonToken.VALUE_STRING) {
                values.add(parser.getText());
            }
            return new Row(line, values, null);
        } catch (CharacterCodingException e) {
            done = true;
            return new Row(line, null, "invalid UTF-8 in this row or one of the next few (use --on-invalid-utf8 replace"
                    + " to read it anyway); the rest of the file is not read");
        } catch (JsonProcessingException e) {
            String problem = malformed(e);
            skipRow();
            return new Row(line, null, problem);
        } catch (IOException e) {
            done = true;
            return new Row(line, null, "cannot read: " + e.getMessage());
        }
    }

    /** After a malformed field: on to the end of its row, or of the input when the parser cannot get past it. */
    private void skipRow() {
        long stuck = -1;
        while (!done) {
            try {
                JsonToken token = parser.nextToken();
                if (token == null || token == JsonToken.END_ARRAY) {
                    return;
                }
            } catch (IOException e) {
                long at = parser.currentLocation().getCharOffset();
                if (at == stuck || !(e instanceof JsonProcessingException)) {
                    done = true;
                }
                stuck = at;
            }
        }
    }

    private String malformed(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message.startsWith("Missing closing quote")) {
            done = true;
            return "unclosed quote: the field runs to the end of the file";
        }
        if (message.contains("exceeds the maximum allowed")) {
            return "a field is larger than the limit of " + maxDocBytes + " bytes (--max-doc-bytes)";
        }
        int column = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
        return "malformed row" + (column > 0 ? " at column " + column : "") + ": " + message.strip();
    }

    private ReadResult failed(String id, int line, String reason) {
        return new ReadResult.Failed(new InputProblem(id, name, line, reason));
    }
}
