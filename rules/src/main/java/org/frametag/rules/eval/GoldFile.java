package org.frametag.rules.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads gold files: one JSON object per line with {@code doc}, {@code start}, {@code end}, {@code labels}. */
public final class GoldFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @throws GoldFormatException naming the file and line of the first malformed record
     */
    public static List<GoldSentence> read(Path path) throws IOException {
        List<GoldSentence> gold = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                gold.add(parse(path, number, line));
            }
        }
        return gold;
    }

    private static GoldSentence parse(Path path, int number, String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
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
