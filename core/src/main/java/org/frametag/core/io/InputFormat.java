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
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jsonl") || name.endsWith(".ndjson") ? JSONL : TEXT;
    }

    /** As users spell it: {@code text}, {@code jsonl}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
