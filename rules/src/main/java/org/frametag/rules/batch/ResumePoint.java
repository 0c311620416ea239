package org.frametag.rules.batch;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.frametag.core.io.JsonLines;
import org.frametag.core.text.Document;

/**
 * Where an interrupted run stopped, read back from its JSON Lines output as a stream (memory
 * grows with the number of documents, not the size of the output). A partial last line is cut
 * off; so are the lines of the last document unless the partial line shows the next document
 * had begun, since it may be incomplete. Every document before is skipped. Documents are counted
 * per id, so repeated ids resume correctly. Not thread-safe: ask it in input order.
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

    /** Reads {@code output} and truncates it after its last complete document. */
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
        try (InputStream in = Files.newInputStream(output)) {
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
        try (RandomAccessFile file = new RandomAccessFile(output.toFile(), "rw")) {
            file.setLength(keep);
        }
        return new ResumePoint(done, kept);
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
