package org.frametag.spark;

import java.util.Locale;
import org.frametag.core.io.InputFormat;

/**
 * How the job reads an input file: by its extension unless one format is forced. Every format
 * but Parquet is the CLI's ({@link InputFormat}), with its extensions and compressions.
 */
enum InputFormatOption {
    /** One document per file. */
    TEXT(InputFormat.TEXT),
    /** One document per line. */
    JSONL(InputFormat.JSONL),
    /** A header row, then one document per row. */
    CSV(InputFormat.CSV),
    /** As CSV, with tabs between fields. */
    TSV(InputFormat.TSV),
    /** A table with {@code id} and {@code text} columns. */
    PARQUET(null);

    private static final String PARQUET_EXTENSION = ".parquet";

    private final InputFormat format;

    InputFormatOption(InputFormat format) {
        this.format = format;
    }

    /** The CLI's format of this one; null for Parquet, which Spark reads itself. */
    InputFormat format() {
        return format;
    }

    /**
     * The format of {@code name} by its extension: {@code .parquet}, else as the CLI reads it
     * ({@code .jsonl}, {@code .ndjson}, {@code .csv}, {@code .tsv}, each also compressed; else text).
     */
    static InputFormatOption of(String name) {
        if (name.toLowerCase(Locale.ROOT).endsWith(PARQUET_EXTENSION)) {
            return PARQUET;
        }
        InputFormat format = InputFormat.of(name);
        for (InputFormatOption option : values()) {
            if (option.format == format) {
                return option;
            }
        }
        throw new IllegalStateException("no option for " + format);
    }

    /** Whether a folder holds files of this name: what the CLI takes from folders, and Parquet files. */
    static boolean inFolder(String name) {
        return InputFormat.recognised(name) || name.toLowerCase(Locale.ROOT).endsWith(PARQUET_EXTENSION);
    }

    /** As users spell it. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
