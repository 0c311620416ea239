package org.frametag.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.frametag.core.io.Documents;
import org.frametag.core.text.Document;
import org.frametag.core.text.Origin;
import org.frametag.core.text.Span;
import org.frametag.rules.engine.ClassifiedDocument;
import org.frametag.rules.engine.Classifier;
import org.frametag.rules.engine.SentenceResult;
import org.frametag.rules.engine.Tag;
import org.frametag.rules.pack.DrlOutline;
import org.frametag.rules.pack.PackOutline;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code frametag explain}: why each sentence got its tags, or did not. Shows the rule behind
 * each tag, its evidence words, the concept mentions the rules could see, context tags with the
 * sentence they came from, and the rules that came close: some of their concepts were seen.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Explain the tags of a text: rules, evidence, the concepts the rules saw and the rules that nearly fired.")
public final class ExplainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RulesOptions rules;

    /** The text comes from the command line or from a file, never both. */
    static final class Source {
        @Parameters(paramLabel = "TEXT", arity = "1..*", description = "The text to explain (words are joined by spaces).")
        List<String> words;

        @Option(names = "--file", paramLabel = "PATH", description = "Explain the document in PATH (- for standard input).")
        Path file;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--sentence", paramLabel = "N", description = "Only explain sentence N (from 0).")
    Integer sentence;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Classifier classifier = rules.compile(err);
        if (classifier == null) {
            return ExitCode.USAGE_OR_RULES;
        }
        Document document;
        try {
            document = document();
        } catch (NoSuchFileException e) {
            err.println("frametag: file not found: " + source.file);
            return ExitCode.USAGE_OR_RULES;
        }
        ClassifiedDocument result = classifier.classify(document);
        if (sentence != null && (sentence < 0 || sentence >= result.sentences().size())) {
            err.println("frametag: there is no sentence " + sentence + "; the text has " + result.sentences().size()
                    + " (numbered from 0)");
            return ExitCode.USAGE_OR_RULES;
        }
        out.print(explain(result, classifier.categories(), PackOutline.of(rules.pack()), sentence));
        out.flush();
        return ExitCode.OK;
    }

    private Document document() throws IOException {
        if (source.file == null) {
            return Document.of("text", String.join(" ", source.words));
        }
        String name = source.file.toString();
        String text = name.equals("-") ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                : Files.readString(source.file, StandardCharsets.UTF_8);
        String id = source.file.getFileName() == null ? name : source.file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        return Documents.fromText(id, text, Map.of(), new Origin(name, null));
    }

    static String explain(ClassifiedDocument result, List<String> categories, PackOutline outline, Integer only) {
        Comparator<Tag> order = Comparator.comparingInt((Tag t) -> categories.indexOf(t.category())).thenComparing(Tag::rule);
        StringBuilder s = new StringBuilder();
        String text = result.document().text();
        for (SentenceResult r : result.sentences()) {
            if (only != null && r.sentence().index() != only) {
                continue;
            }
            s.append('#').append(r.sentence().index()).append(' ').append(marked(text, r)).append('\n');
            if (r.tags().isEmpty()) {
                s.append("  no tags\n");
            }
            for (Tag tag : r.tags().stream().sorted(order).toList()) {
                s.append("  ").append(tag.category()).append(" by rule \"").append(tag.rule()).append('"');
                outline.find(tag.rule()).ifPresent(l -> s.append(" (").append(l.place()).append(')'));
                s.append('\n');
                if (!tag.evidence().isEmpty()) {
                    s.append("    evidence: ").append(tag.evidence().stream()
                            .map(e -> "\"" + oneLine(e.coveredText(text)) + "\"").collect(Collectors.joining(", "))).append('\n');
                }
                if (tag.isContext()) {
                    SentenceResult from = result.sentences().get(tag.contextSentence());
                    s.append("    context from #").append(tag.contextSentence()).append(": ")
                            .append(oneLine(from.sentence().text())).append('\n');
                }
            }
            s.append("  concepts seen: ").append(r.mentions().isEmpty() ? "none" : r.mentions().stream()
                    .map(m -> m.concept() + " \"" + oneLine(m.text()) + "\"").collect(Collectors.joining(", "))).append('\n');
            s.append(nearMisses(r, outline));
        }
        return s.toString();
    }

    /** Rules that did not fire although the sentence mentions some of the concepts they name. */
    private static String nearMisses(SentenceResult r, PackOutline outline) {
        Set<String> fired = new TreeSet<>();
        r.tags().forEach(t -> fired.add(t.rule()));
        Set<String> seen = new TreeSet<>();
        r.mentions().forEach(m -> seen.add(m.concept()));
        List<String> lines = new ArrayList<>();
        for (PackOutline.Located rule : outline.rules()) {
            if (fired.contains(rule.rule().name())) {
                continue;
            }
            Set<String> needs = new LinkedHashSet<>();
            rule.rule().concepts().stream().map(DrlOutline.Literal::value).forEach(needs::add);
            Set<String> present = needs.stream().filter(seen::contains).collect(Collectors.toCollection(LinkedHashSet::new));
            if (present.isEmpty()) {
                continue;
            }
            Set<String> missing = new LinkedHashSet<>(needs);
            missing.removeAll(present);
            lines.add("    \"" + rule.rule().name() + "\" (" + rule.category() + ", " + rule.place() + "): saw "
                    + String.join(", ", present) + (missing.isEmpty() ? "; all its concepts were seen, so another condition failed"
                    : "; did not see " + String.join(", ", missing)) + "\n");
        }
        return lines.isEmpty() ? "" : "  rules that did not fire:\n" + String.join("", lines);
    }

    private static String marked(String text, SentenceResult r) {
        TreeSet<Span> evidence = new TreeSet<>();
        r.tags().forEach(t -> evidence.addAll(t.evidence()));
        StringBuilder line = new StringBuilder();
        int at = r.sentence().start();
        for (Span e : evidence) {
            if (e.start() < at || e.end() > r.sentence().end()) {
                continue;
            }
            line.append(text, at, e.start()).append('[').append(e.coveredText(text)).append(']');
            at = e.end();
        }
        line.append(text, at, r.sentence().end());
        return oneLine(line.toString());
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s*\\R\\s*", " ");
    }
}
