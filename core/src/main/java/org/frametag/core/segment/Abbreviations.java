package org.frametag.core.segment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one list of abbreviations, read from {@code abbreviations.txt} next to this class: the
 * tokenizer keeps their period in the token, and the segmenter reads each one's class to decide
 * whether its period ends a sentence. News writes "Mr. Putin", "Jan. 5", "the U.S. Senate" and
 * "Apple Inc. said" mid-sentence, but "in the U.S. The" and "at 8 p.m. The" end one.
 */
public final class Abbreviations {

    /** The resource the standard list is read from, relative to this class. */
    private static final String RESOURCE = "abbreviations.txt";

    /** How a period after a word behaves; the names are the classes of the list file. */
    enum Kind {
        /** Not an abbreviation: the period is a full stop. */
        NONE,
        /** Titles and "vs.", "e.g.": always followed by more of the sentence. */
        TITLE,
        /** "St.", "ул.": a title before a name, a suffix after a capitalised word or a number. */
        STREET,
        /** "No.", "Jan.", "p.": not an end before a number, an end otherwise. */
        NUMBER,
        /** "Inc.", "Jr.", "Ave.": an end only before a word that typically opens a sentence. */
        SUFFIX,
        /** "etc.", "min.": an end before any capitalised word. */
        FINAL,
        /** "a.m.", "p.m.": an end before a capitalised word but a time zone, a weekday or "X time". */
        TIME,
        /** Single capitals and dotted acronyms ("J.", "U.S."), by shape: like {@link #SUFFIX}. */
        INITIALS
    }

    private static final Abbreviations STANDARD = load();

    private final Map<String, Kind> kinds;
    private final Set<String> words;

    private Abbreviations(Map<String, Kind> kinds) {
        this.kinds = Map.copyOf(kinds);
        this.words = Set.copyOf(kinds.keySet());
    }

    /** The list shipped in {@code abbreviations.txt}. */
    public static Abbreviations standard() {
        return STANDARD;
    }

    /**
     * Reads a list: one abbreviation a line, lower case, without its final period, then
     * whitespace and its class ({@code title}, {@code street}, {@code number}, {@code suffix},
     * {@code final}, {@code time}); {@code #} starts a comment.
     *
     * @throws IllegalArgumentException on a line without a known class, or a word listed twice
     */
    static Abbreviations parse(String list) {
        Map<String, Kind> kinds = new HashMap<>();
        String[] lines = list.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            int hash = line.indexOf('#');
            String content = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (content.isEmpty()) {
                continue;
            }
            String[] fields = content.split("\\s+");
            Kind kind = fields.length == 2 ? kindNamed(fields[1]) : null;
            if (kind == null) {
                throw new IllegalArgumentException("line " + (n + 1) + ": expected an abbreviation and one of "
                        + "title, street, number, suffix, final, time: " + line);
            }
            String word = fields[0].toLowerCase(Locale.ROOT);
            if (word.endsWith(".")) {
                throw new IllegalArgumentException(
                        "line " + (n + 1) + ": write the abbreviation without its final period: " + line);
            }
            if (kinds.put(word, kind) != null) {
                throw new IllegalArgumentException("line " + (n + 1) + ": listed twice: " + word);
            }
        }
        return new Abbreviations(kinds);
    }

    private static Kind kindNamed(String name) {
        return switch (name) {
            case "title" -> Kind.TITLE;
            case "street" -> Kind.STREET;
            case "number" -> Kind.NUMBER;
            case "suffix" -> Kind.SUFFIX;
            case "final" -> Kind.FINAL;
            case "time" -> Kind.TIME;
            default -> null;
        };
    }

    private static Abbreviations load() {
        try (InputStream in = Abbreviations.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        "missing resource " + RESOURCE + " next to " + Abbreviations.class.getName());
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every listed abbreviation, lower case, without its final period. */
    public Set<String> words() {
        return words;
    }

    /** The class of a listed abbreviation ({@code lowerWord} without its final period), else {@link Kind#NONE}. */
    Kind kindOf(String lowerWord) {
        return kinds.getOrDefault(lowerWord, Kind.NONE);
    }
}
