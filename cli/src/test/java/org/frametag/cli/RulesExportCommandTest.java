package org.frametag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.frametag.rules.pack.RulePack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesExportCommandTest {

    @TempDir
    Path dir;

    @Test
    void exportsTheBundledPackAsAFolderThatRunsTheSame() {
        Path target = dir.resolve("my-pack");
        Cli r = Cli.run("rules", "export", target.toString());
        assertThat(r.exit()).isEqualTo(0);
        assertThat(Files.exists(target.resolve("categories.txt"))).isTrue();
        assertThat(RulePack.fromFolder(target).files()).isEqualTo(RulePack.bundled().files());
        assertThat(Cli.run("validate", "--rules", target.toString()).exit()).isEqualTo(0);
    }

    @Test
    void refusesAFolderThatIsNotEmpty() {
        Cli.write(dir, "notes.txt", "mine");
        Cli r = Cli.run("rules", "export", dir.toString());
        assertThat(r.err()).isEqualTo("frametag: " + dir + " is not empty; choose a new folder or add --force to overwrite\n");
        assertThat(r.exit()).isEqualTo(1);
    }
}
