package org.frametag.seeds.behaviour;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads template files. A line is a template, its columns (see {@link Columns}) are
 * <pre>
 * TYPE  EXPECTATION  CATEGORY  SENTENCE...
 * MFT   TAG | NOT    CATEGORY  one sentence template
 * INV   SAME         CATEGORY  two or more sentence templates
 * DIR   KEEP | REMOVE | ADD  CATEGORY  the original sentence template  the changed one
 * </pre>
 * {@code ALL} as the category of an {@code MFT NOT} line tests every category. Other lines:
 * {@code # comment}, {@code ## heading} (the capability the next templates test, shown in
 * reports), {@code @samples N} (the most test cases each next template yields; default
 * {@value #DEFAULT_SAMPLES}). Problems are collected with file and line, never thrown, so one
 * report lists them all.
 */
final class TemplateParser {

    static final int DEFAULT_SAMPLES = 40;
    static final String ALL = "ALL";

    private final List<String> categories;

    /** A parser for templates of {@code categories}, in the order reports list them. */
    TemplateParser(List<String> categories) {
        this.categories = List.copyOf(categories);
    }

    /** Templates read and the problems found. */
    record Parsed(List<Template> templates, List<String> errors) {

        Parsed {
            templates = List.copyOf(templates);
            errors = List.copyOf(errors);
        }
    }

    /** Reads every {@code .tsv} file of {@code folder}, in name order. */
    Parsed load(Path folder) {
        List<Template> templates = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".tsv")).sorted().toList()) {
                Parsed parsed = parse(file.getFileName().toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
                templates.addAll(parsed.templates());
                errors.addAll(parsed.errors());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (templates.isEmpty() && errors.isEmpty()) {
            errors.add(folder.getFileName() + ": no templates");
        }
        return new Parsed(templates, errors);
    }

    /** Reads the lines of one template file; {@code source} names it in reports. */
    Parsed parse(String source, List<String> lines) {
        List<Template> templates = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        String capability = "";
        int samples = DEFAULT_SAMPLES;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            String where = source + ":" + (i + 1);
            if (line.startsWith("##")) {
                capability = line.substring(2).strip();
                continue;
            }
            if (Columns.ignorable(line)) {
                continue;
            }
            if (line.startsWith("@")) {
                List<String> directive = List.of(line.split("\\s+"));
                if (directive.size() == 2 && directive.get(0).equals("@samples") && directive.get(1).matches("[1-9][0-9]{0,4}")) {
                    samples = Integer.parseInt(directive.get(1));
                } else {
                    errors.add(where + ": the only directive is '@samples N' (N from 1 to 99999), not: " + line);
                }
                continue;
            }
            try {
                templates.addAll(template(where, capability, samples, Columns.split(line)));
            } catch (IllegalArgumentException e) {
                errors.add(where + ": " + e.getMessage());
            }
        }
        return new Parsed(templates, errors);
    }

    private List<Template> template(String where, String capability, int samples, List<String> columns) {
        if (columns.size() < 4) {
            throw new IllegalArgumentException("a template has at least four columns (TYPE EXPECTATION CATEGORY SENTENCE), "
                    + "found " + columns.size() + ": " + String.join(" | ", columns));
        }
        TestType type = parseEnum(TestType.class, columns.get(0), "test type");
        Expectation expectation = parseEnum(Expectation.class, columns.get(1), "expectation");
        if (expectation.type() != type) {
            throw new IllegalArgumentException(type + " does not take " + expectation + "; it takes "
                    + Stream.of(Expectation.values()).filter(e -> e.type() == type).map(Enum::name).toList());
        }
        String category = columns.get(2);
        List<String> tested;
        if (category.equals(ALL)) {
            if (expectation != Expectation.NOT) {
                throw new IllegalArgumentException(ALL + " goes only with MFT NOT (no category at all)");
            }
            tested = categories;
        } else if (categories.contains(category)) {
            tested = List.of(category);
        } else {
            throw new IllegalArgumentException("unknown category " + category + "; the categories are " + categories
                    + " and " + ALL);
        }
        List<String> sentences = columns.subList(3, columns.size());
        if (!expectation.accepts(sentences.size())) {
            throw new IllegalArgumentException(type + " " + expectation + " takes " + expectation.variantsNeeded()
                    + ", found " + sentences.size());
        }
        List<SentencePattern> variants = sentences.stream().map(SentencePattern::parse).toList();
        return tested.stream().map(c -> new Template(where, capability, expectation, c, variants, samples)).toList();
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String text, String what) {
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown " + what + " " + text + "; one of "
                    + List.of(type.getEnumConstants()));
        }
    }
}
