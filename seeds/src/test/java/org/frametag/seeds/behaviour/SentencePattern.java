package org.frametag.seeds.behaviour;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One sentence template, split into literal text and the slots that fill it:
 * <ul>
 *   <li>{@code {country}}: an entry of the lexicon {@code country} (its first field);</li>
 *   <li>{@code {country.adj}}: the field {@code adj} of that same entry: every slot of a test case
 *       that names {@code country} takes one entry, in every variant of the case;</li>
 *   <li>{@code {country2}}, {@code {country2.adj}}: a second entry of the same lexicon, never the
 *       same as {@code {country}}'s;</li>
 *   <li>{@code {a:attack}}: the entry with "a" or "an" before it;</li>
 *   <li>{@code {was|is|has been}}: one of the words between the bars ({@code {|very}}: "very" or
 *       nothing); the same group written again takes the same choice.</li>
 * </ul>
 *
 * @param text  the template as written
 * @param parts its literal text and slots, in order
 */
record SentencePattern(String text, List<Part> parts) {

    private static final Pattern SLOT = Pattern.compile(
            "(a:)?(" + Lexicons.NAME.pattern() + ")([0-9]*)(?:\\.(" + Lexicons.FIELD.pattern() + "))?");

    SentencePattern {
        parts = List.copyOf(parts);
    }

    /** A piece of a sentence template. */
    sealed interface Part permits Literal, Slot, Choice {

        /** The name under which a test case binds this part to a choice; none for literal text. */
        String binding();
    }

    /** Text written as it is. */
    record Literal(String text) implements Part {

        @Override
        public String binding() {
            return null;
        }
    }

    /**
     * A slot filled from a lexicon.
     *
     * @param binding the lexicon's name and any digits after it: slots with one binding share an entry
     * @param lexicon the lexicon's name
     * @param field   the field to take, or {@code null} for the first
     * @param article whether "a" or "an" goes before the value
     */
    record Slot(String binding, String lexicon, String field, boolean article) implements Part {
    }

    /** A choice between words written in the template itself. */
    record Choice(String binding, List<String> options) implements Part {

        Choice {
            options = List.copyOf(options);
        }
    }

    /** Reads a sentence template. */
    static SentencePattern parse(String text) {
        List<Part> parts = new ArrayList<>();
        int i = 0;
        StringBuilder literal = new StringBuilder();
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '}') {
                throw new IllegalArgumentException("a '}' with no '{' before it at character " + (i + 1) + " of: " + text);
            }
            if (c != '{') {
                literal.append(c);
                i++;
                continue;
            }
            int close = text.indexOf('}', i);
            int nextOpen = text.indexOf('{', i + 1);
            if (close < 0 || nextOpen >= 0 && nextOpen < close) {
                throw new IllegalArgumentException("a '{' with no '}' after it at character " + (i + 1) + " of: " + text);
            }
            if (!literal.isEmpty()) {
                parts.add(new Literal(literal.toString()));
                literal.setLength(0);
            }
            String inside = text.substring(i + 1, close);
            parts.add(slot(inside));
            i = close + 1;
        }
        if (!literal.isEmpty()) {
            parts.add(new Literal(literal.toString()));
        }
        return new SentencePattern(text, parts);
    }

    private static Part slot(String inside) {
        if (inside.contains("|")) {
            List<String> options = Arrays.stream(inside.split("\\|", -1)).map(String::strip).toList();
            return new Choice("{" + inside + "}", options);
        }
        Matcher m = SLOT.matcher(inside.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("{" + inside + "} is not a slot: write {lexicon}, {lexicon.field}, "
                    + "{lexicon2}, {a:lexicon} or {one|other}");
        }
        return new Slot(m.group(2) + m.group(3), m.group(2), m.group(4), m.group(1) != null);
    }

    /** The slots that name a lexicon. */
    List<Slot> slots() {
        return parts.stream().filter(Slot.class::isInstance).map(Slot.class::cast).toList();
    }
}
