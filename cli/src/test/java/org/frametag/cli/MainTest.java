package org.frametag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MainTest {

    @Test
    void versionComesFromTheBuild() {
        Cli run = Cli.run("--version");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("frametag 0.").doesNotContain("unknown").doesNotContain("${");
    }

    @Test
    void aRunBuildsOnlyTheCommandItNames() {
        assertThat(FrametagCommand.subcommandsFor(new String[] {"--color", "never", "classify", "-q", "evaluate.txt"}))
                .containsExactly(ClassifyCommand.class);
        assertThat(FrametagCommand.subcommandsFor(new String[] {"rules", "export", "out"})).containsExactly(RulesCommand.class);
    }

    @Test
    void helpCompletionAndUnknownCommandsSeeEveryCommand() {
        assertThat(FrametagCommand.subcommandsFor(new String[] {"help", "classify"})).isEqualTo(FrametagCommand.SUBCOMMANDS);
        assertThat(FrametagCommand.subcommandsFor(new String[] {"generate-completion"})).isEqualTo(FrametagCommand.SUBCOMMANDS);
        assertThat(FrametagCommand.subcommandsFor(new String[] {"clasify", "a.txt"})).isEqualTo(FrametagCommand.SUBCOMMANDS);
        assertThat(FrametagCommand.subcommandsFor(new String[] {"--help"})).hasSize(13);
    }

    @Test
    void everyDescriptionLineIsAWholeSentence() {
        List<CommandLine> commands = new ArrayList<>(List.of(Main.commandLine()));
        List<String> broken = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            CommandLine command = commands.get(i);
            commands.addAll(command.getSubcommands().values());
            if (!command.getCommand().getClass().getPackageName().equals(Main.class.getPackageName())) {
                continue;
            }
            for (String line : command.getCommandSpec().usageMessage().description()) {
                if (!line.endsWith(".")) {
                    broken.add(command.getCommandSpec().qualifiedName() + ": " + line);
                }
            }
        }

        assertThat(broken).as("picocli wraps each description line on its own; one cut mid-sentence breaks the help")
                .isEmpty();
    }

    @Test
    void aCommandIsRequired() {
        Cli run = Cli.run();

        assertThat(run.exit()).isEqualTo(ExitCode.USAGE_OR_RULES);
        assertThat(run.err()).startsWith("a command is required");
    }

    @Test
    void helpListsTheExitCodes() {
        Cli run = Cli.run("--help");

        assertThat(run.out()).contains("""

                Exit codes:
                  0     success (validate with warnings only, too)
                  1     usage error, a rule pack that does not compile, a failed example
                """, "  2     the run finished, but some documents could not be read or classified\n",
                "  130   interrupted (Ctrl-C); classify says how to continue with --resume\n",
                "  141   standard output was closed (as by '| head'): the run stopped at once,\n");
    }

    @Test
    void colourIsOnlyWhereAskedForOrATerminalIsSeen(@TempDir Path dir) {
        String pack = Cli.pack(dir.resolve("pack")).toString();
        String doc = Cli.write(dir, "a.txt", "They warned of foreign interference.").toString();

        String always = Cli.run("classify", "-q", "--rules", pack, "--color=always", doc).out();
        String never = Cli.run("--color", "never", "classify", "-q", "--rules", pack, doc).out();
        String auto = Cli.run("classify", "-q", "--rules", pack, doc).out();

        assertThat(always).startsWith("""
                \u001B[2ma #0\u001B[0m  \u001B[36mFOREIGN_INTERFERENCE\u001B[0m
                  They warned of \u001B[1;33mforeign\u001B[0m \u001B[1;33minterference\u001B[0m.
                """);
        assertThat(never).startsWith("""
                a #0  FOREIGN_INTERFERENCE
                  They warned of [foreign] [interference].
                """);
        assertThat(auto).isEqualTo(never);
    }

    @Test
    void enumValuesIgnoreCase(@TempDir Path dir) {
        String pack = Cli.pack(dir.resolve("pack")).toString();
        String doc = Cli.write(dir, "a.txt", "Nothing happened.").toString();

        assertThat(Cli.run("classify", "-q", "--rules", pack, "--format", "JSONL", doc).out())
                .isEqualTo(Cli.run("classify", "-q", "--rules", pack, "--format", "jsonl", doc).out())
                .startsWith("{\"doc\":\"a\"");
    }

    @Test
    void generatesAShellCompletionScript() {
        Cli run = Cli.run("generate-completion");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("complete -F _complete_frametag", "classify", "--format");
    }
}
