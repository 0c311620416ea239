package org.frametag.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.frametag.cli.Main;
import picocli.CommandLine;

/** A run of the CLI or of the Spark job (on the shared session), in-process, with what it printed. */
record Run(int exit, String err) {

    static Run cli(String... args) {
        return run(Main.commandLine(), args);
    }

    static Run spark(String... args) {
        SharedSpark.session();
        return run(SparkMain.commandLine(), args);
    }

    private static Run run(CommandLine command, String... args) {
        StringWriter err = new StringWriter();
        command.setOut(new PrintWriter(new StringWriter()));
        command.setErr(new PrintWriter(err));
        return new Run(command.execute(args), err.toString());
    }

    /** The lines of every part file in a folder the job wrote, sorted. */
    static List<String> parts(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            List<String> lines = new ArrayList<>();
            for (Path part : files.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
                lines.addAll(Files.readAllLines(part));
            }
            return lines.stream().sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines of a file, sorted. */
    static List<String> sorted(Path file) {
        try {
            return Files.readAllLines(file).stream().sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
