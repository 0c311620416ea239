package org.frametag.core.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.frametag.core.text.Document;
import org.frametag.core.text.Origin;

/**
 * Reads inputs lazily, one document at a time, so memory stays bounded whatever the corpus
 * size. Every input yields documents or problems; nothing is dropped silently.
 */
public final class DocumentReader {

    /**
     * Default cap on one document's size: far above any news article, low enough that one
     * document's tokens and facts stay well inside a small heap.
     */
    public static final long DEFAULT_MAX_DOC_BYTES = 2L * 1024 * 1024;

    private final InvalidUtf8 invalidUtf8;
    private final long maxDocBytes;
    private final InputFormat forcedFormat;
    private final CsvColumns csvColumns;

    /**
     * @param invalidUtf8  what to do with bytes that are not UTF-8
     * @param maxDocBytes  documents larger than this are reported, not read
     * @param forcedFormat format for every input, or {@code null} to go by file extension
     *                     (standard input is then plain text)
     * @param csvColumns   the columns of CSV and TSV inputs
     */
    public DocumentReader(InvalidUtf8 invalidUtf8, long maxDocBytes, InputFormat forcedFormat, CsvColumns csvColumns) {
        this.invalidUtf8 = invalidUtf8;
        this.maxDocBytes = maxDocBytes;
        this.forcedFormat = forcedFormat;
        this.csvColumns = csvColumns;
    }

    /** As above, CSV and TSV columns named {@code text}, {@code id} and {@code date}. */
    public DocumentReader(InvalidUtf8 invalidUtf8, long maxDocBytes, InputFormat forcedFormat) {
        this(invalidUtf8, maxDocBytes, forcedFormat, CsvColumns.defaults());
    }

    public static DocumentReader defaults() {
        return new DocumentReader(InvalidUtf8.ERROR, DEFAULT_MAX_DOC_BYTES, null);
    }

    /**
     * Every document of every input, in order. Each input is opened only when the one before is
     * used up, and a document is read only when asked for ({@code flatMap} would buffer a whole
     * JSON Lines file, or wait for the end of a stream, before handing on its first document).
     */
    public Stream<ReadResult> read(List<Input> inputs) {
        return StreamSequence.concat(inputs.iterator(), this::read);
    }

    /**
     * Every document of a file, or of the files under a folder ({@code *.txt}, {@code *.jsonl},
     * {@code *.csv}, ..., compressed or not), in order.
     */
    public Stream<ReadResult> read(Path fileOrFolder) {
        return read(Inputs.defaults().expand(List.of(fileOrFolder.toString()), InputStream.nullInputStream()));
    }

    public Stream<ReadResult> read(Input input) {
        if (input instanceof Input.FileInput file) {
            return readFile(file.path(), file.id());
        }
        if (input instanceof Input.Unusable unusable) {
            return Stream.of(failed(null, unusable.name(), null, unusable.reason()));
        }
        InputStream stdin;
        try {
            stdin = Compression.decompressing(((Input.StandardInput) input).stream(), null);
        } catch (IOException e) {
            return Stream.of(failed("stdin", "-", null, "cannot read: " + e.getMessage()));
        }
        return documents(stdin, format(null), "stdin", "-", 0);
    }

    /** Opens the bytes of one input, for {@link #read(String, InputFormat, int, Opener)}. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    /**
     * The documents of a file that is not on this machine's file system (one of a distributed
     * file system, or a part of one), read as {@link #read(Input)} reads a file: the same ids,
     * problems and line numbers, decompressed as the name's extension or the first bytes say
     * ({@link Compression}). The stream is closed with the returned one.
     *
     * @param name        the file's path or URI, for ids (a text document's id is its file name
     *                    without extensions) and problems
     * @param format      the format of this file, whatever the reader was told to force
     * @param linesBefore for a JSON Lines stream that starts in the middle of a file at a line
     *                    boundary, the lines of the file before it; only a stream from the
     *                    file's start reports a file with no JSON lines, and only one may be
     *                    compressed (a compressed file cannot be read from its middle)
     */
    public Stream<ReadResult> read(String name, InputFormat format, int linesBefore, Opener opener) {
        return read(stem(name), name, format, linesBefore, opener);
    }

