package org.frametag.seeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The concept table of the rules guide is where analysts look a list up, so it names every term list
 * of the bundled pack with its number of entries, and no list the pack does not have.
 */
class ConceptTableTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path TERMS = ROOT.resolve("rules/src/main/resources/org/frametag/rules/pack/terms");
    private static final Path GUIDE = ROOT.resolve("docs/rules.md");
    private static final Pattern ROW = Pattern.compile("(?m)^\\| `([^`]+)` \\| (\\d+) \\|");

    @Test
    void everyTermListHasARowWithItsNumberOfEntries() throws IOException {
        Map<String, Integer> rows = tableRows();
        Map<String, Integer> lists = termLists();
        List<String> outOfStep = new ArrayList<>();
        lists.forEach((list, entries) -> {
            if (!entries.equals(rows.get(list))) {
                outOfStep.add(list + ": " + entries + " entries, table says " + rows.get(list));
            }
        });
        rows.keySet().stream().filter(row -> !lists.containsKey(row)).forEach(row -> outOfStep.add(row + ": no such list"));

        assertThat(outOfStep).as("rows of the concept table in docs/rules.md").isEmpty();
    }

    private static Map<String, Integer> tableRows() throws IOException {
        String guide = Files.readString(GUIDE, StandardCharsets.UTF_8);
        Matcher row = ROW.matcher(guide.substring(guide.indexOf("\n## Concepts\n")));
        Map<String, Integer> rows = new TreeMap<>();
        while (row.find()) {
            rows.put(row.group(1), Integer.parseInt(row.group(2)));
        }
        return rows;
    }

    private static Map<String, Integer> termLists() throws IOException {
        Map<String, Integer> lists = new TreeMap<>();
        try (Stream<Path> files = Files.list(TERMS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).toList()) {
                String name = file.getFileName().toString().replaceFirst("\\.txt$", "");
                int entries = (int) Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                        .filter(line -> !line.isBlank() && !line.startsWith("#"))
                        .count();
                lists.put(name, entries);
            }
        }
        return lists;
    }
}
