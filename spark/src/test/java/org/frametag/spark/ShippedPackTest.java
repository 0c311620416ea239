package org.frametag.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.frametag.api.Frametag;
import org.frametag.api.RulePackException;
import org.frametag.rules.pack.PackFile;
import org.frametag.rules.pack.RulePack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pack as the job ships and compiles it, without a Spark session. */
class ShippedPackTest {

    @TempDir
    Path cache;

    @Test
    void inLocalModeThePackIsReadFromAndStoredInTheCliCacheOfCompiledPacks() throws RulePackException, IOException {
        // a firing limit of its own, so no other test of this JVM has compiled this pack already;
        // a rule file edited, so the pack is compiled rather than taken as the build precompiled it
        RulePack bundled = RulePack.bundled();
        RulePack edited = new RulePack("edited", bundled.files().stream()
                .map(f -> f.path().endsWith(".drl") ? new PackFile(f.path(), f.content() + "\n// edited\n") : f)
                .toList());
        ShippedPack pack = ShippedPack.of(edited, Frametag.DEFAULT_MAX_FIRINGS + 7);

        Frametag compiled = pack.compiled(Optional.of(cache));

        try (Stream<Path> entries = Files.list(cache)) {
            assertThat(entries.map(p -> p.getFileName().toString())).anyMatch(name -> name.endsWith(".rulebase"));
        }
        assertThat(pack.compiled()).as("once per JVM").isSameAs(compiled);
        assertThat(compiled.categories()).isEqualTo(Frametag.loader().load().categories());
    }
}
