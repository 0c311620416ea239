package org.frametag.cli;

import picocli.CommandLine.Command;

/** The top-level {@code frametag} command; the work is done by its subcommands. */
@Command(name = "frametag",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Tags the sentences of news text with framing categories using Drools rule packs.",
        subcommands = {
                ClassifyCommand.class,
                SegmentCommand.class,
                EvaluateCommand.class,
                ValidateCommand.class,
                TestCommand.class,
                ExplainCommand.class,
                DiffCommand.class,
                WatchCommand.class,
                RulesCommand.class,
                picocli.CommandLine.HelpCommand.class
        },
        footerHeading = "%nExit codes:%n",
        footer = {
                "  0  success",
                "  1  usage error, a rule pack that does not compile, a failed example (test)",
                "     a score under --fail-under (evaluate), or a regression with",
                "     --fail-on-regression (diff)",
                "  2  some documents could not be read or classified"
        })
public final class FrametagCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }
}
