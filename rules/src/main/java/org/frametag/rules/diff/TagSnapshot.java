package org.frametag.rules.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.frametag.api.ClassifiedDocument;
import org.frametag.api.SentenceResult;
import org.frametag.api.Tag;
import org.frametag.core.io.JsonLines;
import org.frametag.core.text.Span;

/**
 * The tags of a corpus at one moment, reduced to what a comparison needs: for every sentence,
 * which rule gave which category. Made from classified documents or read back from the JSON
 * Lines that {@code classify --format jsonl} wrote, so an old run can be the baseline.
 */
public record TagSnapshot(List<SentenceTags> sentences) {

    /** A category given by a rule. */
    public record RuleTag(String category, String rule) implements Comparable<RuleTag> {
        @Override
        public int compareTo(RuleTag o) {
            int c = category.compareTo(o.category);
            return c != 0 ? c : rule.compareTo(o.rule);
        }
    }

    /** One sentence of one document with its tags. */
    public record SentenceTags(String doc, int sentence, Span span, String text, Set<RuleTag> tags) {
        public SentenceTags {
            tags = Set.copyOf(tags);
        }
    }

    public TagSnapshot {
        sentences = List.copyOf(sentences);
    }

    public static TagSnapshot of(Collection<ClassifiedDocument> documents) {
        List<SentenceTags> all = new ArrayList<>();
        for (ClassifiedDocument d : documents) {
            for (SentenceResult s : d.sentences()) {
                Set<RuleTag> tags = new TreeSet<>();
                for (Tag t : s.tags()) {
                    tags.add(new RuleTag(t.category(), t.rule()));
                }
                all.add(new SentenceTags(d.id(), s.sentence().index(), s.sentence().span(), s.sentence().text(), tags));
            }
        }
        return new TagSnapshot(all);
    }

    /**
     * Reads {@code classify --format jsonl} output.
     *
     * @throws IllegalArgumentException naming the line of a record that is not such output
     */
    public static TagSnapshot readJsonl(InputStream in) throws IOException {
        List<SentenceTags> all = new ArrayList<>();
        JsonLines lines = new JsonLines(in);
        for (Optional<JsonLines.Line> next = lines.next(); next.isPresent(); next = lines.next()) {
            int number = next.get().number();
            String line = next.get().text();
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JsonLines.parse(line);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("line " + number + ": malformed JSON: " + e.getOriginalMessage());
            }
            for (String field : List.of("doc", "start", "end", "tags")) {
                if (!node.hasNonNull(field)) {
                    throw new IllegalArgumentException("line " + number + ": missing \"" + field
                            + "\"; expected the output of 'frametag classify --format jsonl'");
                }
            }
            Set<RuleTag> tags = new TreeSet<>();
            for (JsonNode t : node.get("tags")) {
                tags.add(new RuleTag(t.path("category").asText(), t.path("rule").asText()));
            }
            all.add(new SentenceTags(node.get("doc").asText(), node.path("sentence").asInt(-1),
                    new Span(node.get("start").asInt(), node.get("end").asInt()), node.path("text").asText(""), tags));
        }
        return new TagSnapshot(all);
    }
}
