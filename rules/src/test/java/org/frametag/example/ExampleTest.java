package org.frametag.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The library example of the README: the same code as {@link Example}, and it runs. */
class ExampleTest {

    private static final Path ROOT = Path.of("..");

    @Test
    void theReadmeShowsTheExample() throws Exception {
        String source = Files.readString(Path.of("src/test/java/org/frametag/example/Example.java"));
        String shown = source.substring(source.indexOf("import "));

        assertThat(Files.readString(ROOT.resolve("README.md"))).contains("```java\n" + shown + "```\n");
    }

    @Test
    void theExampleRuns() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            Example.main(new String[] {ROOT.resolve("seeds").toString()});
        } finally {
            System.setOut(out);
        }

        // Rule names and scores change with the pack; the shape of each line does not.
        assertThat(printed.toString(StandardCharsets.UTF_8).lines())
                .anyMatch(line -> line.matches("\\[0\\.\\.53\\) FOREIGN_INTERFERENCE by \"[^\"]+\" on \\[.*interference.*]"))
                .anyMatch(line -> line.matches("[^:]+: saw \\[[a-z-, ]*interference[a-z-, ]*], not \\[[a-z-, ]+]"))
                .last().asString().matches("4 documents, micro F1 [01]\\.\\d{3}");
    }
}
