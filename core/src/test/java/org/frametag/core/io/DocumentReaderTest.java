package org.frametag.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.frametag.core.text.Document;
import org.frametag.core.text.Origin;
import org.frametag.core.text.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentReaderTest {

    @TempDir
    Path dir;

    private List<ReadResult> read(DocumentReader reader, Path... files) {
        return reader.read(Inputs.defaults().expand(java.util.Arrays.stream(files).map(Path::toString).toList(),
                new ByteArrayInputStream(new byte[0]))).toList();
    }

    private static Document loaded(ReadResult result) {
        assertThat(result).isInstanceOf(ReadResult.Loaded.class);
        return ((ReadResult.Loaded) result).document();
    }

    @Test
    void plainTextKeepsTextAndTakesTheDateLineAsMetadata() throws IOException {
        Path file = dir.resolve("article-1.txt");
        Files.writeString(file, "date 2024-03-18\n\nThe vote was held. It was calm.\n");

        Document doc = loaded(read(DocumentReader.defaults(), file).get(0));

        assertThat(doc.id()).isEqualTo("article-1");
        assertThat(doc.text()).isEqualTo("date 2024-03-18\n\nThe vote was held. It was calm.\n");
        assertThat(doc.date()).contains(LocalDate.of(2024, 3, 18));
        assertThat(doc.body()).isEqualTo(new Span(16, 49));
        assertThat(doc.origin()).isEqualTo(new Origin(file.toString(), null));
    }

    @Test
    void dateFollowedByTextOnTheSameLineStartsTheBodyAfterTheDate() throws IOException {
        Path file = dir.resolve("a.txt");
        Files.writeString(file, " date 2021-02-17 The President spoke.");

        Document doc = loaded(read(DocumentReader.defaults(), file).get(0));

        assertThat(doc.date()).contains(LocalDate.of(2021, 2, 17));
        assertThat(doc.body().start()).isEqualTo(17);
    }

    @Test
    void byteOrderMarkIsDropped() throws IOException {
        Path file = dir.resolve("bom.txt");
        Files.write(file, ("\uFEFFHello world.").getBytes(StandardCharsets.UTF_8));

        assertThat(loaded(read(DocumentReader.defaults(), file).get(0)).text()).isEqualTo("Hello world.");
    }

    @Test
    void invalidUtf8IsAProblemOrIsReplacedAndFlagged() throws IOException {
        Path file = dir.resolve("bad.txt");
        Files.write(file, new byte[] {'O', 'k', ' ', (byte) 0xC3, (byte) 0x28, '.'});

        assertThat(read(DocumentReader.defaults(), file)).containsExactly(new ReadResult.Failed(
                new InputProblem("bad", file.toString(), null, "invalid UTF-8 (use --on-invalid-utf8 replace to read it anyway)")));

        Document replaced = loaded(read(new DocumentReader(InvalidUtf8.REPLACE, 1000, null), file).get(0));
        assertThat(replaced.text()).isEqualTo("Ok \uFFFD(.");
        assertThat(replaced.fields()).containsEntry("invalid_utf8_replaced", true);
    }

    @Test
    void emptyMissingAndOversizedFilesAreReportedNotDropped() throws IOException {
        Path empty = dir.resolve("empty.txt");
        Files.writeString(empty, "  \n");
        Path big = dir.resolve("big.txt");
        Files.writeString(big, "x".repeat(20));

        List<ReadResult> results = read(new DocumentReader(InvalidUtf8.ERROR, 10, null), empty, dir.resolve("gone.txt"), big);

        assertThat(results).containsExactly(
                new ReadResult.Failed(new InputProblem("empty", empty.toString(), null, "empty document")),
                new ReadResult.Failed(new InputProblem("gone", dir.resolve("gone.txt").toString(), null, "no such file")),
                new ReadResult.Failed(new InputProblem("big", big.toString(), null,
                        "document is larger than the limit of 10 bytes (--max-doc-bytes)")));
    }

    @Test
    void jsonLinesGiveOneDocumentPerLineAndNameTheLineOfEachProblem() throws IOException {
        Path file = dir.resolve("batch.jsonl");
        Files.writeString(file, String.join("\n",
                "{\"id\": \"a\", \"text\": \"First.\", \"date\": \"2024-01-02\", \"source\": \"wire\"}",
                "",
                "{\"id\": \"b\", \"text\": ",
                "{\"id\": \"c\"}",
                "[1, 2]",
                "{\"text\": \"No id.\"}") + "\n");

        List<ReadResult> results = read(DocumentReader.defaults(), file);

        Document a = loaded(results.get(0));
        assertThat(a.id()).isEqualTo("a");
        assertThat(a.text()).isEqualTo("First.");
        assertThat(a.date()).contains(LocalDate.of(2024, 1, 2));
        assertThat(a.fields()).isEqualTo(Map.of("date", "2024-01-02", "source", "wire"));
        assertThat(a.origin()).isEqualTo(new Origin(file.toString(), 1));
        assertThat(results.get(1)).isInstanceOfSatisfying(ReadResult.Failed.class, f -> {
            assertThat(f.problem().line()).isEqualTo(3);
            assertThat(f.problem().reason()).isEqualTo("malformed JSON at column 20: Unexpected end-of-input"
                    + " within/between Object entries");
        });
        assertThat(results.get(2)).isEqualTo(new ReadResult.Failed(
                new InputProblem("c", file.toString(), 4, "missing \"text\" field")));
        assertThat(results.get(3)).isEqualTo(new ReadResult.Failed(
                new InputProblem(null, file.toString(), 5, "expected a JSON object with \"id\" and \"text\"")));
        assertThat(loaded(results.get(4)).id()).isEqualTo("batch-6");
        assertThat(results).hasSize(5);
    }

    @Test
    void jsonLinesFieldsKeepTheirOrderAndNullValues() throws IOException {
        Path file = dir.resolve("batch.jsonl");
        Files.writeString(file, "{\"id\": \"a\", \"text\": \"First.\", \"z\": 1, \"source\": null, \"a\": [true]}\n");

        Document a = loaded(read(DocumentReader.defaults(), file).get(0));

        assertThat(a.fields().keySet()).containsExactly("z", "source", "a");
        assertThat(a.fields()).containsEntry("source", null).containsEntry("a", List.of(true));
    }

    @Test
    void standardInputIsOneTextDocumentUnlessJsonLinesIsForced() {
        byte[] bytes = "{\"id\": \"x\", \"text\": \"Hi.\"}\n".getBytes(StandardCharsets.UTF_8);

        List<ReadResult> asText = DocumentReader.defaults()
                .read(new Input.StandardInput(new ByteArrayInputStream(bytes))).toList();
        List<ReadResult> asJsonl = new DocumentReader(InvalidUtf8.ERROR, 1000, InputFormat.JSONL)
                .read(new Input.StandardInput(new ByteArrayInputStream(bytes))).toList();

        assertThat(loaded(asText.get(0)).id()).isEqualTo("stdin");
        assertThat(loaded(asJsonl.get(0)).id()).isEqualTo("x");
        assertThat(loaded(asJsonl.get(0)).date()).isEqualTo(Optional.empty());
    }

    @Test
    void foldersAreSearchedRecursivelyInSortedOrderForTextAndJsonLines() throws IOException {
        Files.createDirectories(dir.resolve("b/c"));
        Files.writeString(dir.resolve("b/c/z.txt"), "Z.");
        Files.writeString(dir.resolve("a.txt"), "A.");
        Files.writeString(dir.resolve("notes.md"), "skip me");
        Files.writeString(dir.resolve("b/d.jsonl"), "{\"id\":\"d\",\"text\":\"D.\"}\n");

        List<String> ids = read(DocumentReader.defaults(), dir).stream().map(r -> loaded(r).id()).toList();

        assertThat(ids).containsExactly("a", "b/c/z", "d");
    }

    @Test
    void aJsonLinesStreamIsReadALineAtATimeSoEachDocumentIsHandedOnBeforeTheNextArrives() {
        byte[] firstLine = "{\"id\": \"a\", \"text\": \"First.\"}\n".getBytes(StandardCharsets.UTF_8);
        AtomicBoolean askedForMore = new AtomicBoolean();
        InputStream pipe = new InputStream() {
            private int at;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0];
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (at == firstLine.length) {
                    askedForMore.set(true);
                    return -1;
                }
                int n = Math.min(length, firstLine.length - at);
                System.arraycopy(firstLine, at, buffer, offset, n);
                at += n;
                return n;
            }
        };
        DocumentReader reader = new DocumentReader(InvalidUtf8.ERROR, DocumentReader.DEFAULT_MAX_DOC_BYTES,
                InputFormat.JSONL);

        try (Stream<ReadResult> results = reader.read(List.of(new Input.StandardInput(pipe)))) {
            Iterator<ReadResult> documents = results.iterator();
            assertThat(loaded(documents.next()).id()).isEqualTo("a");
            assertThat(askedForMore).isFalse();
            assertThat(documents.hasNext()).isFalse();
            assertThat(askedForMore).isTrue();
        }
    }

    @Test
    void nulBytesAreReportedAsBinaryNotReadAsText() throws IOException {
        Path nuls = Files.write(dir.resolve("nuls.txt"), new byte[3000]);
        Files.writeString(dir.resolve("escaped.jsonl"), "{\"id\": \"e\", \"text\": \"A\\u0000B\"}\n");

        assertThat(read(DocumentReader.defaults(), nuls, dir.resolve("escaped.jsonl")))
                .extracting(r -> ((ReadResult.Failed) r).problem().reason())
                .containsExactly("binary data (NUL bytes), not text", "binary data (NUL bytes), not text");
    }

    @Test
    void aJsonLinesFileWithoutLinesIsReported() throws IOException {
        Files.writeString(dir.resolve("empty.jsonl"), "\n\n");

        assertThat(read(DocumentReader.defaults(), dir.resolve("empty.jsonl")))
                .extracting(r -> ((ReadResult.Failed) r).problem().toString())
                .containsExactly(dir.resolve("empty.jsonl") + ": no documents: no JSON lines in this input");
    }

    @Test
    void aPartOfAJsonLinesFileElsewhereIsNumberedAsTheWholeFile() {
        byte[] part = "{\"text\": \"No id here.\"}\n{\"id\": \"b\"}\n".getBytes(StandardCharsets.UTF_8);

        List<ReadResult> results = DocumentReader.defaults()
                .read("hdfs://lake/news/batch.jsonl", InputFormat.JSONL, 10, () -> new ByteArrayInputStream(part)).toList();

        assertThat(loaded(results.get(0)).id()).isEqualTo("batch-11");
        assertThat(loaded(results.get(0)).origin()).isEqualTo(new Origin("hdfs://lake/news/batch.jsonl", 11));
        assertThat(results.get(1)).isEqualTo(new ReadResult.Failed(
                new InputProblem("b", "hdfs://lake/news/batch.jsonl", 12, "missing \"text\" field")));
    }

    @Test
    void aFileElsewhereThatCannotBeOpenedIsReportedAsAFileHereWouldBe() {
        DocumentReader reader = DocumentReader.defaults();

        List<ReadResult> missing = reader.read("s3a://bucket/a.txt", InputFormat.TEXT, 0, () -> {
            throw new java.io.FileNotFoundException("s3a://bucket/a.txt");
        }).toList();
        List<ReadResult> denied = reader.read("s3a://bucket/b.txt", InputFormat.TEXT, 0, () -> {
            throw new IOException("access denied");
        }).toList();

        assertThat(missing).containsExactly(new ReadResult.Failed(new InputProblem("a", "s3a://bucket/a.txt", null, "no such file")));
        assertThat(denied).containsExactly(
                new ReadResult.Failed(new InputProblem("b", "s3a://bucket/b.txt", null, "cannot read: access denied")));
    }

    @Test
    void aTableRowNeedsAnIdAndText() {
        DocumentReader reader = new DocumentReader(InvalidUtf8.ERROR, 20, null);

        assertThat(loaded(reader.row("r1", "A short one.", "t.parquet")).origin()).isEqualTo(new Origin("t.parquet", null));
        assertThat(List.of(reader.row(null, "Text.", "t.parquet"), reader.row("r2", null, "t.parquet"),
                reader.row("r3", " \n", "t.parquet"), reader.row("r4", "Longer than twenty bytes.", "t.parquet")))
                .extracting(r -> ((ReadResult.Failed) r).problem().doc() + ": " + ((ReadResult.Failed) r).problem().reason())
                .containsExactly("null: missing \"id\" field", "r2: missing \"text\" field", "r3: empty document",
                        "r4: document is larger than the limit of 20 bytes (--max-doc-bytes)");
    }
}
