package org.frametag.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.frametag.api.RulePackException;
import picocli.CommandLine;
import picocli.CommandLine.ExecutionException;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/** Entry point of the {@code frametag} command: picocli configured once, the commands do the rest. */
public final class Main {

    public static void main(String[] args) {
        CommandLine cli = commandLine(EarlyPack.forArguments(args), FrametagCommand.subcommandsFor(args));
        // buffered: a batch of documents goes out in a few large writes, not many small ones
        cli.setOut(new StandardOutput(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16)));
        cli.setErr(new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true));
        System.exit(cli.execute(args));
    }

    /** The {@code frametag} command line, ready to {@code execute}; tests run it in-process. */
    public static CommandLine commandLine() {
        return commandLine(EarlyPack.none(), FrametagCommand.SUBCOMMANDS);
    }

    private static CommandLine commandLine(EarlyPack earlyPack, List<Class<?>> subcommands) {
        CommandLine cli = new CommandLine(new FrametagCommand(earlyPack));
        subcommands.forEach(cli::addSubcommand);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExitCodeExceptionMapper(ExitCode::of);
        cli.setParameterExceptionHandler(Main::usageError);
        cli.setExecutionExceptionHandler(Main::failure);
        cli.setExecutionStrategy(Main::execute);
        return cli;
    }

    /**
     * Applies {@code --color} to the command that runs (its help included), then runs it; output
     * that could not be written fails the command, whatever it returned.
     */
    private static int execute(ParseResult parseResult) {
        Ansi ansi = FrametagCommand.ansi(parseResult);
        parseResult.asCommandLineList().forEach(c -> c.setColorScheme(Help.defaultColorScheme(ansi)));
        int exit = new CommandLine.RunLast().execute(parseResult);
        List<CommandLine> commands = parseResult.asCommandLineList();
        CommandLine last = commands.get(commands.size() - 1);
        try {
            StandardOutput.check(last.getOut());
        } catch (RuntimeException e) {
            throw new ExecutionException(last, e.getMessage(), e);
        }
        return exit;
    }

    /**
     * A command that failed prints what went wrong, without a stack trace: a broken pack every
     * diagnostic, anything else its message. The exit code comes from the exception mapper.
     */
    private static int failure(Exception e, CommandLine command, ParseResult parseResult) {
        PrintWriter err = command.getErr();
        if (e instanceof StandardOutput.OutputClosed) {
            return command.getExitCodeExceptionMapper().getExitCode(e);
        }
        if (e instanceof RulePackException broken) {
            broken.diagnostics().forEach(err::println);
            err.println("frametag: the rule pack has errors; nothing was classified");
        } else {
            err.println("frametag: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        }
        err.flush();
        return command.getExitCodeExceptionMapper().getExitCode(e);
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
