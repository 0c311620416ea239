package org.frametag.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.frametag.core.text.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the documents behind command-line paths: links, empty folders, ids; nothing dropped without a word. */
class InputsTest {

    @TempDir
    Path dir;

    /** Each input's outcome as {@code id@path} for a document, {@code path: reason} for a failure. */
    private List<String> read(Inputs inputs, Path... paths) {
        List<String> args = Arrays.stream(paths).map(Path::toString).toList();
        try (Stream<ReadResult> results = DocumentReader.defaults().read(inputs.expand(args, new ByteArrayInputStream(new byte[0])))) {
            return results.map(r -> r instanceof ReadResult.Loaded loaded ? describe(loaded.document())
                    : dir.relativize(Path.of(((ReadResult.Failed) r).problem().path())) + ": " + ((ReadResult.Failed) r).problem().reason())
                    .toList();
        }
    }

    private String describe(Document document) {
        return document.id() + "@" + dir.relativize(Path.of(document.origin().path()));
    }

    private Path write(String file, String text) throws IOException {
        Path path = dir.resolve(file);
        Files.createDirectories(path.getParent());
        return Files.writeString(path, text, StandardCharsets.UTF_8);
    }

    @Test
    void aFolderGivenAsASymbolicLinkIsFollowed() throws IOException {
        write("real/a.txt", "A.");
        Path link = Files.createSymbolicLink(dir.resolve("link"), dir.resolve("real"));

        assertThat(read(Inputs.defaults(), link)).containsExactly("a@link/a.txt");
    }

    @Test
    void linksInsideFoldersAreFollowedLoopsAndBrokenLinksReported() throws IOException {
        write("corpus/a.txt", "A.");
        write("elsewhere/b.txt", "B.");
        Files.createSymbolicLink(dir.resolve("corpus/more"), dir.resolve("elsewhere"));
        Files.createSymbolicLink(dir.resolve("corpus/c.txt"), dir.resolve("elsewhere/b.txt"));
        Files.createSymbolicLink(dir.resolve("corpus/gone.txt"), dir.resolve("nowhere.txt"));
        Files.createSymbolicLink(dir.resolve("corpus/loop"), dir.resolve("corpus"));

        assertThat(read(Inputs.defaults(), dir.resolve("corpus"))).containsExactly(
                "a@corpus/a.txt",
                "c@corpus/c.txt",
                "corpus/gone.txt: broken symbolic link: its target " + dir.resolve("nowhere.txt") + " does not exist",
                "corpus/loop: symbolic link loop: it leads back to a folder above it, whose files are read once",
                "more/b@corpus/more/b.txt");
    }

    @Test
    void aBrokenLinkNamedOnTheCommandLineIsReported() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("gone.txt"), dir.resolve("nowhere.txt"));

        assertThat(read(Inputs.defaults(), link))
                .containsExactly("gone.txt: broken symbolic link: its target " + dir.resolve("nowhere.txt") + " does not exist");
    }

    @Test
    void aFolderOrFilterThatFindsNothingIsReported() throws IOException {
        write("notes/readme.md", "Not a document.");
        write("corpus/a.txt", "A.");

        assertThat(read(Inputs.defaults(), dir.resolve("notes")))
                .containsExactly("notes: no documents: the folder holds no *.txt, *.jsonl, *.ndjson, *.csv or *.tsv files, compressed or not");
        assertThat(read(new Inputs(List.of("*.news"), List.of()), dir.resolve("corpus")))
                .containsExactly("corpus: no documents: no file in the folder matches --include and --exclude");
    }

    @Test
    void filesOfTheSameNameInDifferentFoldersGetDifferentIds() throws IOException {
        write("corpus/2023/report.txt", "Old.");
        write("corpus/2024/report.txt", "New.");
        write("corpus/top.txt", "Top.");

        assertThat(read(Inputs.defaults(), dir.resolve("corpus")))
                .containsExactly("2023/report@corpus/2023/report.txt", "2024/report@corpus/2024/report.txt", "top@corpus/top.txt");
        assertThat(read(Inputs.defaults(), dir.resolve("corpus/2023/report.txt"), dir.resolve("corpus/2024/report.txt"),
                dir.resolve("corpus/top.txt"))).containsExactly(
                dir.resolve("corpus/2023/report") + "@corpus/2023/report.txt",
                dir.resolve("corpus/2024/report") + "@corpus/2024/report.txt",
                "top@corpus/top.txt");
    }

    @Test
    void jsonLinesIdsFallBackOnTheFilesId() throws IOException {
        write("corpus/2024/feed.jsonl", "{\"text\": \"No id.\"}\n");

        assertThat(read(Inputs.defaults(), dir.resolve("corpus"))).containsExactly("2024/feed-1@corpus/2024/feed.jsonl");
    }
}
