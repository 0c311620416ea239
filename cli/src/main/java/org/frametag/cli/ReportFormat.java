package org.frametag.cli;

import java.util.Locale;

/** Output formats of the commands that print a report rather than classified documents. */
enum ReportFormat {
    TEXT,
    JSONL;

    /** As users spell it. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
