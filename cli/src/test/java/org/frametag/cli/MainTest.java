package org.frametag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void versionComesFromTheBuild() {
        CliRun run = CliRun.of("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("frametag 0.").doesNotContain("unknown").doesNotContain("${");
    }

    @Test
    void aCommandIsRequired() {
        CliRun run = CliRun.of();

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE_OR_RULES);
        assertThat(run.err()).startsWith("a command is required");
    }

    @Test
    void helpListsTheExitCodes() {
        CliRun run = CliRun.of("--help");

        assertThat(run.out()).contains("Exit codes:", "  2  some documents could not be read or classified");
    }
}
