package org.frametag.core.io;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How an input's bytes hold documents. */
public enum InputFormat {
    /** One document per file; an optional first line {@code date YYYY-MM-DD} is metadata. */
    TEXT(".txt"),
    /** One JSON object per line: {@code {"id": ..., "text": ..., "date"?: ...}}. */
    JSONL(".jsonl", ".ndjson"),
    /** A header row, then one document per row (RFC 4180 quoting); see {@link CsvColumns}. */
    CSV(".csv"),
    /** As {@link #CSV}, with tabs between fields. */
    TSV(".tsv");

    private final String[] extensions;

    InputFormat(String... extensions) {
        this.extensions = extensions;
    }

    /** By extension, a compression extension aside ({@code corpus.jsonl.gz} is JSON Lines); plain text when unknown. */
    public static InputFormat of(Path path) {
        return of(fileName(path));
    }

    /** As {@link #of(Path)}, by the extension of a file name, path or URI. */
    public static InputFormat of(String name) {
        return named(name).orElse(TEXT);
    }

    /**
     * True for the files a folder stands for: a format's extension, compressed or not
     * ({@code *.txt}, {@code *.jsonl.gz}, {@code *.ndjson}, {@code *.csv.zst}, ...).
     */
    public static boolean recognised(Path path) {
        return recognised(fileName(path));
    }

    /** As {@link #recognised(Path)}, by a file name, path or URI. */
    public static boolean recognised(String name) {
        return named(name).isPresent();
    }

    /** The extensions of this format, without a compression's: {@code .jsonl} and {@code .ndjson} for JSON Lines. */
    public List<String> extensions() {
        return List.of(extensions);
    }

    /** The files of every format, as a person reads them: {@code *.txt, *.jsonl, *.ndjson, *.csv or *.tsv}. */
    public static String patterns() {
        List<String> patterns = Arrays.stream(values()).flatMap(f -> f.extensions().stream()).map(e -> "*" + e).toList();
        return String.join(", ", patterns.subList(0, patterns.size() - 1)) + " or " + patterns.get(patterns.size() - 1);
    }

    private static String fileName(Path path) {
        return path.getFileName() == null ? "" : path.getFileName().toString();
    }

    private static Optional<InputFormat> named(String name) {
        String plain = Compression.stripExtension(name).toLowerCase(Locale.ROOT);
        for (InputFormat format : values()) {
            for (String extension : format.extensions) {
                if (plain.endsWith(extension)) {
                    return Optional.of(format);
                }
            }
        }
        return Optional.empty();
    }

    /** As users spell it: {@code text}, {@code jsonl}, {@code csv}, {@code tsv}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
