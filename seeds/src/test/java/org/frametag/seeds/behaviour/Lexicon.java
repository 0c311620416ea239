package org.frametag.seeds.behaviour;

import java.util.List;

/**
 * A list of words or phrases that fill a slot of a template, such as countries or verbs of
 * saying. A one-column lexicon has the single field {@code value}; a table names its fields in a
 * header line, and the first field is the one a bare {@code {name}} slot takes.
 *
 * @param name    the lexicon's name, as slots write it
 * @param fields  the names of the fields, in column order
 * @param entries one list of values per entry, in field order
 */
record Lexicon(String name, List<String> fields, List<List<String>> entries) {

    Lexicon {
        fields = List.copyOf(fields);
        entries = entries.stream().map(List::copyOf).toList();
    }

    int size() {
        return entries.size();
    }

    boolean hasField(String field) {
        return fields.contains(field);
    }

    /** The value of {@code field} in entry {@code entry}; {@code null} names the first field. */
    String value(int entry, String field) {
        int column = field == null ? 0 : fields.indexOf(field);
        if (column < 0) {
            throw new IllegalArgumentException("lexicon " + name + " has no field " + field);
        }
        return entries.get(entry).get(column);
    }
}
