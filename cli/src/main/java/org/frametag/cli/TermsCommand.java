package org.frametag.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code frametag terms}: work with a pack's term lists. */
@Command(name = "terms", mixinStandardHelpOptions = true,
        description = "Work with term lists (see 'frametag terms suggest').",
        subcommands = TermsSuggestCommand.class)
public final class TermsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a terms command is required, e.g. 'frametag terms suggest LIST --corpus PATH'");
    }
}
