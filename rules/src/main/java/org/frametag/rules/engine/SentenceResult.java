package org.frametag.rules.engine;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.frametag.core.text.Sentence;

/** One sentence with its tags and the concept mentions the rules saw in it. */
public record SentenceResult(Sentence sentence, List<Tag> tags, List<ConceptMention> mentions) {

    public SentenceResult {
        tags = List.copyOf(tags);
        mentions = List.copyOf(mentions);
    }

    /** The distinct categories of this sentence's tags, sorted. */
    public Set<String> categories() {
        Set<String> categories = new TreeSet<>();
        tags.forEach(t -> categories.add(t.category()));
        return categories;
    }
}
