package org.frametag.rules.format;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/** The output formats of classified documents. */
public enum OutputFormat {
    /** For people: tagged sentences with their rules and evidence marked, and counts per category. */
    TEXT,
    /** The machine contract: one JSON object per sentence, untagged sentences included. */
    JSONL,
    /** One row per sentence with a 0/1 column per category. */
    CSV;

    /**
     * A writer of this format to {@code out}.
     *
     * @param categories the pack's categories, in order (the text format's counts, the CSV columns)
     * @param colour     whether the text format may mark evidence with terminal colours
     */
    public ResultWriter writer(Writer out, List<String> categories, boolean colour) throws IOException {
        return writer(out, categories, colour, false);
    }

    /**
     * As {@link #writer(Writer, List, boolean)}; {@code guardFormulas} makes the CSV format prefix
     * text cells a spreadsheet would run as formulas with {@code '}.
     */
    public ResultWriter writer(Writer out, List<String> categories, boolean colour, boolean guardFormulas) throws IOException {
        return switch (this) {
            case TEXT -> new TextResultWriter(out, categories, colour);
            case JSONL -> new JsonlResultWriter(out);
            case CSV -> new CsvResultWriter(out, categories, guardFormulas);
        };
    }

    /** As users spell it: {@code text}, {@code jsonl}, {@code csv}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
