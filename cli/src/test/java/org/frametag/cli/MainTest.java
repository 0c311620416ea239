package org.frametag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @Test
    void versionComesFromTheBuild() {
        Cli run = Cli.run("--version");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("frametag 0.").doesNotContain("unknown").doesNotContain("${");
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
                  0   success (validate with warnings only, too)
                  1   usage error, a rule pack that does not compile, a failed example (test),
                """, "  2   the run finished, but some documents could not be read or classified\n");
    }

    @Test
    void colourIsOnlyWhereAskedForOrATerminalIsSeen(@TempDir Path dir) throws IOException {
        Path doc = Files.writeString(dir.resolve("a.txt"), "Foreign interference in the election was reported.");

        String always = Cli.run("classify", "-q", "--color=always", doc.toString()).out();
        String never = Cli.run("--color", "never", "classify", "-q", doc.toString()).out();
        String auto = Cli.run("classify", "-q", doc.toString()).out();

        assertThat(always).startsWith("\u001B[2ma #0\u001B[0m  \u001B[36mFOREIGN_INTERFERENCE\u001B[0m\n");
        assertThat(never).startsWith("a #0  FOREIGN_INTERFERENCE\n  [Foreign] [interference] in the [election] was reported.\n");
        assertThat(auto).isEqualTo(never);
    }

    @Test
    void enumValuesIgnoreCase(@TempDir Path dir) throws IOException {
        Path doc = Files.writeString(dir.resolve("a.txt"), "Nothing happened.");

        assertThat(Cli.run("classify", "-q", "--format", "JSONL", doc.toString()).out())
                .isEqualTo(Cli.run("classify", "-q", "--format", "jsonl", doc.toString()).out())
                .startsWith("{\"doc\":\"a\"");
    }

    @Test
    void generatesAShellCompletionScript() {
        Cli run = Cli.run("generate-completion");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("complete -F _complete_frametag", "classify", "--format");
    }
}
