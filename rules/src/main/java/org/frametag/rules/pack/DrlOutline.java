package org.frametag.rules.pack;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a DRL file declares, read from its source text with places: its rules, the categories
 * its consequences tag and the concepts its conditions name. The Drools compiler knows none of
 * this as pack semantics (to it a category is just a string), so checks that an analyst needs
 * before running anything, such as an unknown category or a concept without a term list, start
 * here. Comments are skipped; only string literals are understood, not computed values.
 *
 * @param file  the DRL file's path inside the pack
 * @param rules the rules, in source order
 */
public record DrlOutline(String file, List<RuleDecl> rules) {

    /** A string literal of the source, at its opening quote (1-based line and column). */
    public record Literal(String value, int line, int column) {
    }

    /**
     * One rule as written.
     *
     * @param name        the rule's name
     * @param line        the line of the {@code rule} keyword
     * @param column      the column of the {@code rule} keyword
     * @param hasExamples whether the rule carries an {@code @example} annotation
     * @param categories  the category literals passed to {@code tagger.tag} or {@code tagger.exclude}
     * @param concepts    the concept literals compared with {@code concept}
     * @param tested      the category literals compared with {@code category}, as in a
     *                    {@code Tagged(category == "X")} condition
     */
    public record RuleDecl(String name, int line, int column, boolean hasExamples, List<Literal> categories,
                           List<Literal> concepts, List<Literal> tested) {

        public RuleDecl {
            categories = List.copyOf(categories);
            concepts = List.copyOf(concepts);
            tested = List.copyOf(tested);
        }
    }

    private static final Pattern RULE = Pattern.compile(
            "(?m)^[ \\t]*(rule)\\s+(?:\"((?:[^\"\\\\]|\\\\.)*)\"|'((?:[^'\\\\]|\\\\.)*)'|([^\\s\"']+))");
    private static final Pattern WHEN = Pattern.compile("\\bwhen\\b");
    private static final Pattern EXAMPLE = Pattern.compile("@example\\s*\\(");
    private static final Pattern TAG_CALL = Pattern.compile(
            "\\btagger\\s*\\.\\s*(?:tag|exclude)\\s*\\([^;\"]*?,\\s*(\")((?:[^\"\\\\]|\\\\.)*)\"\\s*\\)");
    private static final Pattern CONCEPT = comparison("concept");
    private static final Pattern CATEGORY = comparison("category");
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    public DrlOutline {
        rules = List.copyOf(rules);
    }

    public static DrlOutline of(PackFile drl) {
        String source = withoutComments(drl.content());
        int[] lineStarts = lineStarts(source);
        List<int[]> bounds = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Matcher rule = RULE.matcher(source);
        while (rule.find()) {
            bounds.add(new int[] {rule.start(1), rule.end()});
            String name = rule.group(2) != null ? rule.group(2) : rule.group(3) != null ? rule.group(3) : rule.group(4);
            names.add(name.replaceAll("\\\\(.)", "$1"));
        }
        List<RuleDecl> rules = new ArrayList<>();
        for (int r = 0; r < bounds.size(); r++) {
            int start = bounds.get(r)[0];
            int bodyStart = bounds.get(r)[1];
            int end = r + 1 < bounds.size() ? bounds.get(r + 1)[0] : source.length();
            String body = source.substring(bodyStart, end);
            Matcher when = WHEN.matcher(body);
            String header = when.find() ? body.substring(0, when.start()) : body;
            List<Literal> categories = new ArrayList<>();
            Matcher tag = TAG_CALL.matcher(body);
            while (tag.find()) {
                categories.add(literal(tag.group(2), bodyStart + tag.start(1), lineStarts));
            }
            List<Literal> concepts = literals(CONCEPT, body, bodyStart, lineStarts);
            List<Literal> tested = literals(CATEGORY, body, bodyStart, lineStarts);
            int[] at = place(start, lineStarts);
            rules.add(new RuleDecl(names.get(r), at[0], at[1], EXAMPLE.matcher(header).find(), categories, concepts, tested));
        }
        return new DrlOutline(drl.path(), rules);
    }

    /**
     * A field compared with string literals: {@code field == "a"}, {@code field != "a" || == "b"},
     * {@code field in ("a", "b")}, {@code field not in (...)}.
     */
    private static Pattern comparison(String field) {
        String literal = "\"(?:[^\"\\\\]|\\\\.)*\"";
        return Pattern.compile("\\b" + field + "\\s*(?:(?:==|!=)\\s*" + literal + "(?:\\s*(?:\\|\\||&&)\\s*(?:==|!=)\\s*"
                + literal + ")*|(?:not\\s+)?in\\s*\\([^)]*\\))");
    }

    /** The string literals inside every match of {@code comparison} in {@code body}. */
    private static List<Literal> literals(Pattern comparison, String body, int bodyStart, int[] lineStarts) {
        List<Literal> found = new ArrayList<>();
        Matcher m = comparison.matcher(body);
        while (m.find()) {
            Matcher s = STRING.matcher(body).region(m.start(), m.end());
            while (s.find()) {
                found.add(literal(s.group(1), bodyStart + s.start(), lineStarts));
            }
        }
        return found;
    }

    private static Literal literal(String raw, int offset, int[] lineStarts) {
        int[] at = place(offset, lineStarts);
        return new Literal(raw.replaceAll("\\\\(.)", "$1"), at[0], at[1]);
    }

    /** 1-based line and column of {@code offset}. */
    private static int[] place(int offset, int[] lineStarts) {
        int line = 0;
        while (line + 1 < lineStarts.length && lineStarts[line + 1] <= offset) {
            line++;
        }
        return new int[] {line + 1, offset - lineStarts[line] + 1};
    }

    private static int[] lineStarts(String source) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < source.length(); i++) {
            if (source.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The source with every comment blanked out, keeping offsets, lines and string literals. */
    static String withoutComments(String source) {
        StringBuilder out = new StringBuilder(source);
        char quote = 0;
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            char next = i + 1 < out.length() ? out.charAt(i + 1) : 0;
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote || c == '\n') {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '/' && next == '/') {
                while (i < out.length() && out.charAt(i) != '\n') {
                    out.setCharAt(i++, ' ');
                }
            } else if (c == '/' && next == '*') {
                out.setCharAt(i, ' ');
                out.setCharAt(i + 1, ' ');
                i += 2;
                while (i < out.length() && !(out.charAt(i) == '*' && i + 1 < out.length() && out.charAt(i + 1) == '/')) {
                    if (out.charAt(i) != '\n') {
                        out.setCharAt(i, ' ');
                    }
                    i++;
                }
                if (i < out.length()) {
                    out.setCharAt(i, ' ');
                    out.setCharAt(++i, ' ');
                }
            }
        }
        return out.toString();
    }
}
