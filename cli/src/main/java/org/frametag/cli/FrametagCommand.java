package org.frametag.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.AutoComplete.GenerateCompletion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code frametag} command; the work is done by its subcommands. A new command is
 * a class here in {@link #SUBCOMMANDS} (a group of them, like {@code rules}, a parent command of
 * its own).
 */
@Command(name = "frametag",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Tags the sentences of news text with framing categories using Drools rule packs.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:success (validate with warnings only, too)",
                "1:usage error, a rule pack that does not compile, a failed example (test), "
                        + "a score under --fail-under (evaluate), or a regression with --fail-on-regression (diff)",
                "2:the run finished, but some documents could not be read or classified",
                "130:interrupted (Ctrl-C); classify says how to continue with --resume",
                "141:standard output was closed (as by '| head'): the run stopped at once, as on SIGPIPE"
        })
public final class FrametagCommand implements Runnable {

    /** When to colour output: on a terminal ({@code auto}), or regardless of where it goes. */
    enum Colour {
        AUTO, ALWAYS, NEVER;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** In the order help lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            ClassifyCommand.class,
            SegmentCommand.class,
            EvaluateCommand.class,
            ValidateCommand.class,
            TestCommand.class,
            ExplainCommand.class,
            DiffCommand.class,
            ReportCommand.class,
            WatchCommand.class,
            RulesCommand.class,
            TermsCommand.class,
            HelpCommand.class,
            GenerateCompletion.class);
    /** Commands that read the other commands' models. */
    private static final Set<Class<?>> NEED_ALL = Set.of(HelpCommand.class, GenerateCompletion.class);

    private final EarlyPack earlyPack;

    @Spec
    CommandSpec spec;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto", scope = ScopeType.INHERIT,
            description = "Colour output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: on a terminal, "
                    + "unless NO_COLOR is set or TERM=dumb).")
    Colour colour;

    FrametagCommand(EarlyPack earlyPack) {
        this.earlyPack = earlyPack;
    }

    /**
     * The subcommands a run needs: the one its arguments name, or all of them for help, completion
     * and arguments that name none (so that picocli can list them or suggest one). Building the
     * model of every command took a third of a second of a short run's start.
     */
    static List<Class<?>> subcommandsFor(String[] args) {
        for (String arg : args) {
            for (Class<?> command : SUBCOMMANDS) {
                Command annotation = command.getAnnotation(Command.class);
                if (annotation.name().equals(arg) || Arrays.asList(annotation.aliases()).contains(arg)) {
                    return NEED_ALL.contains(command) ? SUBCOMMANDS : List.of(command);
                }
            }
        }
        return SUBCOMMANDS;
    }

    /** The bundled pack this run started loading before its arguments were parsed, if any. */
    EarlyPack earlyPack() {
        return earlyPack;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is required");
    }

    /**
     * The colours of a run: {@code --color} wherever it was given, and for {@code auto} picocli's
     * detection (a terminal, {@code NO_COLOR} unset), which does not know {@code TERM=dumb}.
     */
    static Ansi ansi(ParseResult parseResult) {
        Colour colour = Colour.AUTO;
        for (ParseResult command = parseResult; command != null; command = command.subcommand()) {
            if (command.hasMatchedOption("--color")) {
                colour = command.matchedOptionValue("--color", Colour.AUTO);
            }
        }
        return switch (colour) {
            case ALWAYS -> Ansi.ON;
            case NEVER -> Ansi.OFF;
            case AUTO -> "dumb".equals(System.getenv("TERM")) ? Ansi.OFF : Ansi.AUTO;
        };
    }
}
