package org.frametag.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.frametag.core.io.Compression;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver's listing and splitting of inputs, without a Spark session. */
class InputPlanTest {

    @TempDir
    Path dir;

    @Test
    void aFolderStandsForTheFilesTheCliReadsFromFoldersAndParquetFiles() throws IOException {
        for (String name : List.of("a.txt", "b.jsonl.gz", "c.ndjson", "d.csv", "e.tsv.bz2", "f.txt.xz", "g.csv.zst",
                "h.parquet", "notes.md", "data.gz", "sub/i.jsonl")) {
            Files.createDirectories(dir.resolve(name).getParent());
            Files.writeString(dir.resolve(name), "x\n");
        }

        InputPlan plan = InputPlan.of(List.of(dir.toString()), null, new Configuration());

        assertThat(plan.splits()).extracting(s -> dir.relativize(Path.of(s.name())) + " " + s.format() + (s.compressed() ? " compressed" : ""))
                .containsExactly("a.txt text", "b.jsonl.gz jsonl compressed", "c.ndjson jsonl", "d.csv csv",
                        "e.tsv.bz2 tsv compressed", "f.txt.xz text compressed", "g.csv.zst csv compressed", "sub/i.jsonl jsonl");
        assertThat(plan.parquet()).extracting(uri -> uri.substring(uri.lastIndexOf('/') + 1)).containsExactly("h.parquet");
    }

    @Test
    void onlyUncompressedJsonLinesFilesAreCutIntoByteRanges() throws IOException {
        Random random = new Random(5);
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            lines.append("{\"id\":\"a").append(i).append("\",\"text\":\"Words ").append(random.nextLong()).append(".\"}\n");
        }
        Path plain = Files.writeString(dir.resolve("plain.jsonl"), lines);
        Files.write(dir.resolve("named.jsonl.gz"), compressed(Compression.GZIP, lines.toString()));
        Files.write(dir.resolve("unnamed.jsonl"), compressed(Compression.BZIP2, lines.toString()));
        Files.write(dir.resolve("big.jsonl.zst"), compressed(Compression.ZSTD, lines.toString()));
        Files.writeString(dir.resolve("table.csv"), "id,text\n" + "a,Some words here.\n".repeat(400));

        InputPlan plan = InputPlan.of(List.of(dir.toString()), null, new Configuration()).split(1000, new Configuration());

        assertThat(plan.splits()).filteredOn(s -> s.name().endsWith("plain.jsonl")).hasSize((int) ((Files.size(plain) + 999) / 1000))
                .allSatisfy(s -> assertThat(s.splittable()).isTrue());
        assertThat(plan.splits()).filteredOn(s -> !s.name().endsWith("plain.jsonl"))
                .extracting(s -> Path.of(s.name()).getFileName() + (s.start() == 0 && s.end() == Files.size(Path.of(s.name())) ? " whole" : " part")
                        + (s.compressed() ? " compressed" : "") + (s.length() > 1000 ? "" : " (small)"))
                .containsExactly("big.jsonl.zst whole compressed", "named.jsonl.gz whole compressed", "table.csv whole",
                        "unnamed.jsonl whole compressed");
    }

    private static byte[] compressed(Compression compression, String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = compression.compress(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
