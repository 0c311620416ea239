package org.frametag.seeds.behaviour;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a line of a template or lexicon file into columns. A tab or a run of two or more spaces
 * separates columns, so a file reads the same whether an editor keeps tabs or turns them into
 * spaces; a single space belongs to the text of a column.
 */
final class Columns {

    private static final Pattern SEPARATOR = Pattern.compile("\\t+ *| {2,}\\t*");

    /** The columns of {@code line}, trimmed; none for a blank line. */
    static List<String> split(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty()) {
            return List.of();
        }
        List<String> columns = new ArrayList<>();
        for (String column : SEPARATOR.split(trimmed)) {
            columns.add(column.strip());
        }
        return List.copyOf(columns);
    }

    /** Whether {@code line} holds nothing to read: blank, or a comment starting with {@code #}. */
    static boolean ignorable(String line) {
        String trimmed = line.strip();
        return trimmed.isEmpty() || trimmed.startsWith("#");
    }

    private Columns() {
    }
}
