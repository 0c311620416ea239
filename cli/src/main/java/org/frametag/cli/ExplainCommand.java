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

    @Option(names = "--rule", paramLabel = "NAME", description = "Always show why rule NAME did or did not fire (repeatable).")
    List<String> rule = new ArrayList<>();

    @Option(names = "--near-misses", paramLabel = "N", defaultValue = "3",
            description = "Show at most N rules per sentence that saw some of their concepts but did not fire (default: ${DEFAULT-VALUE}).")
    int nearMisses;

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
        PackOutline outline = PackOutline.of(rules.pack());
        for (String rule : this.rule) {
            if (outline.find(rule).isEmpty()) {
                err.println("frametag: there is no rule \"" + rule + "\" in the pack");
                return ExitCode.USAGE_OR_RULES;
            }
        }
        out.print(explain(result, classifier.categories(), outline, sentence, nearMisses, new LinkedHashSet<>(this.rule)));
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

    static String explain(ClassifiedDocument result, List<String> categories, PackOutline outline, Integer only,
                          int nearMisses, Set<String> wanted) {
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
            s.append(nearMisses(r, outline, nearMisses, wanted));
        }
        return s.toString();
    }

    /**
     * Rules that did not fire although the sentence mentions some of the concepts they name, for
     * categories the sentence did not get; the closest first (most concepts seen, fewest missing),
     * at most {@code limit} of them. A rule named in {@code wanted} is always shown, fired or not.
     */
    private static String nearMisses(SentenceResult r, PackOutline outline, int limit, Set<String> wanted) {
        record Miss(PackOutline.Located rule, Set<String> present, Set<String> missing) {
        }
        Set<String> fired = new TreeSet<>();
        r.tags().forEach(t -> fired.add(t.rule()));
        Set<String> seen = new TreeSet<>();
        r.mentions().forEach(m -> seen.add(m.concept()));
        List<String> lines = new ArrayList<>();
        List<Miss> misses = new ArrayList<>();
        for (PackOutline.Located rule : outline.rules()) {
            String name = rule.rule().name();
            boolean asked = wanted.contains(name);
            if (fired.contains(name)) {
                if (asked) {
                    lines.add("    \"" + name + "\" (" + rule.category() + ", " + rule.place() + "): fired\n");
                }
                continue;
            }
            Set<String> needs = new LinkedHashSet<>();
            rule.rule().concepts().stream().map(DrlOutline.Literal::value).forEach(needs::add);
            Set<String> present = needs.stream().filter(seen::contains).collect(Collectors.toCollection(LinkedHashSet::new));
            Set<String> missing = new LinkedHashSet<>(needs);
            missing.removeAll(present);
            Miss miss = new Miss(rule, present, missing);
            if (asked) {
                lines.add(line(miss.rule(), miss.present(), miss.missing()));
            } else if (!present.isEmpty() && !r.categories().contains(rule.category())) {
                misses.add(miss);
            }
        }
        misses.sort(Comparator.comparingInt((Miss m) -> -m.present().size()).thenComparingInt(m -> m.missing().size()));
        misses.stream().limit(limit).forEach(m -> lines.add(line(m.rule(), m.present(), m.missing())));
        if (misses.size() > limit) {
            lines.add("    ... and " + (misses.size() - limit) + " more (--near-misses N shows more)\n");
        }
        return lines.isEmpty() ? "" : "  rules that did not fire:\n" + String.join("", lines);
    }

    private static String line(PackOutline.Located rule, Set<String> present, Set<String> missing) {
        return "    \"" + rule.rule().name() + "\" (" + rule.category() + ", " + rule.place() + "): "
                + (present.isEmpty() ? "saw none of its concepts" : "saw " + String.join(", ", present))
                + (missing.isEmpty() ? (present.isEmpty() ? "" : "; all its concepts were seen, so another condition failed")
                : "; did not see " + String.join(", ", missing)) + "\n";
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
