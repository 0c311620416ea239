package org.frametag.rules.eval;

import java.util.List;
import java.util.Set;
import org.frametag.api.Tag;

/**
 * A gold sentence next to what frametag predicted for it: the tags of every predicted
 * sentence that overlaps it most. {@code gold} is {@code null} for a predicted sentence that
 * overlaps no gold sentence of its document.
 */
public record AlignedSentence(String doc, GoldSentence gold, List<Tag> tags) {

    public AlignedSentence {
        tags = List.copyOf(tags);
    }

    public Set<String> goldLabels() {
        return gold == null ? Set.of() : gold.labels();
    }

    public Set<String> predictedLabels() {
        return tags.stream().map(Tag::category).collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }
}
