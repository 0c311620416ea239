package org.frametag.rules.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.frametag.core.io.Compression;
import org.frametag.core.io.JsonLines;

/** Reads gold files: one JSON object per line with {@code doc}, {@code start}, {@code end}, {@code labels}. */
public final class GoldFile {

    /**
     * @throws GoldFormatException naming the file and line of the first malformed record
     */
    public static List<GoldSentence> read(Path path) throws IOException {
        List<GoldSentence> gold = new ArrayList<>();
        try (InputStream in = Compression.open(path)) {
            JsonLines lines = new JsonLines(in);
            for (Optional<JsonLines.Line> line = lines.next(); line.isPresent(); line = lines.next()) {
                String text = line.get().text();
                if (!text.isBlank()) {
                    gold.add(parse(path, line.get().number(), text));
                }
            }
        }
        return gold;
    }

    private static GoldSentence parse(Path path, int number, String line) {
        JsonNode node;
        try {
            node = JsonLines.parse(line);
        } catch (IOException e) {
            throw new GoldFormatException(path + ":" + number + ": malformed JSON: " + e.getMessage());
        }
        for (String field : List.of("doc", "start", "end", "labels")) {
            if (!node.hasNonNull(field)) {
                throw new GoldFormatException(path + ":" + number + ": missing \"" + field + "\"");
            }
        }
        int start = node.get("start").asInt();
        int end = node.get("end").asInt();
        if (start < 0 || end < start) {
            throw new GoldFormatException(path + ":" + number + ": invalid span " + start + ".." + end);
        }
        return GoldSentence.of(node.get("doc").asText(), node.path("sentence").asInt(-1), start, end,
                node.path("text").asText(""), strings(node.get("labels")), strings(node.get("context_labels")));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(v -> values.add(v.asText()));
        }
        return values;
    }

    /** A gold file that does not follow the format. */
    public static final class GoldFormatException extends RuntimeException {
        public GoldFormatException(String message) {
            super(message);
        }
    }

    private GoldFile() {
    }
}
