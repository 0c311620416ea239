package org.frametag.rules.terms;

import java.util.ArrayList;
import java.util.List;

/**
 * A named list of words and phrases for one concept. Rules see a match of any entry as a
 * {@code Mention} of the concept.
 *
 * <p>Format: one entry per line, multiword allowed; {@code #} starts a comment; blank lines are
 * ignored; {@code =Entry} matches the exact text, case included; {@code <NUMBER>},
 * {@code <PERCENT>} (or any token kind in angle brackets) matches any token of that kind.
 *
 * @param concept the concept's name (the file name without {@code .txt})
 * @param source  the file it came from, for messages
 */
public record TermList(String concept, String source, List<TermEntry> entries) {

    public TermList {
        entries = List.copyOf(entries);
    }

    public static TermList parse(String concept, String source, String content) {
        List<TermEntry> entries = new ArrayList<>();
        String[] lines = content.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            int column = line.length() - line.stripLeading().length() + 1;
            line = line.strip();
            if (line.isEmpty()) {
                continue;
            }
            boolean exact = line.startsWith("=");
            entries.add(new TermEntry(exact ? line.substring(1).strip() : line, exact, i + 1, column));
        }
        return new TermList(concept, source, entries);
    }
}
