package org.frametag.rules.validate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.frametag.api.Diagnostic;
import org.frametag.api.RulePackException;
import org.frametag.core.DocumentAnalyzer;
import org.frametag.core.text.AnalyzedDocument;
import org.frametag.core.text.Document;
import org.frametag.core.text.Sentence;
import org.frametag.core.text.Token;
import org.frametag.rules.engine.Classifier;
import org.frametag.rules.engine.RuleCompiler;
import org.frametag.rules.pack.DrlOutline;
import org.frametag.rules.pack.PackFile;
import org.frametag.rules.pack.PackOutline;
import org.frametag.rules.pack.RulePack;
import org.frametag.rules.terms.TermEntry;
import org.frametag.rules.terms.TermIndex;
import org.frametag.rules.terms.TermList;

/**
 * Checks a pack the way an analyst needs before trusting it: everything the compiler reports
 * (syntax and type errors, unknown categories, concepts without term lists, duplicate rule
 * names), the unclosed bracket behind a syntax error, and what compiles but is probably a
 * mistake: empty or unused term lists, duplicate entries, entries the tokenizer splits so they
 * cannot match in running text, and rules without examples.
 */
public final class PackValidator {

    private static final Pattern KIND_SLOT = Pattern.compile("<[A-Z]+>");

    private final RuleCompiler compiler;
    private final DocumentAnalyzer analyzer;
    private final boolean inflections;

    public PackValidator(RuleCompiler compiler, DocumentAnalyzer analyzer) {
        this(compiler, analyzer, false);
    }

    /**
     * @param inflections also report entries that only repeat an earlier entry's base forms ("votes"
     *                    after "vote"). They are harmless, since entries match on base forms, and packs
     *                    often list inflections on purpose for readability, so they are not
     *                    reported by default.
     */
    public PackValidator(RuleCompiler compiler, DocumentAnalyzer analyzer, boolean inflections) {
        this.compiler = compiler;
        this.analyzer = analyzer;
        this.inflections = inflections;
    }

    public static PackValidator defaults() {
        return new PackValidator(RuleCompiler.defaults(), DocumentAnalyzer.news());
    }

    /**
     * Every problem found, sorted by place, and the compiled pack when there is no error.
     *
     * @param diagnostics errors and warnings
     * @param classifier  the compiled pack, when nothing stops it from running
     */
    public record Result(List<Diagnostic> diagnostics, Optional<Classifier> classifier) {
        public Result {
            diagnostics = List.copyOf(diagnostics);
        }
    }

    public Result validate(RulePack pack) {
        List<Diagnostic> found = new ArrayList<>();
        Classifier classifier = null;
        PackOutline outline = PackOutline.of(pack);
        try {
            classifier = compiler.compile(pack, outline);
            found.addAll(classifier.warnings());
        } catch (RulePackException e) {
            found.addAll(e.diagnostics());
            Set<String> broken = new LinkedHashSet<>();
            e.diagnostics().stream().filter(Diagnostic::isError).forEach(d -> broken.add(d.file()));
            pack.drlFiles().stream().filter(f -> broken.contains(f.path())).forEach(f -> Brackets.check(f).ifPresent(found::add));
        }
        found.addAll(termListProblems(pack, outline.files()));
        found.addAll(rulesWithoutExamples(outline.files()));
        found.addAll(unscopedRules(outline.files()));
        List<Diagnostic> sorted = new ArrayList<>(new LinkedHashSet<>(found));
        sorted.sort(Comparator.comparing(Diagnostic::file).thenComparingInt(Diagnostic::line)
                .thenComparingInt(Diagnostic::column));
        boolean errors = sorted.stream().anyMatch(Diagnostic::isError);
        return new Result(sorted, errors ? Optional.empty() : Optional.ofNullable(classifier));
    }

    /**
     * A consequence that does more than call the tagger keeps the engine from knowing which rules a
     * sentence can match, so every rule runs on every sentence (about 15 times slower with the bundled
     * pack, docs/batch.md, round 40): it still tags the same, so a warning.
     */
    private static List<Diagnostic> unscopedRules(List<DrlOutline> outlines) {
        List<Diagnostic> found = new ArrayList<>();
        for (DrlOutline drl : outlines) {
            for (DrlOutline.RuleDecl rule : drl.rules()) {
                if (!rule.onlyTags()) {
                    found.add(Diagnostic.warning(drl.file(), rule.line(), rule.column(), "rule \"" + rule.name()
                            + "\": its consequence does more than call tagger.tag, tagger.exclude or tagger.drop, so every rule"
                            + " of the pack runs on every sentence; keep the consequence to those calls"));
                }
            }
        }
        return found;
    }

