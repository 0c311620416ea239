package org.frametag.rules.engine;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.frametag.api.Diagnostic;

/**
 * Rewrites the Drools errors analysts meet most (a misspelt fact type, field or method) into
 * one line that names the fix, and places them on the misspelt word. Other errors pass as they
 * are, on their first line.
 */
final class CompilerMessages {

    private static final Pattern UNKNOWN_TYPE = Pattern.compile("Unable to resolve ObjectType '([\\w.]+)'");
    private static final Pattern UNKNOWN_FIELD = Pattern.compile(
            "unable to resolve method using strict-mode: ([\\w.$]+)\\.(\\w+)\\(\\)");
    private static final Pattern UNKNOWN_METHOD = Pattern.compile("The method (\\w+)\\(([^)]*)\\) is undefined for the type (\\w+)");

    private static final Pattern PLACE_PREFIX = Pattern.compile("^\\[ERR \\d+] Line \\d+:(\\d+)\\s*");
    private static final String NULL_PACKAGE = "Parser returned a null Package";
    private static final String DUPLICATE = "duplicate rule name \"";

    static Diagnostic error(String file, String source, int line, int column, String drools) {
        Matcher place = PLACE_PREFIX.matcher(drools);
        if (column <= 0 && line > 0 && place.find()) {
            column = Integer.parseInt(place.group(1)) + 1;
        }
        String text = PLACE_PREFIX.matcher(drools).replaceFirst("");
        Matcher type = UNKNOWN_TYPE.matcher(text);
        if (type.find()) {
            String name = type.group(1);
            List<String> known = FactTypes.ALL.stream().map(Class::getSimpleName).toList();
            int at = columnOf(source, line, name);
            return Diagnostic.error(file, line, at > 0 ? at : column, "unknown fact type '" + name + "'"
                    + PackChecks.closest(name, known).map(k -> "; did you mean " + k + "?")
                    .orElse("; the fact types are " + String.join(", ", known) + " (import them from org.frametag.rules.facts)"));
        }
        Matcher field = UNKNOWN_FIELD.matcher(text);
        if (field.find()) {
            String owner = field.group(1).substring(field.group(1).lastIndexOf('.') + 1);
            String name = field.group(2);
            List<String> fields = fields(field.group(1));
            int at = columnOf(source, line, name);
            return Diagnostic.error(file, line, at > 0 ? at : column, owner + " has no field \"" + name + "\""
                    + PackChecks.closest(name, fields).map(k -> "; did you mean \"" + k + "\"?").orElse("")
                    + (fields.isEmpty() ? "" : " (its fields: " + String.join(", ", fields) + ")"));
        }
        Matcher method = UNKNOWN_METHOD.matcher(text);
        if (method.find()) {
            String name = method.group(1);
            int[] at = find(source, line, "." + name + "(");
            String hint = method.group(3).equals("Tagger") ? "; a consequence tags with tagger.tag($s, \"CATEGORY\")" : "";
            return Diagnostic.error(file, at[0] > 0 ? at[0] : line, at[0] > 0 ? at[1] + 1 : column,
                    method.group(3) + " has no method " + name + "(" + method.group(2) + ")" + hint);
        }
        return Diagnostic.error(file, line, column, text.lines().findFirst().orElse(text).strip().replaceAll("\\s+", " "));
    }

    /**
     * Removes Drools messages that only repeat a better one: "null Package" after a placed
     * syntax error in the same file, and Drools' own duplicate-rule messages (one per package,
     * some about generated classes) once the pack check has reported the duplicate.
     */
    static void dropRepeats(List<Diagnostic> diagnostics) {
        boolean duplicates = diagnostics.stream().anyMatch(d -> d.message().startsWith(DUPLICATE));
        List<Diagnostic> repeats = new ArrayList<>();
        for (Diagnostic d : diagnostics) {
            boolean nullPackage = d.line() == 0 && d.message().startsWith(NULL_PACKAGE) && diagnostics.stream()
                    .anyMatch(o -> o.isError() && o.line() > 0 && o.file().equals(d.file()));
            boolean droolsDuplicate = duplicates && (d.message().startsWith("Duplicate rule name")
                    || d.message().matches("(?s).*The type Rule_\\w+ is already defined.*"));
            if (nullPackage || droolsDuplicate) {
                repeats.add(d);
            }
        }
        diagnostics.removeAll(repeats);
    }

    /** Bean properties of a fact class, as rules name them. */
    private static List<String> fields(String className) {
        Optional<Class<?>> type = FactTypes.ALL.stream().filter(c -> c.getName().equals(className)).findFirst();
        if (type.isEmpty()) {
            return List.of();
        }
        TreeSet<String> names = new TreeSet<>();
        for (Method m : type.get().getMethods()) {
            if (!Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0 && m.getDeclaringClass() != Object.class) {
                String n = m.getName();
                String prop = n.startsWith("get") && n.length() > 3 ? n.substring(3) : n.startsWith("is") && n.length() > 2 ? n.substring(2) : null;
                if (prop != null) {
                    names.add(prop.substring(0, 1).toLowerCase(Locale.ROOT) + prop.substring(1));
                }
            }
        }
        return new ArrayList<>(names);
    }

    /** The 1-based column of {@code word} as a whole word on {@code line}, or 0. */
    private static int columnOf(String source, int line, String word) {
        List<String> lines = source.lines().toList();
        if (line < 1 || line > lines.size()) {
            return 0;
        }
        Matcher m = Pattern.compile("(?<![\\w$])" + Pattern.quote(word) + "(?!\\w)").matcher(lines.get(line - 1));
        return m.find() ? m.start() + 1 : 0;
    }

    /** The first place of {@code text} on or after {@code line}: {line, 0-based column}, or {0, 0}. */
    private static int[] find(String source, int line, String text) {
        List<String> lines = source.lines().toList();
        for (int i = Math.max(0, line - 1); i < lines.size(); i++) {
            int at = lines.get(i).indexOf(text);
            if (at >= 0) {
                return new int[] {i + 1, at + 1};
            }
        }
        return new int[] {0, 0};
    }

    private CompilerMessages() {
    }
}
