package org.frametag.api;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.frametag.core.text.Sentence;

/**
 * One sentence with its tags, the concept mentions the rules saw in it, and what the pack's word
 * senses and exclusions ruled out there.
 */
public record SentenceResult(Sentence sentence, List<Tag> tags, List<ConceptMention> mentions, List<Veto> vetoes) {

    public SentenceResult {
        tags = List.copyOf(tags);
        mentions = List.copyOf(mentions);
        vetoes = List.copyOf(vetoes);
    }

    public SentenceResult(Sentence sentence, List<Tag> tags, List<ConceptMention> mentions) {
        this(sentence, tags, mentions, List.of());
    }

    /** The mentions the tagging rules could see: all but the words a sense rule dropped as used in another sense. */
    public List<ConceptMention> mentionsKept() {
        Set<ConceptMention> dropped = new HashSet<>();
        vetoes.forEach(v -> {
            if (v.word() != null) {
                dropped.add(v.word());
            }
        });
        return mentions.stream().filter(m -> !dropped.contains(m)).toList();
    }

    /** The distinct categories of this sentence's tags, sorted. */
    public Set<String> categories() {
        Set<String> categories = new TreeSet<>();
        tags.forEach(t -> categories.add(t.category()));
        return categories;
    }
}
