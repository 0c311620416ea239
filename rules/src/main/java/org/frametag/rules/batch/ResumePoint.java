package org.frametag.rules.batch;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.frametag.core.io.Compression;
import org.frametag.core.io.JsonLines;
import org.frametag.core.text.Document;

/**
 * Where an interrupted run stopped, read back from its JSON Lines output as a stream (memory
 * grows with the number of documents, not the size of the output). A partial last line is cut
 * off; so are the lines of the last document unless the partial line shows the next document
 * had begun, since it may be incomplete. Every document before is skipped. Documents are counted
 * per id, so repeated ids resume correctly. Not thread-safe: ask it in input order.
 *
 * <p>A compressed output ({@code out.jsonl.gz}) is read as far as its data goes (an interrupted
 * run leaves it cut off mid-stream) and written anew up to the last complete document; the
 * resumed run then appends a compressed stream of its own, which reads back as one with it.
 */
public final class ResumePoint implements Predicate<Document> {

    private final Map<String, Integer> done;
    private final Tally kept;

    private ResumePoint(Map<String, Integer> done, Tally kept) {
        this.done = done;
        this.kept = kept;
    }

    /** Sentences and tags counted over complete documents. */
    private static final class Tally {
        int documents;
        long sentences;
        final Map<String, Long> tags = new LinkedHashMap<>();

        void add(JsonNode record) {
            sentences++;
            Set<String> categories = new LinkedHashSet<>();
            record.path("tags").forEach(tag -> categories.add(tag.path("category").asText()));
            categories.forEach(c -> tags.merge(c, 1L, Long::sum));
        }

        void addAll(Tally document) {
            documents++;
            sentences += document.sentences;
            document.tags.forEach((c, n) -> tags.merge(c, n, Long::sum));
        }
    }

    /**
     * Reads {@code output} and truncates it after its last complete document.
     *
     * @throws IOException when it cannot be read or written, or its name says it is compressed and it is not
     */
    public static ResumePoint truncate(Path output) throws IOException {
        Map<String, Integer> done = new HashMap<>();
        Tally kept = new Tally();
        if (!Files.exists(output)) {
            return new ResumePoint(done, kept);
        }
        String run = null;          // the document of the lines read last
        Tally inRun = new Tally();  // its sentences and tags
        long runStart = 0;          // where its lines begin
        long end = 0;               // where the last complete record ends
        String cutOff = null;       // the document a line cut short (or unreadable) belongs to
        Optional<Compression> compression = Compression.ofName(String.valueOf(output.getFileName()));
        try (InputStream in = compression.isPresent() ? open(output, compression.get()) : Files.newInputStream(output)) {
            JsonLines lines = new JsonLines(in);
            for (Optional<JsonLines.Line> next = lines.next(); next.isPresent(); next = lines.next()) {
                JsonLines.Line line = next.get();
                String text = new String(line.bytes(), StandardCharsets.UTF_8);
                Optional<JsonNode> record = line.complete() ? recordOf(text) : Optional.empty();
                if (record.isEmpty()) {
                    cutOff = JsonLines.firstField(text, "doc").orElse(null);
                    break;
                }
                String doc = record.get().get("doc").asText();
                if (!doc.equals(run)) {
                    if (run != null) {
                        done.merge(run, 1, Integer::sum);
                        kept.addAll(inRun);
                    }
                    run = doc;
                    inRun = new Tally();
                    runStart = end;
                }
                inRun.add(record.get());
                end = line.end();
            }
        }
        long keep = runStart;
        if (run != null && cutOff != null && !cutOff.equals(run)) {
            done.merge(run, 1, Integer::sum);
            kept.addAll(inRun);
            keep = end;
        }
        if (compression.isPresent()) {
            rewrite(output, compression.get(), keep);
        } else {
            try (RandomAccessFile file = new RandomAccessFile(output.toFile(), "rw")) {
                file.setLength(keep);
            }
        }
        return new ResumePoint(done, kept);
    }

    /**
     * The data of a compressed output as far as it goes, after checking that it starts as its
     * name says (so a misnamed file is never truncated).
     */
    private static InputStream open(Path output, Compression compression) throws IOException {
        if (Files.size(output) == 0) {
            return InputStream.nullInputStream();
        }
        InputStream file = new BufferedInputStream(Files.newInputStream(output));
        boolean named;
        try {
            named = Compression.detect(file).filter(compression::equals).isPresent();
        } catch (IOException e) {
            file.close();
            throw e;
        }
        if (!named) {
            file.close();
            throw new IOException(output + " does not hold " + compression + " data; there is nothing to resume from");
        }
        try {
            return new UpToTheCut(compression.decompress(file));
        } catch (IOException cutWithinTheHeader) {
            file.close();
            return InputStream.nullInputStream();
        }
    }

    /** Writes the first {@code keep} bytes of the output's data anew, compressed, in place of it. */
    private static void rewrite(Path output, Compression compression, long keep) throws IOException {
        Path temporary = Files.createTempFile(output.toAbsolutePath().getParent(), String.valueOf(output.getFileName()), ".resume");
        try {
            try (InputStream in = open(output, compression);
                 OutputStream out = compression.compress(Files.newOutputStream(temporary))) {
                byte[] buffer = new byte[1 << 16];
                long left = keep;
                while (left > 0) {
                    int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                    if (read < 0) {
                        throw new IOException(output + " changed while it was read");
                    }
                    out.write(buffer, 0, read);
                    left -= read;
                }
            }
            Files.move(temporary, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Decompressed data that ends, rather than fails, where the compressed data was cut off. */
    private static final class UpToTheCut extends FilterInputStream {
        private boolean cutOff;

        UpToTheCut(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (cutOff) {
                return -1;
            }
            try {
                return super.read(buffer, offset, length);
            } catch (IOException e) {
                cutOff = true;
                return -1;
            }
        }
    }

    /** A complete record with a document, or nothing when the line is not one. */
    private static Optional<JsonNode> recordOf(String line) {
        try {
            JsonNode node = JsonLines.parse(line);
            return node != null && node.hasNonNull("doc") ? Optional.of(node) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** How many documents the output already holds in full. */
    public int documents() {
        return kept.documents;
    }

    /** How many sentences those documents have. */
    public long sentences() {
        return kept.sentences;
    }

    /** How many of their sentences have each category. */
    public Map<String, Long> tags() {
        return Map.copyOf(kept.tags);
    }

    /** True for a document the earlier run already wrote in full; each call uses up one occurrence. */
    @Override
    public boolean test(Document document) {
        Integer left = done.get(document.id());
        if (left == null || left == 0) {
            return false;
        }
        done.put(document.id(), left - 1);
        return true;
    }
}
