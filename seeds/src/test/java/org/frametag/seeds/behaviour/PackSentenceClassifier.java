package org.frametag.seeds.behaviour;

import java.util.Set;
import java.util.TreeSet;
import org.frametag.api.Frametag;
import org.frametag.api.SentenceResult;

/**
 * A rule pack seen one sentence at a time. Each sentence is a document of its own: the pack reads
 * a sentence with the one before it (pointers) and with the whole document (rules that need an
 * article about elections), so sentences sharing a document would lend each other tags no reader
 * of either sentence alone would give. The categories are those of every sentence the segmenter
 * finds in the text (normally one).
 */
final class PackSentenceClassifier implements SentenceClassifier {

    private final Frametag frametag;

    PackSentenceClassifier(Frametag frametag) {
        this.frametag = frametag;
    }

    @Override
    public Set<String> categories(String sentence) {
        Set<String> categories = new TreeSet<>();
        for (SentenceResult result : frametag.classify(sentence).sentences()) {
            categories.addAll(result.categories());
        }
        return categories;
    }
}
