package org.frametag.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.frametag.rules.eval.GoldSentence;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code frametag watch}: the analyst's loop without typing. On every save in the rule folder it
 * re-validates, re-runs the examples, re-classifies the documents and prints what changed.
 * Stops on Ctrl-C (or after {@code --max-changes}).
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Re-validate, re-test and re-classify on every save in a rule folder.",
                "Prints the tags that changed since the last good run (and the score change with --gold).",
                "A broken save prints its errors and keeps the last good pack. Stop with Ctrl-C."})
public final class WatchCommand implements Callable<Integer> {

    /** How long the folder must stay quiet before a burst of writes counts as one save. */
    static final Duration SETTLE = Duration.ofMillis(100);

    @Spec
    CommandSpec spec;

    @Mixin
    RulesOptions rules;

    @Mixin
    InputOptions inputs;

    @Option(names = "--gold", paramLabel = "GOLD.jsonl", description = "Also show how the scores change.")
    Path gold;

    @Option(names = "--max-changes", paramLabel = "N", hidden = true, description = "Stop after N changes (for scripts).")
    Integer maxChanges;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (rules.rules == null) {
            throw new CommandFailure("watch needs --rules DIR (the bundled pack never changes);"
                    + " copy it with 'frametag rules export DIR' and watch that");
        }
        if (!Files.isDirectory(rules.rules)) {
            throw new CommandFailure("rule pack folder not found: " + rules.rules);
        }
        List<GoldSentence> labels = gold == null ? List.of() : GoldLabels.read(gold);
        Corpus corpus = Corpus.read(inputs.read());
        WatchSession session = new WatchSession(rules.rules, corpus, labels, rules.loader(), out, System::nanoTime);
        try (RuleWatcher watcher = new RuleWatcher(rules.rules)) {
            CountDownLatch finished = new CountDownLatch(1);
            Thread stop = new Thread(() -> {
                try {
                    watcher.close();
                    finished.await(1, TimeUnit.SECONDS);
                } catch (IOException | InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Runtime.getRuntime().addShutdownHook(stop);
            try {
                session.refresh();
                out.println("watching " + rules.rules + " (Ctrl-C to stop)");
                out.flush();
                int changes = 0;
                while ((maxChanges == null || changes < maxChanges) && watcher.awaitChange(SETTLE)) {
                    changes++;
                    session.refresh();
                }
            } finally {
                finished.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(stop);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running: it closed the watcher, which is how the loop ended
                }
            }
        }
        return ExitCode.OK;
    }
}
