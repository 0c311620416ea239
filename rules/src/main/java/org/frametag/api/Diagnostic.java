package org.frametag.api;

/**
 * A problem found in a rule pack, placed so an analyst can go straight to it.
 *
 * @param severity whether the pack can still run
 * @param file     the pack file, as a path inside the pack
 * @param line     1-based line, or 0 when the problem is the whole file
 * @param column   1-based column, or 0 when unknown
 * @param message  what is wrong and, where clear, how to fix it
 */
public record Diagnostic(Severity severity, String file, int line, int column, String message) {

    public enum Severity {
        ERROR,
        WARNING
    }

    public static Diagnostic error(String file, int line, int column, String message) {
        return new Diagnostic(Severity.ERROR, file, line, column, message);
    }

    public static Diagnostic warning(String file, int line, int column, String message) {
        return new Diagnostic(Severity.WARNING, file, line, column, message);
    }

    /** The same problem placed in {@code file}: a pack file as the user would open it, not as a path inside the pack. */
    public Diagnostic inFile(String file) {
        return new Diagnostic(severity, file, line, column, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line:column: error: message}, the form editors and terminals link to. */
    @Override
    public String toString() {
        StringBuilder at = new StringBuilder(file);
        if (line > 0) {
            at.append(':').append(line);
            if (column > 0) {
                at.append(':').append(column);
            }
        }
        return at + ": " + severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + message;
    }
}
