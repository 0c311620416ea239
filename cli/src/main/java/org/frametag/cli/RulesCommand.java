package org.frametag.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code frametag rules}: work with rule packs as files. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Work with rule packs (see 'frametag rules export').",
        subcommands = RulesExportCommand.class)
public final class RulesCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a rules command is required, e.g. 'frametag rules export DIR'");
    }
}
