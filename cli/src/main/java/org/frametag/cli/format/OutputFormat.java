package org.frametag.cli.format;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** The output formats of {@code classify}, as users spell them. */
public enum OutputFormat {
    text,
    jsonl,
    csv;

    public ResultWriter writer(Writer out, List<String> categories, boolean colour) throws IOException {
        return switch (this) {
            case text -> new TextResultWriter(out, categories, colour);
            case jsonl -> new JsonlResultWriter(out);
            case csv -> new CsvResultWriter(out, categories);
        };
    }
}