    private Stream<ReadResult> read(String id, String name, InputFormat format, int linesBefore, Opener opener) {
        InputStream file;
        try {
            file = opener.open();
        } catch (NoSuchFileException | FileNotFoundException e) {
            return Stream.of(failed(id, name, null, "no such file"));
        } catch (IOException e) {
            return Stream.of(failed(id, name, null, "cannot read: " + e.getMessage()));
        }
        InputStream in;
        try {
            // a part of a file that starts in its middle is never compressed: compressed files are read whole
            in = linesBefore == 0 ? Compression.decompressing(file, fileName(name)) : file;
        } catch (IOException | RuntimeException e) {
            closeQuietly(file);
            return Stream.of(failed(id, name, null, "cannot read: " + e.getMessage()));
        }
        return documents(in, format, id, name, linesBefore).onClose(() -> closeQuietly(in));
    }

    /** The last part of a path or URI. */
    private static String fileName(String name) {
        return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf(File.separatorChar)) + 1);
    }

    /**
     * A document from a row of a table with {@code id} and {@code text} columns (such as a
     * Parquet file), with the problems a JSON Lines line would have: no id, no text, empty or
     * too large.
     *
     * @param name the table's file, for problems
     */
    public ReadResult row(String id, String text, String name) {
        if (id == null) {
            return failed(null, name, null, "missing \"id\" field");
        }
        if (text == null) {
            return failed(id, name, null, "missing \"text\" field");
        }
        if ((long) text.length() * 3 > maxDocBytes && text.getBytes(StandardCharsets.UTF_8).length > maxDocBytes) {
            return failed(id, name, null, tooLarge(maxDocBytes));
        }
        return textDocument(text, false, id, name, null, Map.of());
    }

    private InputFormat format(Path path) {
        if (forcedFormat != null) {
            return forcedFormat;
        }
        return path == null ? InputFormat.TEXT : InputFormat.of(path);
    }

    private Stream<ReadResult> readFile(Path path, String id) {
        String name = path.toString();
        if (Files.isDirectory(path)) {
            return Stream.of(failed(id, name, null, "is a folder, not a file"));
        }
        return read(id, name, format(path), 0, () -> Files.newInputStream(path));
    }

    /** The documents of one stream: read lazily for the formats of many documents, whole for plain text. */
    private Stream<ReadResult> documents(InputStream in, InputFormat format, String stem, String name, int linesBefore) {
        return switch (format) {
            case TEXT -> Stream.of(plain(in, stem, name));
            case JSONL -> jsonLines(in, stem, name, linesBefore);
            case CSV, TSV -> csv(in, format == InputFormat.TSV ? '\t' : ',', stem, name);
        };
    }

    private Stream<ReadResult> csv(InputStream in, char separator, String stem, String name) {
        try {
            CsvDocuments rows = new CsvDocuments(in, separator, csvColumns, stem, name, invalidUtf8, maxDocBytes);
            return StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows, Spliterator.ORDERED), false);
        } catch (IOException e) {
            return Stream.of(failed(null, name, 1, "cannot read: " + e.getMessage()));
        }
    }

    private ReadResult plain(InputStream in, String id, String name) {
        byte[] bytes;
        try {
            bytes = readAtMost(in, maxDocBytes);
        } catch (IOException e) {
            return failed(id, name, null, "cannot read: " + e.getMessage());
        }
        if (bytes == null) {
            return failed(id, name, null, tooLarge(maxDocBytes));
        }
        return document(bytes, id, name, null, Map.of());
    }

    private ReadResult document(byte[] bytes, String id, String name, Integer line, Map<String, Object> fields) {
        TextDecoder.Decoded decoded;
        try {
            decoded = TextDecoder.decode(bytes, invalidUtf8);
        } catch (CharacterCodingException e) {
            return failed(id, name, line, "invalid UTF-8 (use --on-invalid-utf8 replace to read it anyway)");
        }
        return textDocument(decoded.text(), decoded.replaced(), id, name, line, fields);
    }

    static String tooLarge(long maxDocBytes) {
        return "document is larger than the limit of " + maxDocBytes + " bytes (--max-doc-bytes)";
    }

    static ReadResult textDocument(String text, boolean replaced, String id, String name, Integer line,
                                   Map<String, Object> fields) {
        if (text.isBlank()) {
            return failed(id, name, line, "empty document");
        }
        if (text.indexOf('\0') >= 0) {
            return failed(id, name, line, "binary data (NUL bytes), not text");
        }
        Map<String, Object> all = fields;
        if (replaced) {
            all = new LinkedHashMap<>(fields);
            all.put("invalid_utf8_replaced", true);
        }
        return new ReadResult.Loaded(Documents.fromText(id, text, all, new Origin(name, line)));
    }

    private Stream<ReadResult> jsonLines(InputStream in, String stem, String name, int linesBefore) {
        JsonLines lines = new JsonLines(in, maxDocBytes, linesBefore);
        Iterator<ReadResult> documents = new Iterator<>() {
            private ReadResult next;
            private boolean done;
            private boolean any;

            @Override
            public boolean hasNext() {
                while (next == null && !done) {
                    next = readLine();
                }
                if (next == null && !any && linesBefore == 0) {
                    next = failed(null, name, null, "no documents: no JSON lines in this input");
                }
                any = true;
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

            /** The next line's document or problem, null for a blank line (or at the end, with {@code done} set). */
            private ReadResult readLine() {
                JsonLines.Line line;
                try {
                    Optional<JsonLines.Line> next = lines.next();
                    if (next.isEmpty()) {
                        done = true;
                        return null;
                    }
                    line = next.get();
                } catch (IOException e) {
                    done = true;
                    return failed(null, name, lines.lines() + 1, "cannot read: " + e.getMessage());
                }
                if (line.tooLong()) {
                    return failed(null, name, line.number(), tooLarge(maxDocBytes));
                }
                return jsonDocument(line, stem, name);
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(documents, Spliterator.ORDERED), false);
    }

    /** Jackson's message without its source and marker locations, with the column instead. */
    private static String malformed(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        int marker = message.indexOf(" (start marker at");
        if (marker >= 0) {
            message = message.substring(0, marker);
        }
        int column = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
        return "malformed JSON" + (column > 0 ? " at column " + column : "") + ": " + message.strip();
    }

    /** One JSONL line as a document, a problem, or {@code null} for a blank line. */
    private ReadResult jsonDocument(JsonLines.Line jsonLine, String stem, String name) {
        int line = jsonLine.number();
        JsonLines.Decoded decoded;
        try {
            decoded = jsonLine.text(invalidUtf8);
        } catch (CharacterCodingException e) {
            return failed(null, name, line, "invalid UTF-8 (use --on-invalid-utf8 replace to read it anyway)");
        }
        String raw = decoded.text().strip();
        if (raw.isEmpty()) {
            return null;
        }
        JsonNode node;
        try {
            node = JsonLines.parse(raw);
        } catch (JsonProcessingException e) {
            return failed(null, name, line, malformed(e));
        }
        if (node == null || !node.isObject()) {
            return failed(null, name, line, "expected a JSON object with \"id\" and \"text\"");
        }
        JsonNode idNode = node.get("id");
        String id = idNode != null && (idNode.isTextual() || idNode.isNumber()) ? idNode.asText() : stem + "-" + line;
        JsonNode text = node.get("text");
        if (text == null || text.isNull()) {
            return failed(id, name, line, "missing \"text\" field");
        }
        if (!text.isTextual()) {
            return failed(id, name, line, "\"text\" must be a string");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("text") && !e.getKey().equals("id")) {
                fields.put(e.getKey(), JsonLines.plain(e.getValue()));
            }
        });
        ReadResult result = textDocument(text.asText(), decoded.replaced(), id, name, line, fields);
        return node.path("date").isTextual() ? withDate(result, Documents.parseDate(node.get("date").asText())) : result;
    }

    /** The document with {@code date} as its date when there is one (a date line in its text gives way to it). */
    static ReadResult withDate(ReadResult result, Optional<LocalDate> date) {
        if (result instanceof ReadResult.Loaded loaded && date.isPresent()) {
            Document d = loaded.document();
            return new ReadResult.Loaded(new Document(d.id(), d.text(), d.body(), date, d.fields(), d.origin()));
        }
        return result;
    }

    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        return bytes.length > limit ? null : bytes;
    }

    private static ReadResult failed(String id, String name, Integer line, String reason) {
        return new ReadResult.Failed(new InputProblem(id, name, line, reason));
    }

    /**
     * The file name of a path or URI without its extensions: {@code a} for {@code /data/a.txt},
     * {@code a.txt.gz} and {@code hdfs://host/a.jsonl.zst}.
     */
    private static String stem(String name) {
        String file = Compression.stripExtension(fileName(name));
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
