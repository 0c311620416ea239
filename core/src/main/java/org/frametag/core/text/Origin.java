package org.frametag.core.text;

/**
 * Where a document came from, so any problem with it can name the file and line.
 *
 * @param path the file, or {@code -} for standard input
 * @param line the line of a JSON Lines record or where a CSV row starts, or {@code null} for a whole file
 */
public record Origin(String path, Integer line) {

    @Override
    public String toString() {
        return line == null ? path : path + ":" + line;
    }
}
