package org.frametag.seeds.behaviour;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The lexicons templates are filled from, read from a folder: {@code name.txt} holds one entry a
 * line; {@code name.tsv} holds a header line naming the fields and then one entry a line, its
 * fields in columns (see {@link Columns}). Lines starting with {@code #} are comments. Names are
 * lower-case letters, digits never (a digit after a slot's name picks a second entry:
 * {@code {country2}}).
 */
final class Lexicons {

    static final Pattern NAME = Pattern.compile("[a-z][a-z_]*");
    static final Pattern FIELD = Pattern.compile("[a-z][a-z_0-9]*");

    private final Map<String, Lexicon> byName;
    private final List<String> errors;

    Lexicons(Map<String, Lexicon> byName, List<String> errors) {
        this.byName = Map.copyOf(byName);
        this.errors = List.copyOf(errors);
    }

    /** Reads every {@code .txt} and {@code .tsv} file of {@code folder}. */
    static Lexicons load(Path folder) {
        Map<String, Lexicon> lexicons = new TreeMap<>();
        List<String> errors = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                String fileName = file.getFileName().toString();
                boolean table = fileName.endsWith(".tsv");
                if (!table && !fileName.endsWith(".txt")) {
                    continue;
                }
                String name = fileName.substring(0, fileName.length() - 4);
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                Parsed parsed = parse(name, fileName, lines, table);
                errors.addAll(parsed.errors());
                parsed.lexicon().ifPresent(l -> {
                    if (lexicons.putIfAbsent(name, l) != null) {
                        errors.add(fileName + ": a lexicon named " + name + " is already defined");
                    }
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Lexicons(lexicons, errors);
    }

    /** A lexicon read from its lines, with the problems found in them. */
    record Parsed(Optional<Lexicon> lexicon, List<String> errors) {
    }

    /**
     * Reads one lexicon: a table when {@code table}, else one entry a line. {@code source} names
     * the file in error messages.
     */
    static Parsed parse(String name, String source, List<String> lines, boolean table) {
        List<String> errors = new ArrayList<>();
        if (!NAME.matcher(name).matches()) {
            errors.add(source + ": a lexicon's name is lower-case letters and underscores, not " + name);
            return new Parsed(Optional.empty(), errors);
        }
        List<String> fields = null;
        List<List<String>> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (Columns.ignorable(line)) {
                continue;
            }
            String where = source + ":" + (i + 1);
            if (!table) {
                if (fields == null) {
                    fields = List.of("value");
                }
                entries.add(List.of(line.strip()));
                continue;
            }
            List<String> columns = Columns.split(line);
            if (fields == null) {
                fields = columns;
                for (String field : fields) {
                    if (!FIELD.matcher(field).matches()) {
                        errors.add(where + ": a field's name is lower-case letters, digits and underscores, not " + field);
                    }
                }
                if (fields.stream().distinct().count() != fields.size()) {
                    errors.add(where + ": the header names a field twice");
                }
            } else if (columns.size() != fields.size()) {
                errors.add(where + ": " + columns.size() + " columns where the header has " + fields.size());
            } else {
                entries.add(columns);
            }
        }
        if (fields == null) {
            fields = table ? List.of() : List.of("value");
        }
        if (table && fields.isEmpty()) {
            errors.add(source + ": a table needs a header line naming its fields");
            return new Parsed(Optional.empty(), errors);
        }
        return new Parsed(Optional.of(new Lexicon(name, fields, entries)), errors);
    }

    Optional<Lexicon> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Problems found while reading the lexicons: file and line, and what is wrong. */
    List<String> errors() {
        return errors;
    }
}
