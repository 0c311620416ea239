package org.frametag.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.frametag.rules.pack.PackFile;
import org.frametag.rules.pack.RulePack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code frametag rules export DIR}: writes the bundled pack to a folder, the starting point for
 * an analyst's own edits ({@code --rules DIR} then runs the edited copy).
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the bundled rule pack to DIR, to edit it and run it with --rules DIR.")
public final class RulesExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "The folder to create (it must be empty or missing).")
    Path folder;

    @Option(names = "--force", description = "Overwrite the pack's files in a folder that is not empty.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (Files.isDirectory(folder) && !force) {
            try (Stream<Path> entries = Files.list(folder)) {
                if (entries.findAny().isPresent()) {
                    throw new CommandFailure(folder + " is not empty; choose a new folder or add --force to overwrite");
                }
            }
        }
        RulePack pack = RulePack.bundled();
        for (PackFile file : pack.files()) {
            Path target = folder.resolve(file.path());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.content(), StandardCharsets.UTF_8);
        }
        out.println("frametag: wrote the bundled pack (" + pack.files().size() + " files) to " + folder
                + "; run it with --rules " + folder);
        out.flush();
        return ExitCode.OK;
    }
}
