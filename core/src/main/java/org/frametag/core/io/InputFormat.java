package org.frametag.core.io;

import java.nio.file.Path;
import java.util.Locale;

/** How an input's bytes hold documents. */
public enum InputFormat {
    /** One document per file; an optional first line {@code date YYYY-MM-DD} is metadata. */
    TEXT,
    /** One JSON object per line: {@code {"id": ..., "text": ..., "date"?: ...}}. */
    JSONL;

    public static InputFormat of(Path path) {
        return of(path.getFileName() == null ? "" : path.getFileName().toString());
    }

    /** By the extension of a file name, path or URI: {@code .jsonl} and {@code .ndjson} are JSON Lines. */
    public static InputFormat of(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".jsonl") || lower.endsWith(".ndjson") ? JSONL : TEXT;
    }

    /** As users spell it: {@code text}, {@code jsonl}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
