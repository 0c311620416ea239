package org.frametag.rules.eval;

import java.util.List;
import java.util.Set;
import org.frametag.core.text.Span;

/**
 * One labelled sentence of a gold file (the codebook's format).
 *
 * @param labels        every category the sentence carries
 * @param contextLabels the labels that need the sentence before (a subset of {@code labels})
 */
public record GoldSentence(String doc, int sentence, Span span, String text, Set<String> labels,
                           Set<String> contextLabels) {

    public GoldSentence {
        labels = Set.copyOf(labels);
        contextLabels = Set.copyOf(contextLabels);
    }

    static GoldSentence of(String doc, int sentence, int start, int end, String text, List<String> labels,
                           List<String> contextLabels) {
        return new GoldSentence(doc, sentence, new Span(start, end), text, Set.copyOf(labels), Set.copyOf(contextLabels));
    }
}
