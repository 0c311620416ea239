package org.frametag.cli.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.frametag.core.text.Document;

/**
 * Where an interrupted run stopped, read back from its JSON Lines output. A partial last line
 * is cut off; so are the lines of the last document unless the partial line shows the next
 * document had begun, since it may be incomplete. Every document before is skipped. Documents are counted per id, so
 * repeated ids resume correctly. Not thread-safe: ask it in input order.
 */
public final class ResumePoint implements Predicate<Document> {

    private static final Pattern PARTIAL_DOC = Pattern.compile("\\{\"doc\":\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final Map<String, Integer> done;
    private final int documents;

    private ResumePoint(Map<String, Integer> done, int documents) {
        this.done = done;
        this.documents = documents;
    }

    /** Reads {@code output} and truncates it after its last complete document. */
    public static ResumePoint truncate(Path output) throws IOException {
        if (!Files.exists(output)) {
            return new ResumePoint(new HashMap<>(), 0);
        }
        byte[] bytes = Files.readAllBytes(output);
        ObjectMapper json = new ObjectMapper();
        List<String> docs = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                String doc = docOf(json, new String(bytes, start, i - start, StandardCharsets.UTF_8));
                if (doc == null) {
                    break;
                }
                docs.add(doc);
                ends.add(i + 1);
                start = i + 1;
            }
        }
        int lastRun = docs.size();
        String cutOff = start < bytes.length ? partialDoc(new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8)) : null;
        boolean lastIsComplete = cutOff != null && !docs.isEmpty() && !cutOff.equals(docs.get(docs.size() - 1));
        while (!lastIsComplete && lastRun > 0 && docs.get(lastRun - 1).equals(docs.get(docs.size() - 1))) {
            lastRun--;
        }
        Map<String, Integer> done = new HashMap<>();
        int count = 0;
        for (int i = 0; i < lastRun; i++) {
            if (i == 0 || !docs.get(i).equals(docs.get(i - 1))) {
                done.merge(docs.get(i), 1, Integer::sum);
                count++;
            }
        }
        try (RandomAccessFile file = new RandomAccessFile(output.toFile(), "rw")) {
            file.setLength(lastRun == 0 ? 0 : ends.get(lastRun - 1));
        }
        return new ResumePoint(done, count);
    }

    /** The document id at the start of a line cut short, or null when even that was cut. */
    private static String partialDoc(String line) {
        Matcher m = PARTIAL_DOC.matcher(line);
        return m.lookingAt() ? m.group(1) : null;
    }

    private static String docOf(ObjectMapper json, String line) {
        try {
            JsonNode node = json.readTree(line);
            return node != null && node.hasNonNull("doc") ? node.get("doc").asText() : null;
        } catch (IOException e) {
            return null;
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
