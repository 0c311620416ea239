package org.frametag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {

    @TempDir
    Path dir;

    Path pack;
    Path docs;
    Path gold;

    @BeforeEach
    void setUp() {
        pack = Cli.pack(dir.resolve("pack"));
        Cli.write(pack, "extra.drl", Cli.MAIN.substring(0, Cli.MAIN.indexOf("rule \"sovereignty\""))
                + Cli.MAIN.substring(Cli.MAIN.indexOf("rule \"sovereignty\""), Cli.MAIN.indexOf("rule \"foreign interference\""))
                .replace("rule \"sovereignty\"", "rule \"extra\""));
        docs = dir.resolve("docs");
        Cli.write(docs, "a.txt", "They fought for sovereignty. Foreign meddling was feared. Spies were seen.");
        gold = Cli.write(dir, "gold.jsonl", """
                {"doc": "a", "start": 0, "end": 28, "text": "They fought for sovereignty.", "labels": ["SOVEREIGNTY"]}
                {"doc": "a", "start": 29, "end": 57, "text": "Foreign meddling was feared.", "labels": []}
                {"doc": "a", "start": 58, "end": 74, "text": "Spies were seen.", "labels": ["FOREIGN_INTERFERENCE"]}
                """);
    }

    @Test
    void perRuleStatisticsAndErrors() {
        Cli r = Cli.run("evaluate", "--rules", pack.toString(), "--gold", gold.toString(), "--errors", docs.toString());
        assertThat(r.out()).isEqualTo("""
                category               precision    recall        f1    tp    fp    fn
                SOVEREIGNTY                1.000     1.000     1.000     1     0     0
                FOREIGN_INTERFERENCE       0.000     0.000     0.000     0     1     1
                micro                      0.500     0.500     0.500     1     1     1
                macro                      0.500     0.500     0.500

                rule                   category               fires correct wrong precision coverage overlaps conflicts unique
                "extra"                SOVEREIGNTY                1       1     0     1.000    0.333        1         0      0
                "sovereignty"          SOVEREIGNTY                1       1     0     1.000    0.333        1         0      0
                "foreign interference" FOREIGN_INTERFERENCE       1       0     1     0.000    0.333        0         0      1

                false positives (1):
                  FOREIGN_INTERFERENCE  a [29..57)  tagged by "foreign interference"
                      Foreign meddling was feared.

                false negatives (1):
                  FOREIGN_INTERFERENCE  a [58..74)  no rule tagged it; concepts seen: none
                      Spies were seen.
                """);
        assertThat(r.exit()).isEqualTo(0);
    }

    @Test
    void jsonKeepsItsKeysAndAddsRulesAndErrors() throws Exception {
        Cli r = Cli.run("evaluate", "--rules", pack.toString(), "--gold", gold.toString(), "--json", "--errors", docs.toString());
        JsonNode json = new ObjectMapper().readTree(r.out());
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("categories", "micro", "macro", "rules", "errors");
        assertThat(json.get("micro").toString()).isEqualTo("{\"precision\":0.5,\"recall\":0.5,\"f1\":0.5,\"tp\":1,\"fp\":1,\"fn\":1}");
        assertThat(json.get("rules").get(2).toString()).isEqualTo("{\"rule\":\"foreign interference\","
                + "\"category\":\"FOREIGN_INTERFERENCE\",\"fires\":1,\"correct\":0,\"wrong\":1,\"precision\":0.0,"
                + "\"coverage\":0.3333,\"overlaps\":0,\"conflicts\":0,\"unique\":1}");
        assertThat(json.get("errors").get("false_negatives").toString()).isEqualTo("[{\"doc\":\"a\",\"start\":58,\"end\":74,"
                + "\"text\":\"Spies were seen.\",\"category\":\"FOREIGN_INTERFERENCE\",\"rules\":[]}]");
        Cli plain = Cli.run("evaluate", "--rules", pack.toString(), "--gold", gold.toString(), "--json", docs.toString());
        assertThat(new ObjectMapper().readTree(plain.out()).has("errors")).isFalse();
    }

    @Test
    void failUnderGatesOnMicroAndPerCategoryF1() {
        String[] base = {"evaluate", "--rules", pack.toString(), "--gold", gold.toString(), docs.toString(), "--json"};
        Cli pass = Cli.run(concat(base, "--fail-under", "0.5", "--fail-under", "SOVEREIGNTY=1"));
        assertThat(pass.err()).isEmpty();
        assertThat(pass.exit()).isEqualTo(0);
        Cli fail = Cli.run(concat(base, "--fail-under", "0.6", "--fail-under", "FOREIGN_INTERFERENCE=0.1"));
        assertThat(fail.err()).isEqualTo("""
                frametag: micro F1 0.500 is under 0.600
                frametag: FOREIGN_INTERFERENCE F1 0.000 is under 0.100
                """);
        assertThat(fail.exit()).isEqualTo(1);
        Cli bad = Cli.run(concat(base, "--fail-under", "high"));
        assertThat(bad.err()).isEqualTo("frametag: --fail-under high: expected an F1 between 0 and 1, as 0.9 or CATEGORY=0.8\n");
        assertThat(bad.exit()).isEqualTo(1);
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
