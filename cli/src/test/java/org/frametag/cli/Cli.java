package org.frametag.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import picocli.CommandLine;

/** Runs frametag in-process and captures what it printed, for tests. */
record Cli(int exit, String out, String err) {

    static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Cli(exit, out.toString(), err.toString());
    }

    /** Runs frametag with standard output going to {@code stdout}, as {@code main} sets it up; {@code out} is empty. */
    static Cli runWithStdout(OutputStream stdout, String... args) {
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new StandardOutput(stdout));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Cli(exit, "", err.toString());
    }

    /**
     * Runs frametag in a JVM of its own, as the launcher does, for what only a process shows:
     * a small heap, signals, real pipes. {@code started} gets the process once it runs; standard
     * output goes to {@code stdout} ({@code out} is then empty), or is captured when it is null.
     */
    static Cli launch(List<String> jvmOptions, ProcessBuilder.Redirect stdout, Consumer<Process> started, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile("frametag-out", ".txt");
            Path err = Files.createTempFile("frametag-err", ".txt");
            try {
                Process process = new ProcessBuilder(command).redirectOutput(stdout == null ? ProcessBuilder.Redirect.to(out.toFile()) : stdout)
                        .redirectError(err.toFile()).start();
                started.accept(process);
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("frametag did not finish in 60 s: " + Files.readString(err));
                }
                return new Cli(process.exitValue(), Files.readString(out), Files.readString(err));
            } finally {
                Files.delete(out);
                Files.delete(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A small pack of two categories and two rules with examples, written to {@code dir}. */
    static Path pack(Path dir) {
        write(dir, "categories.txt", "SOVEREIGNTY\nFOREIGN_INTERFERENCE\n");
        write(dir, "terms/sovereignty.txt", "sovereignty\nsovereign\n");
        write(dir, "terms/interference.txt", "interference\nmeddling\n");
        write(dir, "terms/foreign.txt", "foreign\n");
        write(dir, "main.drl", MAIN);
        return dir;
    }

    static final String MAIN = """
            package test.pack

            import org.frametag.rules.facts.Sentence
            import org.frametag.rules.facts.Mention
            import org.frametag.rules.facts.Tagged

            global org.frametag.rules.engine.Tagger tagger

            rule "sovereignty"
                @example("They defend the sovereignty of the nation.")
                @counterexample("The team won the cup.")
            when
                $s : Sentence()
                $m : Mention(sentence == $s.index, concept == "sovereignty")
            then
                tagger.tag($s, "SOVEREIGNTY");
            end

            rule "foreign interference"
                @example("They warned of foreign interference.")
                @counterexample("Radio interference was heard.")
            when
                $s : Sentence()
                $i : Mention(sentence == $s.index, concept == "interference")
                $f : Mention(sentence == $s.index, concept == "foreign")
            then
                tagger.tag($s, "FOREIGN_INTERFERENCE");
            end
            """;

    static Path write(Path dir, String file, String content) {
        try {
            Path path = dir.resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, content, StandardCharsets.UTF_8);
            return path;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces {@code from} with {@code to} in a pack file, failing when {@code from} is not there. */
    static void edit(Path dir, String file, String from, String to) {
        try {
            String content = Files.readString(dir.resolve(file));
            if (!content.contains(from)) {
                throw new IllegalArgumentException(from + " not in " + file);
            }
            Files.writeString(dir.resolve(file), content.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
