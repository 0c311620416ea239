package org.frametag.core.io;

import org.frametag.core.text.TerminalText;

/**
 * Why one input could not become a document. Kept apart from documents so a batch goes on
 * and every input ends up either in the output or in the error report.
 *
 * @param doc    the document id, when it is known
 * @param path   the file, or {@code -} for standard input
 * @param line   the line of a JSON Lines record or where a CSV row starts, or {@code null}
 * @param reason what went wrong, for a person
 */
public record InputProblem(String doc, String path, Integer line, String reason) {

    /** {@code path:line (doc): reason}, for a terminal: control characters are shown as escapes. */
    @Override
    public String toString() {
        return TerminalText.visible(path + (line == null ? "" : ":" + line) + (doc == null ? "" : " (" + doc + ")") + ": " + reason);
    }
}
