package org.frametag.seeds.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness itself, with a stand-in classifier instead of the rule pack: templates are read
 * and filled exactly as written, every kind of broken template is reported with its file and
 * line, and a failing expectation or an empty template makes the suite fail, so it can never
 * pass by testing nothing.
 */
class BehaviourHarnessTest {

    private static final List<String> CATEGORIES = List.of("SECURITY_INCIDENT", "FOREIGN_INTERFERENCE");

    /** Tags SECURITY_INCIDENT where "attack" or "bomb" is written, FOREIGN_INTERFERENCE where "meddl" is. */
    private static final SentenceClassifier KEYWORDS = sentence -> {
        String s = sentence.toLowerCase();
        Set<String> tags = new TreeSet<>();
        if (s.contains("attack") || s.contains("bomb")) {
            tags.add("SECURITY_INCIDENT");
        }
        if (s.contains("meddl")) {
            tags.add("FOREIGN_INTERFERENCE");
        }
        return tags;
    };

    @TempDir
    Path dir;

    private static Lexicons lexicons() {
        Lexicons.Parsed country = Lexicons.parse("country", "country.tsv", List.of(
                "# a comment", "name\tadj\tcapital", "Estonia\tEstonian\tTallinn", "Iran  Iranian  Tehran"), true);
        Lexicons.Parsed actor = Lexicons.parse("actor", "actor.txt", List.of("gunmen", "", "# none", "a mob"), false);
        Lexicons.Parsed empty = Lexicons.parse("nothing", "nothing.txt", List.of("# no entries yet"), false);
        assertThat(country.errors()).isEmpty();
        return new Lexicons(Map.of("country", country.lexicon().orElseThrow(), "actor", actor.lexicon().orElseThrow(),
                "nothing", empty.lexicon().orElseThrow()), List.of());
    }

    private static TemplateParser.Parsed parse(String... lines) {
        return new TemplateParser(CATEGORIES).parse("test.tsv", List.of(lines));
    }

    private static Template template(String line) {
        TemplateParser.Parsed parsed = parse(line);
        assertThat(parsed.errors()).isEmpty();
        return parsed.templates().get(0);
    }

    private static SuiteResult run(SentenceClassifier classifier, String... lines) {
        TemplateParser.Parsed parsed = parse(lines);
        return new BehaviourSuite(new CaseGenerator(lexicons()), classifier).run(CATEGORIES, parsed.templates(), parsed.errors());
    }

    private static List<List<String>> sentences(String line) {
        return new CaseGenerator(lexicons()).generate(template(line)).stream().map(TestCase::sentences).toList();
    }

    private static Thresholds thresholds(String... keyValues) {
        Properties p = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return new Thresholds(p);
    }

    @Test
    void columnsAreSplitByTabsOrByTwoSpacesOrMore() {
        assertThat(Columns.split("MFT\tTAG  SECURITY_INCIDENT \t A bomb went off.  Then another.")).containsExactly(
                "MFT", "TAG", "SECURITY_INCIDENT", "A bomb went off.", "Then another.");
        assertThat(Columns.split("   ")).isEmpty();
    }

