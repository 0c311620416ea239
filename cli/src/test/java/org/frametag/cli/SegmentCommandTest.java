package org.frametag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.frametag.core.DocumentAnalyzer;
import org.frametag.core.io.DocumentReader;
import org.frametag.core.io.Input;
import org.frametag.core.io.Inputs;
import org.frametag.core.io.ReadResult;
import org.frametag.core.text.AnalyzedDocument;
import org.frametag.core.text.Sentence;
import org.frametag.core.text.TerminalText;
import org.frametag.core.text.Token;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SegmentCommandTest {

    private static final Path SEEDS = Path.of("..", "seeds", "docs");

    @TempDir
    Path dir;

    private Path docs;

    @BeforeEach
    void writeDocuments() throws IOException {
        docs = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(docs.resolve("a.txt"), "We defend our\nsovereignty. \"Fine,\" he said.\n");
        Files.writeString(docs.resolve("b.txt"), "Nothing here.");
    }

    @Test
    void textHasOneLinePerSentenceWithItsOffsets() {
        Cli run = Cli.run("segment", docs.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("""
                a#0 [0..26) We defend our sovereignty.
                a#1 [27..43) "Fine," he said.
                b#0 [0..13) Nothing here.
                """);
    }

    @Test
    void textWithTokensListsThemUnderEachSentence() {
        Cli run = Cli.run("segment", "--tokens", docs.resolve("b.txt").toString());

        assertThat(run.out()).isEqualTo("""
                b#0 [0..13) Nothing here.
                    Nothing | here | .
                """);
    }

    @Test
    void jsonlHasOneRecordPerDocument() {
        Cli run = Cli.run("segment", "--format", "jsonl", docs.toString());

        assertThat(run.out()).isEqualTo("""
                {"doc":"a","sentences":[{"start":0,"end":26,"text":"We defend our\\nsovereignty."},{"start":27,"end":43,"text":"\\"Fine,\\" he said."}]}
                {"doc":"b","sentences":[{"start":0,"end":13,"text":"Nothing here."}]}
                """);
    }

    @Test
    void jsonlWithTokensGivesEachTokensFields() {
        Cli run = Cli.run("segment", "--format", "jsonl", "--tokens", docs.resolve("b.txt").toString());

        assertThat(run.out()).isEqualTo("""
                {"doc":"b","sentences":[{"start":0,"end":13,"text":"Nothing here.","tokens":[\
                {"start":0,"end":7,"text":"Nothing","norm":"nothing","stem":"nothing","kind":"WORD"},\
                {"start":8,"end":12,"text":"here","norm":"here","stem":"here","kind":"WORD"},\
                {"start":12,"end":13,"text":".","norm":".","stem":".","kind":"PUNCTUATION"}]}]}
                """);
    }

    @Test
    void aDocumentThatCannotBeReadIsReportedAndTheRestSegmented() {
        Cli run = Cli.run("segment", docs.resolve("missing.txt").toString(), docs.resolve("b.txt").toString());

        assertThat(run.exit()).isEqualTo(ExitCode.SOME_DOCUMENTS_FAILED);
        assertThat(run.err()).contains("missing.txt").contains("no such file");
        assertThat(run.out()).isEqualTo("b#0 [0..13) Nothing here.\n");
    }

    /** Every format, with and without tokens, on the seeds: byte for byte what a plain rendering of each document gives. */
    @ParameterizedTest
    @ValueSource(strings = {"text", "text --tokens", "jsonl", "jsonl --tokens"})
    void seedsAreSegmentedAsThePlainRenderingForOneAndTwoJobs(String options) throws IOException {
        boolean json = options.startsWith("jsonl");
        boolean tokens = options.endsWith("--tokens");
        String expected = reference(json, tokens);

        for (String jobs : List.of("1", "2")) {
            List<String> args = new java.util.ArrayList<>(List.of("segment", "-j", jobs, "--format"));
            args.addAll(List.of(options.split(" ")));
            args.add(SEEDS.toString());
            Cli run = Cli.run(args.toArray(String[]::new));

            assertThat(run.exit()).isZero();
            assertThat(run.out()).as("%s, %s jobs", options, jobs).isEqualTo(expected);
        }
    }

    @Test
    void sentencesOnOneLineAreWhatTheRegularExpressionGave() {
        String alphabet = "ab \t\n\r\u000B\f\u0085\u2028\u2029";
        java.util.Random random = new java.util.Random(13);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            StringBuilder line = new StringBuilder("x");
            SegmentCommand.oneLine(text.toString(), line);

            assertThat(line.substring(1)).as("%s", text.toString().chars().mapToObj(Integer::toHexString).toList())
                    .isEqualTo(text.toString().replaceAll("\\s*\\R\\s*", " "));
        }
    }

    /** The segment output of the seeds as the first version of the command wrote it, one document at a time. */
    private static String reference(boolean json, boolean tokens) throws IOException {
        DocumentAnalyzer analyzer = DocumentAnalyzer.news();
        StringBuilder all = new StringBuilder();
        List<Input> inputs = new Inputs(List.of(), List.of()).expand(List.of(SEEDS.toString()), System.in);
        try (Stream<ReadResult> read = DocumentReader.defaults().read(inputs)) {
            for (ReadResult result : (Iterable<ReadResult>) read::iterator) {
                AnalyzedDocument document = analyzer.analyze(((ReadResult.Loaded) result).document());
                all.append(json ? jsonl(document, tokens) : text(document, tokens));
            }
        }
        return all.toString();
    }

    private static String text(AnalyzedDocument document, boolean tokens) {
        StringBuilder s = new StringBuilder();
        for (Sentence sentence : document.sentences()) {
            s.append(document.id()).append('#').append(sentence.index())
                    .append(" [").append(sentence.start()).append("..").append(sentence.end()).append(") ")
                    .append(sentence.text().replaceAll("\\s*\\R\\s*", " ")).append('\n');
            if (tokens) {
                s.append("    ");
                sentence.tokens().forEach(t -> s.append(t.text()).append(" | "));
                s.setLength(s.length() - 3);
                s.append('\n');
            }
        }
        return TerminalText.visible(s.toString());
    }

    private static String jsonl(AnalyzedDocument document, boolean tokens) throws IOException {
        StringWriter line = new StringWriter();
        try (JsonGenerator g = new ObjectMapper().getFactory().createGenerator(line)) {
            g.writeStartObject();
            g.writeStringField("doc", document.id());
            g.writeArrayFieldStart("sentences");
            for (Sentence sentence : document.sentences()) {
                g.writeStartObject();
                g.writeNumberField("start", sentence.start());
                g.writeNumberField("end", sentence.end());
                g.writeStringField("text", sentence.text());
                if (tokens) {
                    g.writeArrayFieldStart("tokens");
                    for (Token t : sentence.tokens()) {
                        g.writeStartObject();
                        g.writeNumberField("start", t.start());
                        g.writeNumberField("end", t.end());
                        g.writeStringField("text", t.text());
                        g.writeStringField("norm", t.norm());
                        g.writeStringField("stem", t.stem());
                        g.writeStringField("kind", t.kind().name());
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return line + "\n";
    }
}