    private List<Diagnostic> termListProblems(RulePack pack, List<DrlOutline> outlines) {
        Set<String> used = new LinkedHashSet<>();
        outlines.forEach(o -> o.rules().forEach(r -> r.concepts().forEach(c -> used.add(c.value()))));
        List<Diagnostic> found = new ArrayList<>();
        for (PackFile file : pack.termFiles()) {
            String name = file.path().substring(file.path().lastIndexOf('/') + 1);
            String concept = name.substring(0, name.length() - ".txt".length());
            TermList list = TermList.parse(concept, file.path(), file.content());
            if (list.entries().isEmpty()) {
                found.add(Diagnostic.warning(file.path(), 0, 0, "term list is empty, so concept \"" + concept
                        + "\" is never seen; add one word or phrase per line"));
                continue;
            }
            if (!used.isEmpty() && !used.contains(concept) && !concept.equals(TermIndex.INSERTED)) {
                found.add(Diagnostic.warning(file.path(), 0, 0, "no rule uses concept \"" + concept
                        + "\"; use it in a rule (concept == \"" + concept + "\") or delete the file"));
            }
            Map<String, TermEntry> seen = new HashMap<>();
            Map<String, TermEntry> written = new HashMap<>();
            for (TermEntry entry : list.entries()) {
                Optional<String> split = splitInRunningText(entry);
                if (split.isPresent()) {
                    found.add(Diagnostic.warning(file.path(), entry.line(), entry.column(), "entry \"" + entry.text()
                            + "\" can never match: " + split.get()));
                    continue;
                }
                String text = (entry.exact() ? "=" + entry.text() : entry.text().toLowerCase(Locale.ROOT))
                        .replaceAll("\\s+", " ");
                TermEntry same = written.putIfAbsent(text, entry);
                if (same != null) {
                    found.add(Diagnostic.warning(file.path(), entry.line(), entry.column(), "duplicate entry \"" + entry.text()
                            + "\": it repeats line " + same.line() + "; delete one"));
                    continue;
                }
                List<String> keys = inflections ? TermIndex.entryKeys(entry, analyzer.tokenizer()) : List.of();
                TermEntry before = keys.isEmpty() ? null : seen.putIfAbsent(String.join(" ", keys), entry);
                if (before != null) {
                    found.add(Diagnostic.warning(file.path(), entry.line(), entry.column(), "duplicate entry \"" + entry.text()
                            + "\": it matches the same words as \"" + before.text() + "\" on line " + before.line()
                            + " (entries match on base forms); delete one"));
                }
            }
        }
        return found;
    }

    /**
     * Term lists are tokenized on their own but matched inside sentences. An entry the segmenter
     * cuts in two, or that the tokenizer splits differently inside a sentence, can never match.
     */
    private Optional<String> splitInRunningText(TermEntry entry) {
        if (KIND_SLOT.matcher(entry.text()).find()) {
            return Optional.empty();
        }
        String prefix = "They said that ";
        String carrier = prefix + entry.text() + " was there.";
        int start = prefix.length();
        int end = start + entry.text().length();
        AnalyzedDocument doc = analyzer.analyze(Document.of("entry", carrier));
        List<Sentence> covering = doc.sentences().stream()
                .filter(s -> s.start() < end && s.end() > start).toList();
        if (covering.size() > 1) {
            return Optional.of("a sentence break falls inside it, and entries only match within one sentence");
        }
        List<Token> alone = analyzer.tokenizer().tokenize(entry.text());
        List<Token> inside = covering.isEmpty() ? List.of() : covering.get(0).tokens().stream()
                .filter(t -> t.start() < end && t.end() > start).toList();
        if (!sameTokens(alone, inside, start) && !alone.isEmpty()) {
            return Optional.of("inside a sentence the tokenizer splits it as " + shown(inside)
                    + " but on its own as " + shown(alone) + "; write it as it is split in running text");
        }
        return Optional.empty();
    }

    private static boolean sameTokens(List<Token> alone, List<Token> inside, int shift) {
        if (alone.size() != inside.size()) {
            return false;
        }
        for (int i = 0; i < alone.size(); i++) {
            Token a = alone.get(i);
            Token b = inside.get(i);
            if (a.start() + shift != b.start() || a.end() + shift != b.end()) {
                return false;
            }
        }
        return true;
    }

    private static String shown(List<Token> tokens) {
        return "[" + String.join(" | ", tokens.stream().map(Token::text).toList()) + "]";
    }

    private static List<Diagnostic> rulesWithoutExamples(List<DrlOutline> outlines) {
        List<Diagnostic> found = new ArrayList<>();
        for (DrlOutline outline : outlines) {
            for (DrlOutline.RuleDecl rule : outline.rules()) {
                if (!rule.hasExamples()) {
                    found.add(Diagnostic.warning(outline.file(), rule.line(), rule.column(), "rule \"" + rule.name()
                            + "\" has no examples; add @example(\"a sentence it must tag\") so 'frametag test' checks it"));
                }
            }
        }
        return found;
    }
}
