package org.frametag.rules.batch;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
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
    private final int documents;

    private ResumePoint(Map<String, Integer> done, int documents) {
        this.done = done;
        this.documents = documents;
    }

    /** Reads {@code output} and truncates it after its last complete document. */
    public static ResumePoint truncate(Path output) throws IOException {
        Map<String, Integer> done = new HashMap<>();
        if (!Files.exists(output)) {
            return new ResumePoint(done, 0);
        }
        int count = 0;
        String run = null;          // the document of the lines read last
        long runStart = 0;          // where its lines begin
        long end = 0;               // where the last complete record ends
        String cutOff = null;       // the document a line cut short (or unreadable) belongs to
        try (InputStream in = Files.newInputStream(output)) {
            JsonLines lines = new JsonLines(in);
            for (Optional<JsonLines.Line> next = lines.next(); next.isPresent(); next = lines.next()) {
                JsonLines.Line line = next.get();
                String text = new String(line.bytes(), StandardCharsets.UTF_8);
                Optional<String> doc = line.complete() ? docOf(text) : Optional.empty();
                if (doc.isEmpty()) {
                    cutOff = JsonLines.firstField(text, "doc").orElse(null);
                    break;
                }
                if (!doc.get().equals(run)) {
                    if (run != null) {
                        done.merge(run, 1, Integer::sum);
                        count++;
                    }
                    run = doc.get();
                    runStart = end;
                }
                end = line.end();
            }
        }
        long keep = runStart;
        if (run != null && cutOff != null && !cutOff.equals(run)) {
            done.merge(run, 1, Integer::sum);
            count++;
            keep = end;
        }
        try (RandomAccessFile file = new RandomAccessFile(output.toFile(), "rw")) {
            file.setLength(keep);
        }
        return new ResumePoint(done, count);
    }

    /** The document of a complete record, or nothing when the line is not one. */
    private static Optional<String> docOf(String line) {
        try {
            JsonNode node = JsonLines.parse(line);
            return node != null && node.hasNonNull("doc") ? Optional.of(node.get("doc").asText()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
    /** How many documents the output already holds in full. */
    public int documents() {
        return documents;
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
