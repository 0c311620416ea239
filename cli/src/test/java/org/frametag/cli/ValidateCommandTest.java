package org.frametag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

    @TempDir
    Path dir;

    @Test
    void aValidPackExitsZero() {
        Cli.pack(dir);
        Cli r = Cli.run("validate", "--rules", dir.toString());
        assertThat(r.out()).isEqualTo(dir + ": valid: 2 rules, 3 term lists, 2 categories; 0 warnings\n");
        assertThat(r.exit()).isEqualTo(0);
    }

    @Test
    void syntaxErrorIsPlacedAtItsLine() {
        Cli.pack(dir);
        Cli.edit(dir, "main.drl", "$s : Sentence()\n    $m", "$s : Sentence(\n    $m");
        Cli r = Cli.run("validate", "--rules", dir.toString());
        assertThat(r.out()).isEqualTo("""
                %1$s/main.drl:13:18: error: '(' is never closed; add the missing ')'
                %1$s/main.drl:15:1: error: mismatched input 'then' in rule "sovereignty"
                %1$s: 2 errors, 0 warnings
                """.formatted(dir));
        assertThat(r.exit()).isEqualTo(1);
    }

    @Test
    void anExtraClosingBracketIsPlacedWhereItIsAndBracketsInStringsDoNotCount() {
        Cli.pack(dir);
        Cli.edit(dir, "main.drl", "concept == \"sovereignty\")", "concept == \"sovereignty\", text != \"(\"))");
        Cli r = Cli.run("validate", "--rules", dir.toString());
        assertThat(r.out()).isEqualTo("""
                %1$s/main.drl:14:78: error: mismatched input ')' in rule "sovereignty"
                %1$s/main.drl:14:78: error: ')' has no matching '('
                %1$s: 2 errors, 0 warnings
                """.formatted(dir));
        assertThat(r.exit()).isEqualTo(1);
    }

    @Test
    void unknownCategoryAndMissingTermListAreErrors() {
        Cli.pack(dir);
        Cli.edit(dir, "main.drl", "\"SOVEREIGNTY\"", "\"SOVEREINGTY\"");
        Cli.edit(dir, "main.drl", "concept == \"foreign\"", "concept == \"foreign-actor\"");
        Cli r = Cli.run("validate", "--rules", dir.toString());
        assertThat(r.out()).isEqualTo("""
                %1$s/main.drl:16:20: error: unknown category "SOVEREINGTY" in rule "sovereignty": it is not in categories.txt; did you mean "SOVEREIGNTY"?
                %1$s/main.drl:25:51: error: concept "foreign-actor" has no term list, so rule "foreign interference" can never see it; create terms/foreign-actor.txt with one word or phrase per line
                %1$s/terms/foreign.txt: warning: no rule uses concept "foreign"; use it in a rule (concept == "foreign") or delete the file
                %1$s: 2 errors, 1 warning
                """.formatted(dir));
        assertThat(r.exit()).isEqualTo(1);
    }

    @Test
    void warningsArePrintedAndExitZero() {
        Cli.pack(dir);
        Cli.write(dir, "terms/foreign.txt", "foreign\nabroad\nforeign\n<NOTAKIND>\n");
        Cli.edit(dir, "main.drl", "    @example(\"They warned of foreign interference.\")\n", "");
        Cli r = Cli.run("validate", "--rules", dir.toString());
        assertThat(r.out()).isEqualTo("""
                %1$s/main.drl:19:1: warning: rule "foreign interference" has no examples; add @example("a sentence it must tag") so 'frametag test' checks it
                %1$s/terms/foreign.txt:3:1: warning: duplicate entry "foreign": it repeats line 1; delete one
                %1$s/terms/foreign.txt:4:1: warning: entry "<NOTAKIND>" can never match: unknown token kind <NOTAKIND>
                %1$s: valid: 2 rules, 3 term lists, 2 categories; 3 warnings
                """.formatted(dir));
        assertThat(r.exit()).isEqualTo(0);
    }

    @Test
    void inflectionsOfAnEarlierEntryOnRequest() {
        Cli.pack(dir);
        Cli.write(dir, "terms/foreign.txt", "foreigner\nforeigners\n");
        assertThat(Cli.run("validate", "--rules", dir.toString()).out()).doesNotContain("warning:");
        Cli r = Cli.run("validate", "--rules", dir.toString(), "--inflections");
        assertThat(r.out()).isEqualTo("""
                %1$s/terms/foreign.txt:2:1: warning: duplicate entry "foreigners": it matches the same words as "foreigner" on line 1 (entries match on base forms); delete one
                %1$s: valid: 2 rules, 3 term lists, 2 categories; 1 warning
                """.formatted(dir));
    }

    @Test
    void theBundledPackIsValid() {
        Cli r = Cli.run("validate");
        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.out()).contains("bundled: valid:").doesNotContain("error:");
    }

    @Test
    void aMissingFolderIsAUsageError() {
        Cli r = Cli.run("validate", "--rules", dir.resolve("nope").toString());
        assertThat(r.err()).isEqualTo("frametag: rule pack folder not found: " + dir.resolve("nope") + "\n");
        assertThat(r.exit()).isEqualTo(1);
    }

    @Test
    void problemsNameTheFileAsOpenedFromTheWorkingDirectoryWithLineAndColumn() throws IOException {
        Path here = Path.of("").toAbsolutePath();
        Path pack = Files.createTempDirectory(here.resolve("target"), "validate-");
        try {
            Cli.pack(pack);
            Cli.write(pack, "terms/foreign.txt", "foreign\n  foreign   # again, indented\n");
            Cli r = Cli.run("validate", "--rules", pack.toString());
            String shown = here.relativize(pack).toString();
            assertThat(r.out()).startsWith(shown + "/terms/foreign.txt:2:3: warning: duplicate entry \"foreign\": it repeats line 1; delete one\n");
        } finally {
            try (var files = Files.walk(pack)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
