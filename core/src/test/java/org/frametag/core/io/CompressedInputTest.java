package org.frametag.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;
import org.frametag.core.text.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CompressedInputTest {

    private static final String JSONL = "{\"id\": \"x\", \"text\": \"First.\"}\n{\"id\": \"y\", \"text\": \"Second.\"}\n";

    @TempDir
    Path dir;

    private static byte[] compressed(Compression compression, String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = compression.compress(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static List<ReadResult> read(DocumentReader reader, Path path) {
        return reader.read(path).toList();
    }

    private static List<String> ids(List<ReadResult> results) {
        return results.stream().map(r -> ((ReadResult.Loaded) r).document().id()).toList();
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void aFolderOfCompressedTextJsonLinesAndCsvIsReadByExtension(Compression compression) throws IOException {
        String extension = switch (compression) {
            case GZIP -> ".gz";
            case BZIP2 -> ".bz2";
            case XZ -> ".xz";
            case ZSTD -> ".zst";
        };
        Files.write(dir.resolve("a.txt" + extension), compressed(compression, "date 2024-05-01\nThe vote was held."));
        Files.write(dir.resolve("b.jsonl" + extension), compressed(compression, JSONL));
        Files.write(dir.resolve("c.csv" + extension), compressed(compression, "id,text\nz,Third.\n"));
        Files.write(dir.resolve("notes.md" + extension), compressed(compression, "not a corpus"));

        List<ReadResult> results = read(DocumentReader.defaults(), dir);

        assertThat(ids(results)).containsExactly("a", "x", "y", "z");
        Document a = ((ReadResult.Loaded) results.get(0)).document();
        assertThat(a.text()).isEqualTo("date 2024-05-01\nThe vote was held.");
        assertThat(a.date()).hasToString("Optional[2024-05-01]");
        assertThat(((ReadResult.Loaded) results.get(2)).document().text()).isEqualTo("Second.");
    }

    @Test
    void foldersPickUpNdjsonAndTsvAndSkipCompressedFilesOfNoKnownFormat() throws IOException {
        Files.writeString(dir.resolve("a.ndjson"), JSONL);
        Files.writeString(dir.resolve("b.tsv"), "id\ttext\nt\tTabbed.\n");
        Files.write(dir.resolve("data.gz"), gzip("Unknown."));

        assertThat(ids(read(DocumentReader.defaults(), dir))).containsExactly("x", "y", "t");
    }

    @Test
    void aCompressedFileIsKnownByItsFirstBytesWhenItsNameDoesNotSay() throws IOException {
        Path file = dir.resolve("batch.jsonl");
        Files.write(file, gzip(JSONL));

        assertThat(ids(read(DocumentReader.defaults(), file))).containsExactly("x", "y");
    }

    @Test
    void compressedStandardInputIsDecompressed() throws IOException {
        List<ReadResult> results = new DocumentReader(InvalidUtf8.ERROR, 1000, InputFormat.JSONL)
                .read(new Input.StandardInput(new ByteArrayInputStream(compressed(Compression.ZSTD, JSONL)))).toList();

        assertThat(ids(results)).containsExactly("x", "y");
    }

    @Test
    void concatenatedGzipMembersReadAsOneFile() throws IOException {
        Path file = dir.resolve("two.jsonl.gz");
        byte[] first = gzip("{\"id\": \"x\", \"text\": \"First.\"}\n");
        byte[] second = gzip("{\"id\": \"y\", \"text\": \"Second.\"}\n");
        Files.write(file, first);
        Files.write(file, second, java.nio.file.StandardOpenOption.APPEND);

        assertThat(ids(read(DocumentReader.defaults(), file))).containsExactly("x", "y");
    }

    @Test
    void aTruncatedGzipFileGivesTheDocumentsBeforeTheCutThenTheFailureAndTheNextFileIsRead() throws IOException {
        String lines = IntStream.range(0, 2000)
                .mapToObj(i -> "{\"id\": \"d" + i + "\", \"text\": \"Document " + i + " has its own words, " + Integer.toHexString(i * 7919) + ".\"}\n")
                .reduce("", String::concat);
        byte[] whole = gzip(lines);
        Path truncated = dir.resolve("a.jsonl.gz");
        Files.write(truncated, Arrays.copyOf(whole, whole.length / 2));
        Files.writeString(dir.resolve("b.txt"), "After.");

        List<ReadResult> results = read(DocumentReader.defaults(), dir);

        ReadResult.Failed failure = results.stream().filter(ReadResult.Failed.class::isInstance)
                .map(ReadResult.Failed.class::cast).findFirst().orElseThrow();
        int read = results.indexOf(failure);
        assertThat(read).isBetween(100, 1900);
        assertThat(ids(results.subList(0, read))).isEqualTo(IntStream.range(0, read).mapToObj(i -> "d" + i).toList());
        assertThat(failure.problem()).isEqualTo(new InputProblem(null, truncated.toString(), read + 1,
                "cannot read: gzip data ends early (a truncated file?)"));
        assertThat(ids(results.subList(read + 1, results.size()))).containsExactly("b");
    }

    @Test
    void aTruncatedCompressedTextFileIsReportedWithItsName() throws IOException {
        Path file = dir.resolve("article.txt.xz");
        byte[] whole = compressed(Compression.XZ, "The vote was held. ".repeat(200));
        Files.write(file, Arrays.copyOf(whole, whole.length - 20));

        assertThat(read(DocumentReader.defaults(), file)).containsExactly(new ReadResult.Failed(new InputProblem(
                "article", file.toString(), null, "cannot read: xz data ends early (a truncated file?)")));
    }

    @Test
    void aFileNamedAsCompressedThatIsNotIsReported() throws IOException {
        Path file = dir.resolve("plain.jsonl.gz");
        Files.writeString(file, JSONL);

        assertThat(read(DocumentReader.defaults(), file)).containsExactly(new ReadResult.Failed(new InputProblem(
                "plain", file.toString(), null, "cannot read: gzip data is corrupt: Input is not in the .gz format.")));
    }

    @Test
    void theSizeLimitAppliesToTheDecompressedDocument() throws IOException {
        Path file = dir.resolve("big.txt.gz");
        Files.write(file, gzip("x".repeat(5000)));

        assertThat(read(new DocumentReader(InvalidUtf8.ERROR, 1000, null), file)).containsExactly(new ReadResult.Failed(
                new InputProblem("big", file.toString(), null, "document is larger than the limit of 1000 bytes (--max-doc-bytes)")));
    }
}
