package org.frametag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which runs build only the rules their documents need, and that such a run tags as any other. */
class EarlyPackTest {

    @TempDir
    Path dir;

    @Test
    void aFewShortFilesAreAShortInputWhateverTheRunWritesAndAFolderStandardInputOrMoreBytesAreNot() throws IOException {
        Path one = Files.writeString(dir.resolve("one.txt"), "Hackers attacked the election commission's website.");
        Path two = Files.writeString(dir.resolve("two.txt"), "x".repeat(10_000));
        Path three = Files.writeString(dir.resolve("three.txt"), "x".repeat(10_000));

        assertThat(EarlyPack.shortInput(new String[] {"classify", one.toString()})).isTrue();
        assertThat(EarlyPack.shortInput(new String[] {"classify", "--format", "jsonl", "-o", dir.resolve("new.jsonl").toString(), one.toString(), two.toString()}))
                .isTrue();
        assertThat(EarlyPack.shortInput(new String[] {"classify", "-o", "/dev/null", "--errors", three.toString(), one.toString()}))
                .isTrue();
        assertThat(EarlyPack.shortInput(new String[] {"classify", "--summary", dir.toString(), "--output=" + two, one.toString()}))
                .isTrue();
        assertThat(EarlyPack.shortInput(new String[] {"classify", two.toString(), three.toString()})).isFalse();
        assertThat(EarlyPack.shortInput(new String[] {"classify", dir.toString()})).isFalse();
        assertThat(EarlyPack.shortInput(new String[] {"classify", "-"})).isFalse();
        assertThat(EarlyPack.shortInput(new String[] {"classify"})).isFalse();
    }

    @Test
    void oneShortDocumentIsTaggedAsWithAllTheRulesBuilt() throws Exception {
        Path one = Files.writeString(dir.resolve("one.txt"),
                "Foreign hackers attacked the election commission's website on Sunday. The attack was condemned.");

        Cli onDemand = Cli.launch(List.of(), null, p -> { }, "classify", "--format", "jsonl", "-q", one.toString());
        Cli all = Cli.launch(List.of("-Dframetag.rulesOnDemand=false"), null, p -> { }, "classify", "--format", "jsonl", "-q", one.toString());

        assertThat(onDemand.exit()).isEqualTo(ExitCode.OK);
        assertThat(onDemand.err()).isEmpty();
        assertThat(onDemand.out()).isEqualTo(all.out()).hasLineCount(2).contains("SECURITY_INCIDENT");
    }
}
