package org.frametag.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** Entry point of the {@code frametag} command. */
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs frametag with {@code args} and returns the exit code instead of exiting. */
    public static int run(String... args) {
        if (Arrays.asList(args).contains("--verbose")) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
            System.setProperty("org.slf4j.simpleLogger.log.org.drools", "info");
            System.setProperty("org.slf4j.simpleLogger.log.org.kie", "info");
        }
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new FrametagCommand());
        cli.setExitCodeExceptionMapper(e -> ExitCode.USAGE_OR_RULES);
        cli.setParameterExceptionHandler(Main::usageError);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("frametag: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return ExitCode.USAGE_OR_RULES;
        });
        return cli;
    }

    /**
     * The error, the command's synopsis and where to read more: a mistyped option should not
     * scroll the error off the screen behind a page of help.
     */
    private static int usageError(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(e.getMessage());
        UnmatchedArgumentException.printSuggestions(e, err);
        if (command.getParent() == null) {
            command.usage(err);
        } else {
            err.print(command.getHelp().fullSynopsis());
            err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
        }
        err.flush();
        return ExitCode.USAGE_OR_RULES;
    }

    private Main() {
    }
}
