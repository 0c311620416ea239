package org.frametag.rules.terms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TermListTest {

    /** The format read line by line, one string at a time: what {@code parse} must give. */
    private static List<TermEntry> lineByLine(String content) {
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
        return entries;
    }

    @Test
    void entriesKeepTheirTextLineColumnAndExactMark() {
        String content = "# a comment\n\nvote buying\r\n  =CEC  # the commission\n\t= US\n=\nelection   \n#\nlast";

        assertThat(TermList.parse("c", "c.txt", content).entries()).containsExactly(
                new TermEntry("vote buying", false, 3, 1), new TermEntry("CEC", true, 4, 3),
                new TermEntry("US", true, 5, 2), new TermEntry("", true, 6, 1), new TermEntry("election", false, 7, 1),
                new TermEntry("last", false, 9, 1));
    }

    @Test
    void parsingGivesWhatReadingLineByLineGives() {
        String alphabet = "ab =#<>-\r\n\t\u00a0\u2003é";
        Random random = new Random(13);
        for (int round = 0; round < 2_000; round++) {
            StringBuilder content = new StringBuilder();
            int length = random.nextInt(60);
            for (int k = 0; k < length; k++) {
                content.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = content.toString();

            TermList list = TermList.parse("c", "c.txt", text);

            assertThat(list.entries()).as("%s", text.replace("\r", "\\r").replace("\n", "\\n")).isEqualTo(lineByLine(text));
            assertThat(list).isEqualTo(new TermList("c", "c.txt", lineByLine(text)));
        }
    }

    @Test
    void wordsCountsTheRunsBetweenWhitespaceOfEveryEntry() {
        String content = "vote buying\n  =CEC  # the commission\n\te-voting  at\tpolls\n# a b c\n";

        assertThat(TermList.parse("c", "c.txt", content).words()).isEqualTo(6);
        assertThat(new TermList("c", "c.txt", lineByLine(content)).words()).isEqualTo(6);
    }

    @Test
    void entriesCannotBeChanged() {
        List<TermEntry> entries = TermList.parse("c", "c.txt", "one\ntwo\n").entries();

        assertThatThrownBy(() -> entries.add(new TermEntry("three", false, 3))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> entries.get(2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(entries.subList(1, 2)).containsExactly(new TermEntry("two", false, 2));
    }
}
