package org.frametag.spark;

import java.util.Locale;
import org.frametag.core.io.InputFormat;

/** How the job reads an input file: by its extension unless one format is forced. */
enum InputFormatOption {
    /** One document per file. */
    TEXT,
    /** One document per line. */
    JSONL,
    /** A table with {@code id} and {@code text} columns. */
    PARQUET;

    /** The format of {@code name} by its extension: {@code .parquet}, {@code .jsonl} or {@code .ndjson}, else text. */
    static InputFormatOption of(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".parquet")) {
            return PARQUET;
        }
        return InputFormat.of(name) == InputFormat.JSONL ? JSONL : TEXT;
    }

    /** Whether a folder holds files of this name: what the CLI takes from folders, and Parquet files. */
    static boolean inFolder(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".txt") || lower.endsWith(".jsonl") || lower.endsWith(".parquet");
    }

    /** As users spell it. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
