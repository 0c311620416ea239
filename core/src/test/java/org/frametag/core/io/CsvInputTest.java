package org.frametag.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.frametag.core.text.Document;
import org.frametag.core.text.Origin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvInputTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.write(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8));
    }

    private static List<ReadResult> read(Path file) {
        return DocumentReader.defaults().read(file).toList();
    }

    private static Document loaded(ReadResult result) {
        assertThat(result).isInstanceOf(ReadResult.Loaded.class);
        return ((ReadResult.Loaded) result).document();
    }

    private static ReadResult failed(String doc, Path file, int line, String reason) {
        return new ReadResult.Failed(new InputProblem(doc, file.toString(), line, reason));
    }

    @Test
    void eachRowIsADocumentWithRfc4180QuotingAndTheOtherColumnsAsMetadata() throws IOException {
        Path file = write("export.csv", """
                id,text,date,source
                a,"Officials met, then spoke. ""We are calm,"" one said.",2024-05-01,wire
                b,"Two lines:
                the second.",2024-05-02T08:30:00Z,web
                """);

        List<ReadResult> results = read(file);

        assertThat(results).hasSize(2);
        Document a = loaded(results.get(0));
        assertThat(a.id()).isEqualTo("a");
        assertThat(a.text()).isEqualTo("Officials met, then spoke. \"We are calm,\" one said.");
        assertThat(a.date()).contains(LocalDate.of(2024, 5, 1));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("date", "2024-05-01");
        fields.put("source", "wire");
        assertThat(a.fields()).containsExactlyEntriesOf(fields);
        assertThat(a.origin()).isEqualTo(new Origin(file.toString(), 2));
        Document b = loaded(results.get(1));
        assertThat(b.text()).isEqualTo("Two lines:\nthe second.");
        assertThat(b.date()).contains(LocalDate.of(2024, 5, 2));
        assertThat(b.origin()).isEqualTo(new Origin(file.toString(), 3));
    }

    @Test
    void columnsCanBeNamedAndIdsDefaultToTheFileAndLine() throws IOException {
        Path file = write("export.csv", "published,body,outlet\n2024-01-02,First.,A\n\n2024-01-03,Second.,B\n");
        DocumentReader reader = new DocumentReader(InvalidUtf8.ERROR, 1000, null,
                new CsvColumns("body", Optional.empty(), Optional.of("published")));

        List<Document> documents = reader.read(file).map(CsvInputTest::loaded).toList();

        assertThat(documents).extracting(Document::id).containsExactly("export-2", "export-4");
        assertThat(documents).extracting(Document::text).containsExactly("First.", "Second.");
        assertThat(documents.get(1).date()).contains(LocalDate.of(2024, 1, 3));
        assertThat(documents.get(1).fields()).isEqualTo(Map.of("published", "2024-01-03", "outlet", "B"));
    }

    @Test
    void tsvIsReadByExtensionWithAByteOrderMarkAndWindowsLineEndings() throws IOException {
        Path file = write("export.tsv", "\uFEFFid\ttext\r\nt1\tTabbed, with a comma.\r\nt2\t\"Quoted\ttab.\"\r\n");

        List<Document> documents = read(file).stream().map(CsvInputTest::loaded).toList();

        assertThat(documents).extracting(Document::id).containsExactly("t1", "t2");
        assertThat(documents).extracting(Document::text).containsExactly("Tabbed, with a comma.", "Quoted\ttab.");
        assertThat(documents.get(0).fields()).isEmpty();
    }

    @Test
    void aFileWithoutTheTextColumnIsOneProblemNamingTheColumnsItHas() throws IOException {
        Path file = write("export.csv", "id,body\n1,Text.\n");

        assertThat(read(file)).containsExactly(failed(null, file, 1,
                "no column \"text\" for the text (the header has id, body; name the text column with --text-column)"));
    }

    @Test
    void aNamedIdColumnMustBeInTheHeader() throws IOException {
        Path file = write("export.csv", "id,text\n1,Text.\n");
        DocumentReader reader = new DocumentReader(InvalidUtf8.ERROR, 1000, null,
                new CsvColumns("text", Optional.of("uid"), Optional.empty()));

        assertThat(reader.read(file).toList()).containsExactly(failed(null, file, 1,
                "no column \"uid\" in the header (it has id, text)"));
    }

    @Test
    void anUnclosedQuoteIsReportedAtTheLineItsRowStartsAfterTheRowsBeforeIt() throws IOException {
        Path file = write("export.csv", "id,text\n1,Fine.\n2,\"Never closed.\n3,Swallowed.\n");

        List<ReadResult> results = read(file);

        assertThat(loaded(results.get(0)).id()).isEqualTo("1");
        assertThat(results.subList(1, results.size())).containsExactly(
                failed(null, file, 3, "unclosed quote: the field runs to the end of the file"));
    }

    @Test
    void aMalformedRowOrOneWithTheWrongNumberOfFieldsIsReportedAndTheNextRowsAreRead() throws IOException {
        Path file = write("export.csv", "id,text\n1,\"Quoted\" then more\n2,Too,many\n3,Fine.\n");

        List<ReadResult> results = read(file);

        assertThat(results.subList(0, 2)).containsExactly(
                failed(null, file, 2, "malformed row at column 13: Unexpected character ('t' (code 116)):"
                        + " Expected column separator character (',' (code 44)) or end-of-line"),
                failed("2", file, 3, "the row has 3 fields and the header 2"));
        assertThat(loaded(results.get(2)).id()).isEqualTo("3");
        assertThat(results).hasSize(3);
    }

    @Test
    void emptyOversizedAndNotUtf8RowsAreReported() throws IOException {
        Path file = dir.resolve("export.csv");
        Files.write(file, concat("id,text\n1,\"  \"\n2,".getBytes(StandardCharsets.UTF_8), "x".repeat(50).getBytes(StandardCharsets.UTF_8),
                "\n3,Ok \u00e9.\n4,Bad ".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, (byte) 0x28}, ".\n".getBytes(StandardCharsets.UTF_8)));

        List<ReadResult> strict = new DocumentReader(InvalidUtf8.ERROR, 40, null).read(file).toList();
        List<ReadResult> replacing = new DocumentReader(InvalidUtf8.REPLACE, 40, null).read(file).toList();

        assertThat(strict).containsExactly(failed(null, file, 1, "invalid UTF-8 in this row or one of the next few"
                + " (use --on-invalid-utf8 replace to read it anyway); the rest of the file is not read"));
        assertThat(replacing.subList(0, 2)).containsExactly(
                failed("1", file, 2, "empty document"),
                failed(null, file, 3, "a field is larger than the limit of 40 bytes (--max-doc-bytes)"));
        assertThat(loaded(replacing.get(2)).fields()).isEmpty();
        Document bad = loaded(replacing.get(3));
        assertThat(bad.text()).isEqualTo("Bad \uFFFD(.");
        assertThat(bad.fields()).isEqualTo(Map.of("invalid_utf8_replaced", true));
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }

    @Test
    void csvIsReadFromStandardInputWhenAsked() {
        byte[] bytes = "id,text\ns,From a pipe.\n".getBytes(StandardCharsets.UTF_8);

        List<ReadResult> results = new DocumentReader(InvalidUtf8.ERROR, 1000, InputFormat.CSV)
                .read(new Input.StandardInput(new java.io.ByteArrayInputStream(bytes))).toList();

        assertThat(loaded(results.get(0)).id()).isEqualTo("s");
        assertThat(loaded(results.get(0)).origin()).isEqualTo(new Origin("-", 2));
    }
}
