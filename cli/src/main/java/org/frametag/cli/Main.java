package org.frametag.cli;

import java.util.Arrays;
import picocli.CommandLine;

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
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("frametag: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return ExitCode.USAGE_OR_RULES;
        });
        return cli;
    }

    private Main() {
    }
}