    @Test
    void readsEachTypeOfLineWithItsHeadingAndSampleSize() {
        TemplateParser.Parsed parsed = parse(
                "# a comment",
                "MFT  TAG  SECURITY_INCIDENT  {actor} attacked a polling station.",
                "## Voice",
                "@samples 7",
                "INV  SAME  SECURITY_INCIDENT  {actor} attacked it.  It was attacked by {actor}.  {actor} has attacked it.",
                "DIR\tREMOVE\tFOREIGN_INTERFERENCE\t{country} meddled in the vote.\tNobody meddled in the vote.");

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.templates()).extracting(Template::source, Template::type, Template::expectation,
                        Template::category, Template::capability, Template::samples, t -> t.variants().size())
                .containsExactly(
                        tuple("test.tsv:2", TestType.MFT, Expectation.TAG, "SECURITY_INCIDENT", "", 40, 1),
                        tuple("test.tsv:5", TestType.INV, Expectation.SAME, "SECURITY_INCIDENT", "Voice", 7, 3),
                        tuple("test.tsv:6", TestType.DIR, Expectation.REMOVE, "FOREIGN_INTERFERENCE", "Voice", 7, 2));
    }

    @Test
    void allTestsEveryCategoryAndOnlyWithNot() {
        TemplateParser.Parsed parsed = parse("MFT  NOT  ALL  This was said on Monday.", "MFT  TAG  ALL  A bomb.");

        assertThat(parsed.templates()).extracting(Template::category).containsExactlyElementsOf(CATEGORIES);
        assertThat(parsed.errors()).containsExactly("test.tsv:2: ALL goes only with MFT NOT (no category at all)");
    }

    @Test
    void everyKindOfBrokenLineIsReportedWithFileAndLine() {
        TemplateParser.Parsed parsed = parse(
                "MFT  TAG  A bomb went off.",
                "XYZ  TAG  SECURITY_INCIDENT  A bomb went off.",
                "MFT  KEEP  SECURITY_INCIDENT  A bomb went off.",
                "MFT  TAG  SECURITY  A bomb went off.",
                "DIR  REMOVE  SECURITY_INCIDENT  A bomb went off.",
                "INV  SAME  SECURITY_INCIDENT  A bomb went off.",
                "MFT  TAG  SECURITY_INCIDENT  {actor attacked the town.",
                "MFT  TAG  SECURITY_INCIDENT  actor} attacked the town.",
                "MFT  TAG  SECURITY_INCIDENT  {Actor!} attacked the town.",
                "@sample 5");

        assertThat(parsed.templates()).isEmpty();
        assertThat(parsed.errors()).hasSize(10).satisfies(errors -> {
            for (int i = 0; i < errors.size(); i++) {
                assertThat(errors.get(i)).startsWith("test.tsv:" + (i + 1) + ": ");
            }
        });
        assertThat(parsed.errors().get(0)).contains("at least four columns");
        assertThat(parsed.errors().get(1)).contains("unknown test type XYZ");
        assertThat(parsed.errors().get(2)).contains("MFT does not take KEEP");
        assertThat(parsed.errors().get(3)).contains("unknown category SECURITY");
        assertThat(parsed.errors().get(4)).contains("two sentence templates", "found 1");
        assertThat(parsed.errors().get(5)).contains("two or more sentence templates", "found 1");
        assertThat(parsed.errors().get(6)).contains("a '{' with no '}'");
        assertThat(parsed.errors().get(7)).contains("a '}' with no '{'");
        assertThat(parsed.errors().get(8)).contains("{Actor!} is not a slot");
        assertThat(parsed.errors().get(9)).contains("'@samples N'");
    }

    @Test
    void slotsTakeFieldsArticlesAndChoicesAndTheSentenceStartsWithACapital() {
        assertThat(sentences("MFT  TAG  SECURITY_INCIDENT  {actor} {attacked|bombed} {a:country.adj} convoy near {country.capital} ."))
                .containsExactly(
                        List.of("Gunmen attacked an Estonian convoy near Tallinn."),
                        List.of("Gunmen attacked an Iranian convoy near Tehran."),
                        List.of("Gunmen bombed an Estonian convoy near Tallinn."),
                        List.of("Gunmen bombed an Iranian convoy near Tehran."),
                        List.of("A mob attacked an Estonian convoy near Tallinn."),
                        List.of("A mob attacked an Iranian convoy near Tehran."),
                        List.of("A mob bombed an Estonian convoy near Tallinn."),
                        List.of("A mob bombed an Iranian convoy near Tehran."));
        assertThat(sentences("MFT  TAG  SECURITY_INCIDENT  \"{|the} {actor} came,\" she said."))
                .containsExactly(List.of("\"Gunmen came,\" she said."), List.of("\"A mob came,\" she said."),
                        List.of("\"The gunmen came,\" she said."), List.of("\"The a mob came,\" she said."));
    }

    @Test
    void aDigitAfterASlotNamesADifferentEntryAndVariantsShareTheirEntries() {
        assertThat(sentences("DIR  REMOVE  FOREIGN_INTERFERENCE  {country} meddled in {country2}.  {country2} meddled in {country}."))
                .containsExactly(
                        List.of("Estonia meddled in Iran.", "Iran meddled in Estonia."),
                        List.of("Iran meddled in Estonia.", "Estonia meddled in Iran."));
    }

    @Test
    void articlesFollowTheSoundOfTheWord() {
        assertThat(List.of("Estonian", "Iranian", "Ukrainian", "European", "hour", "bomb", "one-off", "uprising"))
                .extracting(CaseGenerator::article)
                .containsExactly("an", "an", "a", "a", "an", "a", "a", "an");
    }

    @Test
    void aLargeTemplateYieldsItsSampleSizeOfDistinctCasesTheSameEveryRun() {
        String line = "MFT  TAG  SECURITY_INCIDENT  {a|b|c|d|e|f|g|h|i|j} {k|l|m|n|o|p|q|r|s|t} {actor} {country}.";
        List<List<String>> first = sentences(line);

        assertThat(first).hasSize(TemplateParser.DEFAULT_SAMPLES).doesNotHaveDuplicates();
        assertThat(sentences(line)).isEqualTo(first);
        TemplateParser.Parsed small = parse("@samples 12", line);
        assertThat(new CaseGenerator(lexicons()).generate(small.templates().get(0))).hasSize(12);
    }

    @Test
    void aSlotWithNoLexiconOrFieldIsReportedAndRunsNothing() {
        SuiteResult result = run(KEYWORDS,
                "MFT  TAG  SECURITY_INCIDENT  {attacker} bombed the town.",
                "MFT  TAG  SECURITY_INCIDENT  {country.people} bombed the town.",
                "MFT  TAG  SECURITY_INCIDENT  A bomb went off.");

        assertThat(result.errors()).containsExactly(
                "test.tsv:1: {attacker}: there is no lexicon attacker",
                "test.tsv:2: {country.people}: lexicon country has no field people; its fields are [name, adj, capital]");
        assertThat(result.templates()).extracting(t -> t.template().source()).containsExactly("test.tsv:3");
    }

    @Test
    void aTemplateThatYieldsNoSentenceIsAnError() {
        SuiteResult result = run(KEYWORDS,
                "MFT  TAG  SECURITY_INCIDENT  {nothing} bombed the town.",
                "MFT  TAG  SECURITY_INCIDENT  {actor} bombed {actor2} and {actor3}.");

        assertThat(result.templates()).isEmpty();
        assertThat(result.errors()).hasSize(2);
        assertThat(result.errors().get(0)).startsWith("test.tsv:1: the template yields no sentence: a lexicon it names is empty");
        assertThat(result.errors().get(1)).startsWith("test.tsv:2: the template yields no sentence: no filling gives");
        assertThat(result.rate("SECURITY_INCIDENT", TestType.MFT)).isEqualTo(new PassRate(0, 0));
        assertThat(thresholds("SECURITY_INCIDENT.MFT", "0").violations(result, "SECURITY_INCIDENT", TestType.MFT))
                .containsExactly("SECURITY_INCIDENT.MFT: no test case ran");
    }

    @Test
    void mftChecksOnlyItsCategoryAndAFailingExpectationIsCountedAndListed() {
        SuiteResult result = run(KEYWORDS,
                "MFT  TAG  SECURITY_INCIDENT  {actor} bombed the town.",
                "MFT  TAG  SECURITY_INCIDENT  {actor} burned the town.",
                "MFT  NOT  FOREIGN_INTERFERENCE  {actor} bombed the town.");

        assertThat(result.errors()).isEmpty();
        assertThat(result.rate("SECURITY_INCIDENT", TestType.MFT)).isEqualTo(new PassRate(2, 4));
        assertThat(result.rate("FOREIGN_INTERFERENCE", TestType.MFT)).isEqualTo(new PassRate(2, 2));
        assertThat(BehaviourReport.failures(result, 3)).contains(
                "SECURITY_INCIDENT MFT TAG  test.tsv:2",
                "  template: {actor} burned the town.",
                "  failed 2 of 2 cases",
                "  - Gunmen burned the town.  -> []",
                "  - A mob burned the town.  -> []");
        assertThat(thresholds("SECURITY_INCIDENT.MFT", "0.55").violations(result, "SECURITY_INCIDENT", TestType.MFT))
                .containsExactly("SECURITY_INCIDENT.MFT: pass rate 0.500 (2 of 4) is under the threshold 0.55");
        assertThat(thresholds("SECURITY_INCIDENT.MFT", "0.50").violations(result, "SECURITY_INCIDENT", TestType.MFT)).isEmpty();
    }

    @Test
    void invPassesOnlyWhenEveryVariantHasTheSameCategories() {
        SuiteResult result = run(KEYWORDS,
                "INV  SAME  SECURITY_INCIDENT  {actor} attacked {country}.  {country} was attacked by {actor}.",
                "INV  SAME  SECURITY_INCIDENT  {actor} attacked {country}.  {actor} struck {country}.",
                "INV  SAME  SECURITY_INCIDENT  {actor} bombed {country}.  {actor} bombed {country} and meddled.");

        assertThat(result.templates()).extracting(TemplateResult::passed).containsExactly(4L, 0L, 0L);
        assertThat(result.rate("SECURITY_INCIDENT", TestType.INV)).isEqualTo(new PassRate(4, 12));
    }

    @Test
    void dirChecksTheOriginalAndTheChangedSentence() {
        SuiteResult result = run(KEYWORDS,
                "DIR  KEEP  SECURITY_INCIDENT  {actor} attacked the town.  {actor} did not attack the town.",
                "DIR  KEEP  SECURITY_INCIDENT  {actor} burned the town.  {actor} did not attack the town.",
                "DIR  REMOVE  SECURITY_INCIDENT  {actor} bombed the town.  A storm hit the town.",
                "DIR  REMOVE  SECURITY_INCIDENT  {actor} bombed the town.  A bomb hit the town.",
                "DIR  ADD  FOREIGN_INTERFERENCE  {country} watched the vote.  {country} meddled in the vote.",
                "DIR  ADD  FOREIGN_INTERFERENCE  {country} meddled in the vote.  {country} meddled in the vote again.");

        assertThat(result.templates()).extracting(TemplateResult::passed).containsExactly(2L, 0L, 2L, 0L, 2L, 0L);
        assertThat(BehaviourReport.failures(result, 1)).contains(
                "  - Gunmen burned the town.  -> []\n    Gunmen did not attack the town.  -> [SECURITY_INCIDENT]\n");
    }

    @Test
    void everyCategoryAndTypeNeedsAThresholdAndTheReportShowsRates() {
        SuiteResult result = run(KEYWORDS, "MFT  TAG  SECURITY_INCIDENT  {actor} bombed the town.");
        Thresholds thresholds = thresholds("SECURITY_INCIDENT.MFT", "0.90", "SECURITY_INCIDENT.INV", "1.5");

        assertThat(thresholds.violations(result)).contains(
                "SECURITY_INCIDENT.INV: no threshold from 0 to 1 is set",
                "SECURITY_INCIDENT.INV: no test case ran",
                "FOREIGN_INTERFERENCE.DIR: no threshold from 0 to 1 is set")
                .noneMatch(v -> v.startsWith("SECURITY_INCIDENT.MFT"));
        assertThat(BehaviourReport.passRates(result, thresholds)).contains(
                "| SECURITY_INCIDENT | 100.0% (2/2), min 0.90 | 0.0% (0/0) | 0.0% (0/0) |");
        assertThat(BehaviourReport.shape(result)).contains("| SECURITY_INCIDENT | 1/0/0 | 2 | 0 | 0 | 2 |");
    }

    @Test
    void filesAreReadFromFoldersAndTheirProblemsNamed() throws IOException {
        Path templates = Files.createDirectories(dir.resolve("templates"));
        Path lexicons = Files.createDirectories(dir.resolve("lexicons"));
        Files.writeString(templates.resolve("a.tsv"), "MFT  TAG  SECURITY_INCIDENT  {place} was bombed.\nMFT  TAG  NOPE  x\n");
        Files.writeString(lexicons.resolve("place.txt"), "# places\nthe town hall\n");
        Files.writeString(lexicons.resolve("table.tsv"), "name  adj\nEstonia  Estonian  Tallinn\n");
        Files.writeString(lexicons.resolve("Bad-Name.txt"), "x\n");

        Lexicons read = Lexicons.load(lexicons);
        TemplateParser.Parsed parsed = new TemplateParser(CATEGORIES).load(templates);

        assertThat(read.get("place").map(Lexicon::entries)).contains(List.of(List.of("the town hall")));
        assertThat(read.get("table").map(Lexicon::size)).contains(0);
        assertThat(read.errors()).containsExactly(
                "Bad-Name.txt: a lexicon's name is lower-case letters and underscores, not Bad-Name",
                "table.tsv:2: 3 columns where the header has 2");
        assertThat(parsed.templates()).hasSize(1);
        assertThat(parsed.errors()).singleElement().asString().startsWith("a.tsv:2: unknown category NOPE");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThat(new TemplateParser(CATEGORIES).load(empty).errors()).containsExactly("empty: no templates");
    }

    @Test
    void passRateOfNothingIsZero() {
        assertThat(new PassRate(0, 0).value()).isZero();
        assertThat(new PassRate(3, 4).plus(new PassRate(1, 4))).isEqualTo(new PassRate(4, 8));
        assertThat(Set.of(Expectation.values())).allMatch(e -> e.accepts(2) == (e.type() != TestType.MFT));
    }
}
