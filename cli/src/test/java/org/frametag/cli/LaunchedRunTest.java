package org.frametag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only a process of its own shows: a small heap, Ctrl-C, standard output that is full or closed. */
class LaunchedRunTest {

    @TempDir
    Path dir;

    /** Compiled packs, shared by the runs of this class so only the first compiles. */
    @TempDir
    static Path cache;

    private Path pack;
    private Path corpus;

    @BeforeEach
    void writePackAndCorpus() throws IOException {
        pack = Cli.pack(dir.resolve("pack"));
        corpus = Files.createDirectories(dir.resolve("corpus"));
        for (int i = 0; i < 50; i++) {
            Files.writeString(corpus.resolve(String.format("%03d.txt", i)), "They defend the sovereignty of the nation. Number " + i + ".");
        }
    }

    private String[] classify(String... rest) {
        List<String> args = new ArrayList<>(List.of("classify", "--rules", pack.toString()));
        args.addAll(List.of(rest));
        return args.toArray(String[]::new);
    }

    @Test
    void aDocumentTooLargeForTheHeapIsReportedAndTheNextOneClassified() throws IOException {
        Path big = Files.writeString(dir.resolve("big.txt"), "Our sovereignty matters to us all. ".repeat(60_000));
        Path good = Files.writeString(dir.resolve("good.txt"), "Sovereignty first.");

        Cli run = launch(List.of("-Xmx96m"), null, p -> { },
                classify("--format", "jsonl", "-q", "--max-doc-bytes", "10000000", big.toString(), good.toString()));

        assertThat(run.exit()).isEqualTo(ExitCode.SOME_DOCUMENTS_FAILED);
        assertThat(run.out()).startsWith("{\"doc\":\"good\"").hasLineCount(1);
        assertThat(run.err()).startsWith("frametag: failed: " + big + " (big): too large for memory: 2100000 characters need about 400 MB")
                .contains("(split the document, or raise the heap: FRAMETAG_JAVA_OPTS=-Xmx4g); it is not classified");
    }

    @Test
    void ctrlCSaysHowToContinue() throws IOException {
        Path out = dir.resolve("out.jsonl");

        Cli run = launch(List.of(), null, process -> {
            try {
                OutputStream stdin = process.getOutputStream();
                stdin.write("{\"id\": \"a\", \"text\": \"Sovereignty.\"}\n".getBytes(StandardCharsets.UTF_8));
                stdin.flush();
                for (long deadline = System.nanoTime() + 30_000_000_000L; System.nanoTime() < deadline && size(out) == 0; ) {
                    Thread.sleep(50);
                }
                new ProcessBuilder("sh", "-c", "kill -INT " + process.pid()).start().waitFor();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, classify("--format", "jsonl", "--input", "jsonl", "-o", out.toString(), "-"));

        assertThat(run.exit()).isEqualTo(130);
        assertThat(run.err()).endsWith(String.join("\n",
                "frametag: interrupted after 1 documents",
                "frametag: " + out + " holds only complete documents; to continue, run:",
                "  frametag classify --rules " + pack + " --format jsonl --input jsonl -o " + out + " - --resume",
                ""));
    }

    /** A run in a JVM started for a short life (no optimising compiler), the compiled pack cached. */
    private static Cli launch(List<String> jvmOptions, ProcessBuilder.Redirect stdout, Consumer<Process> started,
                              String... args) {
        List<String> options = new ArrayList<>(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dframetag.cache=" + cache));
        options.addAll(jvmOptions);
        return Cli.launch(options, stdout, started, args);
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    @Test
    void theBundledPackLoadedBeforeTheArgumentsAreParsedTagsAsOneLoadedAfterwards() throws IOException {
        Path news = Files.writeString(dir.resolve("news.txt"), "Russia was accused of interfering in the vote. The count went on.");

        Cli early = launch(List.of(), null, p -> { }, "classify", "--format", "jsonl", "-q", news.toString());
        Cli late = launch(List.of(), null, p -> { }, "classify", "--format", "jsonl", "-q", "--max-firings", "100000", news.toString());

        assertThat(early.exit()).isZero();
        assertThat(early.err()).isEmpty();
        assertThat(early.out()).isEqualTo(late.out()).contains("\"category\":\"FOREIGN_INTERFERENCE\"").hasLineCount(2);
    }

    @Test
    void verboseShowsTheEnginesLogWithTheBundledPack() throws IOException {
        Path news = Files.writeString(dir.resolve("news.txt"), "The count went on.");

        Cli run = launch(List.of(), null, p -> { }, "classify", "--verbose", "-q", news.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.err()).contains("WARN org.drools.");
    }

    @Test
    void outputIsUtf8WhateverTheLocale() throws IOException {
        Path accented = Files.writeString(dir.resolve("accented.txt"), "La souveraineté du Québec — “sovereignty”.");

        Cli run = launch(List.of("-Dfile.encoding=US-ASCII"), null, p -> { }, classify("--format", "jsonl", "-q", accented.toString()));

        assertThat(run.out()).contains("\"text\":\"La souveraineté du Québec — “sovereignty”.\"");
    }

    @Test
    void aFullDiskOnStandardOutputFailsTheRun() {
        Cli run = launch(List.of(), ProcessBuilder.Redirect.to(new File("/dev/full")), p -> { },
                classify("--format", "jsonl", corpus.toString()));

        assertThat(run.exit()).isEqualTo(ExitCode.USAGE_OR_RULES);
        assertThat(run.err()).isEqualTo("frametag: cannot write to standard output: No space left on device\n");
    }

    @Test
    void aClosedPipeStopsTheRunQuietly() throws IOException {
        // more output than the pipe and one batch of output hold, so the reader goes away while frametag still writes
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            lines.append(String.format("{\"id\": \"%03d\", \"text\": \"They defend the sovereignty of the nation. Number %d.\"}%n", i, i));
        }
        Path many = Files.writeString(dir.resolve("many.jsonl"), lines);
        StringBuilder first = new StringBuilder();

        Cli run = launch(List.of(), ProcessBuilder.Redirect.PIPE, process -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                first.append(out.readLine());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, classify("--format", "jsonl", many.toString()));

        assertThat(first.toString()).startsWith("{\"doc\":\"000\"");
        assertThat(run.exit()).isEqualTo(ExitCode.OUTPUT_CLOSED);
        assertThat(run.err()).isEmpty();
    }
}
