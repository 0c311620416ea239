package org.frametag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCommandTest {

    @TempDir
    Path dir;

    @Test
    void theBundledPacksExamplesPass() {
        Cli r = Cli.run("test");
        assertThat(r.err()).doesNotContain("error");
        assertThat(r.out()).doesNotContain("FAIL").endsWith(" 0 failed\n");
        assertThat(r.exit()).isEqualTo(0);
    }

    @Test
    void passingExamples() {
        Cli r = Cli.run("test", "--rules", Cli.pack(dir).toString());
        assertThat(r.out()).isEqualTo("4 examples, 0 failed\n");
        assertThat(r.exit()).isEqualTo(0);
    }

    @Test
    void aFailingExampleShowsWhatFiredAndWhatTheRulesSaw() {
        Cli.pack(dir);
        Cli.edit(dir, "main.drl", "@example(\"They warned of foreign interference.\")",
                "@example(\"They warned of foreign interference.\", \"Meddling threatens our sovereignty.\")");
        Cli.edit(dir, "main.drl", "@counterexample(\"The team won the cup.\")",
                "@counterexample(\"The team won the cup.\", \"A sovereign debt crisis.\")");
        Cli r = Cli.run("test", "--rules", dir.toString());
        assertThat(r.out()).isEqualTo("""
                FAIL main.drl:19 rule "foreign interference"
                  example not tagged: "Meddling threatens our sovereignty."
                  rules that fired: sovereignty (SOVEREIGNTY)
                  concepts seen: interference "Meddling", sovereignty "sovereignty"
                FAIL main.drl:9 rule "sovereignty"
                  counterexample tagged: "A sovereign debt crisis."
                  rules that fired: sovereignty (SOVEREIGNTY)
                  concepts seen: sovereignty "sovereign"
                6 examples, 2 failed
                """);
        assertThat(r.exit()).isEqualTo(1);
    }

    @Test
    void rulesWithoutExamplesAreNamed() {
        Cli.pack(dir);
        Cli.edit(dir, "main.drl", "    @example(\"They warned of foreign interference.\")\n", "");
        Cli r = Cli.run("test", "--rules", dir.toString());
        assertThat(r.out()).isEqualTo("3 examples, 0 failed; 1 rule without examples: \"foreign interference\"\n");
        assertThat(r.exit()).isEqualTo(0);
    }

    @Test
    void aPackThatDoesNotCompileExitsOne() {
        Cli.pack(dir);
        Cli.edit(dir, "main.drl", "\"SOVEREIGNTY\"", "\"SOVRANTY\"");
        Cli r = Cli.run("test", "--rules", dir.toString());
        assertThat(r.err()).startsWith(dir.resolve("main.drl") + ":16:20: error: unknown category \"SOVRANTY\"");
        assertThat(r.exit()).isEqualTo(1);
    }
}
