package org.frametag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class WatchCommandTest {

    @TempDir
    Path dir;

    @Test
    void needsARuleFolder() {
        Cli r = Cli.run("watch", dir.toString());
        assertThat(r.err()).isEqualTo("frametag: watch needs --rules DIR (the bundled pack never changes);"
                + " copy it with 'frametag rules export DIR' and watch that\n");
        assertThat(r.exit()).isEqualTo(1);
    }

    @Test
    void aMissingRuleFolderIsAUsageError() {
        Cli r = Cli.run("watch", "--rules", dir.resolve("nope").toString(), dir.toString());
        assertThat(r.err()).isEqualTo("frametag: rule pack folder not found: " + dir.resolve("nope") + "\n");
        assertThat(r.exit()).isEqualTo(1);
    }

    @Test
    void reRunsOnASaveAndStops() throws Exception {
        Path pack = Cli.pack(dir.resolve("pack"));
        Path docs = dir.resolve("docs");
        Cli.write(docs, "a.txt", "They fought for independence.");
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(new StringWriter()));
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() ->
                cli.execute("watch", "--rules", pack.toString(), "--max-changes", "1", docs.toString()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!out.toString().contains("(Ctrl-C to stop)")) {
            assertThat(run).as("watch ended before it started watching:%n%s", out).isNotDone();
            assertThat(System.nanoTime()).as("watch did not start watching within 60 s").isLessThan(deadline);
            Thread.sleep(20);
        }
        Cli.write(pack, "terms/sovereignty.txt", "sovereignty\nindependence\n");
        assertThat(run.get(60, TimeUnit.SECONDS)).isEqualTo(0);
        assertThat(out.toString().replaceAll("\\(\\d+\\.\\d+ s\\)", "(time)")).isEqualTo("""
                == run 1 ==
                4 examples, 0 failed
                1 document, 1 sentence, 0 tagged
                (time)
                watching %s (Ctrl-C to stop)
                == run 2 ==
                4 examples, 0 failed
                SOVEREIGNTY: +1 -0
                  + gained by "sovereignty" (1)
                      a#0  They fought for independence.
                total: +1 -0 on 1 sentence
                (time)
                """.formatted(pack));
    }
}
