package org.frametag.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongSupplier;
import org.frametag.api.Diagnostic;
import org.frametag.api.Frametag;
import org.frametag.api.RuleFailure;
import org.frametag.api.Validation;
import org.frametag.core.text.TerminalText;
import org.frametag.rules.diff.TagChange;
import org.frametag.rules.diff.TagDiff;
import org.frametag.rules.diff.TagSnapshot;
import org.frametag.rules.eval.EvaluationReport;
import org.frametag.rules.eval.GoldSentence;
import org.frametag.rules.eval.Scores;
import org.frametag.rules.examples.ExampleRunner;
import org.frametag.rules.pack.RulePack;

/**
 * One analyst's watch over a rule folder: each {@link #refresh()} re-reads the pack and, if it
 * changed, validates it, runs its examples, re-classifies the corpus and prints what changed
 * since the last good run (and the score change when there are gold labels). A broken pack is
 * reported and the last good one kept, so the next good save is compared with it. No threads
 * and no file watching here, so tests drive it one change at a time.
 */
final class WatchSession {

    /** What a refresh did. */
    enum Outcome { UNCHANGED, BROKEN, UPDATED }

    private final Path folder;
    private final Corpus corpus;
    private final List<GoldSentence> gold;
    private final Frametag.Loader loader;
    private final PrintWriter out;
    private final LongSupplier nanos;

    private String fingerprint;
    private Set<String> warnings = new HashSet<>();
    private TagSnapshot last;
    private EvaluationReport lastScores;
    private int runs;

    /**
     * @param loader how to load a pack (firing limit, cache); the pack itself is read from {@code folder}
     */
    WatchSession(Path folder, Corpus corpus, List<GoldSentence> gold, Frametag.Loader loader, PrintWriter out,
                 LongSupplier nanos) {
        this.folder = folder;
        this.corpus = corpus;
        this.gold = List.copyOf(gold);
        this.loader = loader;
        this.out = out;
        this.nanos = nanos;
    }

    /** Whether a good pack has been run, so there is something to compare the next save with. */
    boolean hasGoodRun() {
        return last != null;
    }

    Outcome refresh() throws Exception {
        long started = nanos.getAsLong();
        RulePack pack;
        try {
            pack = RulePack.fromFolder(folder);
        } catch (UncheckedIOException | IllegalArgumentException e) {
            out.println("cannot read the rule pack: " + e.getMessage() + (hasGoodRun() ? "; keeping the last good pack" : ""));
            out.flush();
            return Outcome.BROKEN;
        }
        if (pack.fingerprint().equals(fingerprint)) {
            return Outcome.UNCHANGED;
        }
        fingerprint = pack.fingerprint();
        runs++;
        out.println("== run " + runs + " ==");
        Validation validation = loader.rules(pack).validate(false);
        validation.errors().forEach(d -> out.println(RulesOptions.located(folder, d)));
        Set<String> now = new HashSet<>();
        for (Diagnostic w : validation.warnings()) {
            String shown = RulesOptions.located(folder, w).toString();
            now.add(shown);
            if (!warnings.contains(shown)) {
                out.println(shown);
            }
        }
        warnings = now;
        if (!validation.ok()) {
            out.println(ValidateCommand.count(validation.errors().size(), "error")
                    + (hasGoodRun() ? "; keeping the last good pack" : "; waiting for a good save"));
            out.flush();
            return Outcome.BROKEN;
        }
        Frametag frametag = validation.frametag().orElseThrow();
        ExampleRunner.Report examples;
        try {
            examples = frametag.testExamples();
        } catch (RuleFailure e) {
            out.println("an example failed to run: " + e.getMessage()
                    + (hasGoodRun() ? "; keeping the last good pack" : "; waiting for a good save"));
            out.flush();
            return Outcome.BROKEN;
        }
        out.print(TestCommand.failures(examples, frametag));
        out.println(TestCommand.summary(examples));
        Corpus.Run run = corpus.classify(frametag);
        run.problems().forEach(p -> out.println("failed: " + p));
        TagSnapshot snapshot = TagSnapshot.of(run.documents());
        long sentences = snapshot.sentences().size();
        if (last == null) {
            long tagged = snapshot.sentences().stream().filter(s -> !s.tags().isEmpty()).count();
            out.println(ValidateCommand.count(run.documents().size(), "document") + ", "
                    + ValidateCommand.count((int) sentences, "sentence") + ", " + tagged + " tagged");
        } else {
            List<TagChange> changes = new TagDiff(gold).compare(last, snapshot);
            out.print(TerminalText.visible(DiffText.render(changes, frametag.categories(), !gold.isEmpty())));
        }
        if (!gold.isEmpty()) {
            EvaluationReport scores = frametag.evaluate(gold, run.documents()).scores();
            out.print(scores(scores));
            lastScores = scores;
        }
        last = snapshot;
        out.printf(Locale.ROOT, "(%.2f s)%n", (nanos.getAsLong() - started) / 1e9);
        out.flush();
        return Outcome.UPDATED;
    }

    /** Micro F1 and every category whose F1 moved, against the last good run. */
    private String scores(EvaluationReport now) {
        StringBuilder s = new StringBuilder();
        s.append(line("micro F1", now.micro(), lastScores == null ? null : lastScores.micro()));
        if (lastScores != null) {
            now.categories().forEach((category, scores) -> {
                Scores before = lastScores.categories().get(category);
                if (before == null || before.f1() != scores.f1()) {
                    s.append(line("  " + category, scores, before));
                }
            });
        }
        return s.toString();
    }

    private static String line(String name, Scores now, Scores before) {
        if (before == null) {
            return String.format(Locale.ROOT, "%s %.3f%n", name, now.f1());
        }
        return String.format(Locale.ROOT, "%s %.3f -> %.3f (%+.3f)%n", name, before.f1(), now.f1(), now.f1() - before.f1());
    }
}
