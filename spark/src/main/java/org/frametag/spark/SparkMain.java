package org.frametag.spark;

import java.io.PrintWriter;
import org.frametag.api.RulePackException;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** Entry point of the Spark job, for {@code ./frametag spark} and {@code spark-submit --class org.frametag.spark.SparkMain}. */
public final class SparkMain {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The {@code frametag spark} command line, ready to {@code execute}; tests run it in-process. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new SparkCommand());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExitCodeExceptionMapper(e -> 1);
        cli.setExecutionExceptionHandler(SparkMain::failure);
        return cli;
    }

    /** A job that could not run prints why, without a stack trace: a broken pack every diagnostic. */
    private static int failure(Exception e, CommandLine command, ParseResult parseResult) {
        PrintWriter err = command.getErr();
        if (e instanceof RulePackException broken) {
            broken.diagnostics().forEach(err::println);
            err.println("frametag spark: the rule pack has errors; nothing was classified");
        } else if (e instanceof ClassifyJob.UsageProblem || e instanceof IllegalArgumentException) {
            err.println("frametag spark: " + e.getMessage());
        } else {
            err.println("frametag spark: the job failed: " + e);
            e.printStackTrace(err);
        }
        err.flush();
        return 1;
    }

    private SparkMain() {
    }
}
