package org.frametag.seeds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.frametag.cli.Main;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The README's main job, run in-process: classify the seeds and evaluate them. */
class SeedCliTest {

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(new StringWriter(), true));
        assertThat(cli.execute(args)).isZero();
        return out.toString();
    }

    @Test
    void classifyPrintsOneRecordPerSentenceOfTheSeeds() throws Exception {
        List<String> lines = run("classify", "--format", "jsonl", "-q", Seeds.DOCS.toString()).lines().toList();

        assertThat(lines).hasSizeBetween(120, 125);
        ObjectMapper json = new ObjectMapper();
        for (String line : lines) {
            JsonNode record = json.readTree(line);
            if (record.get("doc").asText().equals("000_f2b259ef6d075bec")) {
                assertThat(record.fieldNames()).toIterable().containsExactly("doc", "path", "sentence", "start", "end", "text", "tags", "meta");
                assertThat(record.get("meta")).hasToString("{\"date\":\"2021-02-17\"}");
            } else {
                assertThat(record.fieldNames()).toIterable().containsExactly("doc", "path", "sentence", "start", "end", "text", "tags");
            }
        }
    }

    @Test
    void evaluateJsonHasCategoriesMicroAndMacro() throws Exception {
        JsonNode report = new ObjectMapper().readTree(
                run("evaluate", "--gold", Seeds.GOLD.toString(), "--json", Seeds.DOCS.toString()));

        assertThat(report.fieldNames()).toIterable().startsWith("categories", "micro", "macro");
        assertThat(report.get("categories").fieldNames()).toIterable().containsExactly("SOVEREIGNTY",
                "FOREIGN_INTERFERENCE", "TRUST_FIGURES", "SECURITY_INCIDENT", "ELECTORAL_TECHNOLOGY", "DELEGITIMIZATION");
        assertThat(report.get("micro").fieldNames()).toIterable()
                .containsExactly("precision", "recall", "f1", "tp", "fp", "fn");
    }
}
