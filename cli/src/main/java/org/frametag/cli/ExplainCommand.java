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
import org.frametag.api.ClassifiedDocument;
import org.frametag.api.ConceptMention;
import org.frametag.api.Explanation;
import org.frametag.api.Frametag;
import org.frametag.api.RuleCheck;
import org.frametag.api.RuleInfo;
import org.frametag.api.RulePackException;
import org.frametag.api.SentenceResult;
import org.frametag.api.Tag;
import org.frametag.api.Veto;
import org.frametag.core.io.Documents;
import org.frametag.core.text.Document;
import org.frametag.core.text.Origin;
import org.frametag.core.text.Span;
import org.frametag.core.text.TerminalText;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code frametag explain}: why each sentence got its tags, or did not. Shows the rule behind
 * each tag, its evidence words, context tags with the sentence they came from, what the pack's
 * exclusions and word senses took away (and the rules an exclusion kept from tagging), the concept
 * mentions the rules could see, and the rules that came close: some of their concepts were seen.
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
    public Integer call() throws IOException, RulePackException {
        PrintWriter out = spec.commandLine().getOut();
        Frametag frametag = rules.load(spec.commandLine().getErr());
        Document document;
        try {
            document = document();
        } catch (NoSuchFileException e) {
            throw new CommandFailure("file not found: " + source.file);
        }
        Explanation explanation = frametag.explain(document);
        int sentences = explanation.sentences().size();
        if (sentence != null && (sentence < 0 || sentence >= sentences)) {
            throw new CommandFailure("there is no sentence " + sentence + "; the text has " + sentences + " (numbered from 0)");
        }
        for (String name : rule) {
            if (frametag.rule(name).isEmpty()) {
                throw new CommandFailure("there is no rule \"" + name + "\" in the pack");
            }
        }
        out.print(TerminalText.visible(render(explanation, frametag, sentence, nearMisses, new LinkedHashSet<>(rule))));
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

    static String render(Explanation explanation, Frametag frametag, Integer only, int nearMisses, Set<String> wanted) {
        List<String> categories = frametag.categories();
        Comparator<Tag> order = Comparator.comparingInt((Tag t) -> categories.indexOf(t.category())).thenComparing(Tag::rule);
        StringBuilder s = new StringBuilder();
        ClassifiedDocument result = explanation.document();
        String text = result.document().text();
        for (Explanation.SentenceExplanation sentence : explanation.sentences()) {
            SentenceResult r = sentence.result();
            if (only != null && r.sentence().index() != only) {
                continue;
            }
            s.append('#').append(r.sentence().index()).append(' ').append(marked(text, r)).append('\n');
            if (r.tags().isEmpty()) {
                s.append("  no tags\n");
            }
            for (Tag tag : r.tags().stream().sorted(order).toList()) {
                s.append("  ").append(tag.category()).append(" by rule \"").append(tag.rule()).append('"');
                frametag.rule(tag.rule()).ifPresent(rule -> s.append(" (").append(rule.place()).append(')'));
                s.append('\n');
                if (!tag.evidence().isEmpty()) {
                    s.append("    evidence: ").append(tag.evidence().stream()
                            .map(e -> "\"" + oneLine(e.coveredText(text)) + "\"").collect(Collectors.joining(", "))).append('\n');
                }
                if (tag.isContext()) {
                    SentenceResult from = result.sentences().get(tag.contextSentence().getAsInt());
                    s.append("    context from #").append(tag.contextSentence().getAsInt()).append(": ")
                            .append(oneLine(from.sentence().text())).append('\n');
                }
            }
            s.append(vetoes(r, frametag));
            List<ConceptMention> seen = r.mentionsKept();
            s.append("  concepts seen: ").append(seen.isEmpty() ? "none" : seen.stream()
                    .map(m -> m.concept() + " \"" + oneLine(m.text()) + "\"").collect(Collectors.joining(", "))).append('\n');
            s.append(rulesThatDidNotFire(sentence, nearMisses, wanted));
        }
        return s.toString();
    }

    /**
     * What the pack's exclusions and word senses took away: a category ruled out, with the rules
     * it kept from tagging, and words read in another sense than their concept's.
     */
    private static String vetoes(SentenceResult r, Frametag frametag) {
        StringBuilder s = new StringBuilder();
        for (Veto veto : r.vetoes()) {
            String by = " by rule \"" + veto.rule() + "\"" + frametag.rule(veto.rule()).map(rule -> " (" + rule.place() + ")").orElse("");
            if (veto.category() != null) {
                s.append("  ruled out: ").append(veto.category()).append(by).append('\n');
                if (!veto.kept().isEmpty()) {
                    s.append("    kept from tagging: ").append(veto.kept().stream().map(k -> "\"" + k + "\"")
                            .collect(Collectors.joining(", "))).append('\n');
                }
            } else {
                s.append("  read in another sense: ").append(veto.word().concept()).append(" \"")
                        .append(oneLine(veto.word().text())).append('"').append(by).append('\n');
            }
        }
        return s.toString();
    }

    /**
     * The rules asked for with {@code --rule}, fired or not, in the pack's order; then at most
     * {@code limit} of the other near misses, the closest first.
     */
    private static String rulesThatDidNotFire(Explanation.SentenceExplanation sentence, int limit, Set<String> wanted) {
        Set<String> kept = sentence.result().vetoes().stream().flatMap(v -> v.kept().stream()).collect(Collectors.toSet());
        List<String> lines = new ArrayList<>();
        for (RuleCheck check : sentence.rules()) {
            if (wanted.contains(check.rule().name())) {
                lines.add(check.fired() ? "    \"" + check.rule().name() + "\" (" + category(check.rule()) + ", "
                        + check.rule().place() + "): fired\n" : line(check, kept));
            }
        }
        List<RuleCheck> misses = sentence.nearMisses().stream().filter(m -> !wanted.contains(m.rule().name())).toList();
        misses.stream().limit(limit).forEach(m -> lines.add(line(m, kept)));
        if (misses.size() > limit) {
            lines.add("    ... and " + (misses.size() - limit) + " more (--near-misses N shows more)\n");
        }
        return lines.isEmpty() ? "" : "  rules that did not fire:\n" + String.join("", lines);
    }

    private static String line(RuleCheck check, Set<String> kept) {
        String head = "    \"" + check.rule().name() + "\" (" + category(check.rule()) + ", " + check.rule().place() + "): ";
        if (kept.contains(check.rule().name())) {
            return head + "matched, but its category was ruled out\n";
        }
        Set<String> present = check.seen();
        Set<String> missing = check.missing();
        return head
                + (present.isEmpty() ? "saw none of its concepts" : "saw " + String.join(", ", present))
                + (missing.isEmpty() ? (present.isEmpty() ? "" : "; all its concepts were seen, so another condition failed")
                : "; did not see " + String.join(", ", missing)) + "\n";
    }

    /** The category a rule tags, or {@code ?} when it computes it. */
    private static String category(RuleInfo rule) {
        return rule.categories().isEmpty() ? "?" : rule.categories().get(0);
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
