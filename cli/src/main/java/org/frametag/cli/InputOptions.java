package org.frametag.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.frametag.core.io.Compression;
import org.frametag.core.io.CsvColumns;
import org.frametag.core.io.DocumentReader;
import org.frametag.core.io.Input;
import org.frametag.core.io.InputFormat;
import org.frametag.core.io.Inputs;
import org.frametag.core.io.InvalidUtf8;
import org.frametag.core.io.ReadResult;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Where documents come from and how they are read; shared by every command that reads documents. */
public final class InputOptions {

    @Parameters(paramLabel = "PATH", arity = "1..*",
            description = "Files, folders or - for standard input. Folders are searched recursively for text, JSON Lines,"
                    + " CSV and TSV files (*.txt *.jsonl *.ndjson *.csv *.tsv), each also compressed (gz bz2 xz zst).")
    List<String> paths = new ArrayList<>();

    @Option(names = "--input", paramLabel = "FORMAT",
            description = "Read every input as ${COMPLETION-CANDIDATES}. Default: by extension (*.jsonl and *.ndjson"
                    + " are JSON Lines, *.csv and *.tsv tables, the rest text), stdin as text.")
    InputFormat input;

    @Option(names = "--text-column", paramLabel = "NAME", defaultValue = "text",
            description = "CSV and TSV: the column of the text (default: ${DEFAULT-VALUE}).")
    String textColumn;

    @Option(names = "--id-column", paramLabel = "NAME",
            description = "CSV and TSV: the column of the document id (default: id, when there is one; else FILE-LINE).")
    String idColumn;

    @Option(names = "--date-column", paramLabel = "NAME",
            description = "CSV and TSV: the column of the date, YYYY-MM-DD (default: date, when there is one)."
                    + " Other columns are kept as metadata.")
    String dateColumn;

    @Option(names = "--include", paramLabel = "GLOB", description = "Only read files in folders that match GLOB (repeatable).")
    List<String> include = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "GLOB", description = "Skip files in folders that match GLOB (repeatable).")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--on-invalid-utf8", paramLabel = "ACTION", defaultValue = "error",
            description = "error: report the document; replace: read it with U+FFFD and flag it (default: ${DEFAULT-VALUE}).")
    InvalidUtf8 onInvalidUtf8;

    @Option(names = "--max-doc-bytes", paramLabel = "N", defaultValue = "" + DocumentReader.DEFAULT_MAX_DOC_BYTES, converter = Positive.LongValue.class,
            description = "Report documents larger than N bytes instead of reading them (default: ${DEFAULT-VALUE}).")
    long maxDocBytes;

    /** The inputs the paths stand for, folders expanded. */
    public List<Input> inputs() {
        return new Inputs(include, exclude).expand(paths, System.in);
    }

    /** Every document of every path, read lazily in order; problems come as {@link ReadResult.Failed}. */
    public Stream<ReadResult> read() {
        return read(inputs());
    }

    public Stream<ReadResult> read(List<Input> inputs) {
        CsvColumns columns = new CsvColumns(textColumn, Optional.ofNullable(idColumn), Optional.ofNullable(dateColumn));
        return new DocumentReader(onInvalidUtf8, maxDocBytes, input, columns).read(inputs);
    }

    /**
     * The total size of the file inputs, for progress; 0 (unknown) when standard input or a
     * compressed file is among them (its size says little of its text).
     */
    public static long totalBytes(List<Input> inputs) {
        long total = 0;
        for (Input input : inputs) {
            if (input instanceof Input.StandardInput
                    || input instanceof Input.FileInput file && Compression.ofName(String.valueOf(file.path().getFileName())).isPresent()) {
                return 0;
            }
            try {
                total += input instanceof Input.FileInput file ? Files.size(file.path()) : 0;
            } catch (IOException e) {
                // reading it will report the problem
            }
        }
        return total;
    }
}
