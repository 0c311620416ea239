package org.frametag.rules.suggest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.frametag.core.text.AnalyzedDocument;
import org.frametag.core.text.Document;
import org.frametag.core.text.Sentence;
import org.frametag.core.text.Token;
import org.frametag.core.text.TokenKind;
import org.frametag.core.token.Tokenizer;
import org.frametag.rules.diff.TagChange;
import org.frametag.rules.diff.TagDiff;
import org.frametag.rules.diff.TagSnapshot;
import org.frametag.api.ClassifiedDocument;
import org.frametag.api.ConceptMention;
import org.frametag.api.SentenceResult;
import org.frametag.api.TermSuggestion;
import org.frametag.api.TermSuggestion.Source;
import org.frametag.rules.engine.Classifier;
import org.frametag.rules.terms.TermEntry;
import org.frametag.rules.terms.TermIndex;
import org.frametag.rules.terms.TermList;
import org.frametag.rules.terms.TermMatch;
import org.frametag.rules.wordnet.WordNet;

/**
 * Candidate entries for one term list, for an analyst to choose from: words WordNet relates to
 * the list's entries (synonyms, derivationally related forms, hyponyms) and words that fill the
 * missing slot in corpus sentences where a rule of the concept nearly fired. Each candidate comes
 * with how often it occurs in the corpus, an example sentence, and the tags adding it would gain
 * or lose there, counted as {@code frametag diff} counts them. Nothing is added by itself.
 */
public final class TermSuggester {

    private static final double KEYNESS = 3.0;

    private static final Set<String> STOPWORDS = Set.of(
            "the", "a", "an", "and", "or", "but", "of", "in", "on", "at", "to", "for", "from", "with", "by", "as",
            "is", "was", "were", "are", "be", "been", "being", "has", "have", "had", "that", "this", "these", "those",
            "it", "its", "they", "their", "he", "she", "his", "her", "we", "our", "you", "i", "not", "no", "said",
            "say", "says", "will", "would", "could", "can", "may", "also", "after", "before", "than", "more", "most",
            "which", "who", "what", "when", "where", "there", "about", "into", "over", "under", "up", "out", "all",
            "however", "while", "since", "because", "though", "although", "then", "now", "only", "just", "still",
            "take", "make", "get", "give", "tell", "go", "come", "put", "see", "know", "do", "does", "did", "done",
            "new", "other", "many", "some", "such", "very", "well", "last", "first", "year", "week", "day", "time");

    private final Classifier classifier;
    private final Optional<WordNet> wordNet;

    /**
     * @param classifier the pack, compiled, whose lists are read
     * @param wordNet    the thesaurus, or empty to suggest from the corpus only
     */
    public TermSuggester(Classifier classifier, Optional<WordNet> wordNet) {
        this.classifier = classifier;
        this.wordNet = wordNet;
    }

    /**
     * Up to {@code limit} candidates for {@code concept}'s list, those that occur in the corpus
     * first (by count), then the rest as WordNet gave them.
     *
     * @throws IllegalArgumentException when the pack has no list of that name
     */
    public List<TermSuggestion> suggest(String concept, List<Document> corpus, int limit) {
        List<TermList> lists = classifier.termLists();
        TermList list = lists.stream().filter(l -> l.concept().equals(concept)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the pack has no term list \"" + concept
                        + "\" (terms/" + concept + ".txt); its lists are " + lists.stream().map(TermList::concept).sorted().toList()));
        Tokenizer tokenizer = classifier.analyzer().tokenizer();
        Set<String> known = new HashSet<>();
        for (TermEntry e : list.entries()) {
            known.add(String.join(" ", TermIndex.entryKeys(e, tokenizer)));
        }
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        wordNet.ifPresent(w -> fromWordNet(w, list, tokenizer, known, candidates));
        List<ClassifiedDocument> baseline = corpus.stream().map(classifier::classify).toList();
        fromCorpus(concept, baseline, tokenizer, known, candidates);
        count(baseline, candidates, tokenizer);
        List<Candidate> ranked = new ArrayList<>(candidates.values());
        ranked.sort(Comparator.comparingInt((Candidate c) -> -c.count).thenComparing(c -> c.order));
        List<TermSuggestion> out = new ArrayList<>();
        for (Candidate c : ranked.subList(0, Math.min(limit, ranked.size()))) {
            int[] effect = c.count == 0 ? new int[2] : effect(lists, list, c, baseline);
            out.add(new TermSuggestion(c.entry, c.source, c.from, c.count, c.example == null ? "" : c.example,
                    effect[0], effect[1]));
        }
        return out;
    }

    private static final class Candidate {
        final String entry;
        final Source source;
        final String from;
        final int order;
        int count;
        String example;
        final Set<String> docs = new HashSet<>();

        Candidate(String entry, Source source, String from, int order) {
            this.entry = entry;
            this.source = source;
            this.from = from;
            this.order = order;
        }
    }

    private static void fromWordNet(WordNet wordNet, TermList list, Tokenizer tokenizer, Set<String> known,
                                    Map<String, Candidate> candidates) {
        for (TermEntry e : list.entries()) {
            if (e.exact() || e.text().contains("<")) {
                continue;
            }
            for (WordNet.Related r : wordNet.related(e.text().toLowerCase(Locale.ROOT))) {
                String entry = r.word().replace('_', ' ');
                Source source = switch (r.relation()) {
                    case SYNONYM -> Source.SYNONYM;
                    case DERIVATION -> Source.DERIVATION;
                    case HYPONYM -> Source.HYPONYM;
                };
                offer(entry, source, e.text(), tokenizer, known, candidates);
            }
        }
    }

    /**
     * Words that fill the missing slot: sentences where every other concept a rule of this concept
     * names is present but this one is not; their content words, counted.
     */
    private void fromCorpus(String concept, List<ClassifiedDocument> baseline, Tokenizer tokenizer, Set<String> known,
                            Map<String, Candidate> candidates) {
        List<Set<String>> slots = new ArrayList<>();
        List<String> ruleNames = new ArrayList<>();
        for (var located : classifier.outline().rules()) {
            Set<String> concepts = new HashSet<>();
            located.rule().concepts().forEach(l -> concepts.add(l.value()));
            if (concepts.remove(concept) && !concepts.isEmpty()) {
                slots.add(concepts);
                ruleNames.add(located.rule().name());
            }
        }
        Map<String, Integer> nearMiss = new HashMap<>();
        Map<String, Integer> everywhere = new HashMap<>();
        Map<String, String> firstRule = new HashMap<>();
        int nearMissSentences = 0;
        int sentences = 0;
        for (ClassifiedDocument doc : baseline) {
            for (SentenceResult s : doc.sentences()) {
                sentences++;
                Set<String> words = new HashSet<>();
                for (Token t : s.sentence().tokens()) {
                    if (isContentWord(t) && !covered(t, s.mentions())) {
                        words.add(t.stem());
                    }
                }
                words.forEach(w -> everywhere.merge(w, 1, Integer::sum));
                Set<String> seen = new HashSet<>();
                s.mentions().forEach(m -> seen.add(m.concept()));
                if (seen.contains(concept)) {
                    continue;
                }
                for (int r = 0; r < slots.size(); r++) {
                    if (seen.containsAll(slots.get(r))) {
                        nearMissSentences++;
                        String rule = ruleNames.get(r);
                        words.forEach(w -> {
                            nearMiss.merge(w, 1, Integer::sum);
                            firstRule.putIfAbsent(w, rule);
                        });
                        break;
                    }
                }
            }
        }
        // Words at least KEYNESS times as frequent in near misses as in the corpus at large (or found
        // only there): the slot's vocabulary, not the news's.
        double share = sentences == 0 ? 0 : (double) nearMissSentences / sentences;
        Map<String, Double> keyness = new HashMap<>();
        nearMiss.forEach((word, n) -> {
            int all = everywhere.get(word);
            double ratio = n / (all * share);
            if (n >= 3 && (n == all || ratio >= KEYNESS)) {
                keyness.put(word, n * Math.log(ratio));
            }
        });
        keyness.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(100)
                .forEach(e -> offer(e.getKey(), Source.CORPUS, firstRule.get(e.getKey()), tokenizer, known, candidates));
    }

    private static boolean isContentWord(Token t) {
        return t.kind() == TokenKind.WORD && t.norm().length() > 2 && !STOPWORDS.contains(t.norm())
                && Character.isLetter(t.norm().charAt(0));
    }

    private static boolean covered(Token t, List<ConceptMention> mentions) {
        for (ConceptMention m : mentions) {
            if (m.span().start() <= t.start() && t.end() <= m.span().end()) {
                return true;
            }
        }
        return false;
    }

    private static void offer(String entry, Source source, String from, Tokenizer tokenizer, Set<String> known,
                              Map<String, Candidate> candidates) {
        String key = String.join(" ", TermIndex.entryKeys(new TermEntry(entry, false, 0), tokenizer));
        if (key.isEmpty() || known.contains(key) || candidates.containsKey(key)) {
            return;
        }
        candidates.put(key, new Candidate(entry, source, from, candidates.size()));
    }

    /** How many corpus sentences each candidate occurs in, with the first as an example. */
    private static void count(List<ClassifiedDocument> baseline, Map<String, Candidate> candidates, Tokenizer tokenizer) {
        List<Candidate> all = new ArrayList<>(candidates.values());
        List<TermList> lists = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            lists.add(new TermList(String.valueOf(i), "candidates", List.of(new TermEntry(all.get(i).entry, false, 0))));
        }
        TermIndex index = new TermIndex(lists, tokenizer);
        for (ClassifiedDocument doc : baseline) {
            for (SentenceResult s : doc.sentences()) {
                Set<String> here = new HashSet<>();
                for (TermMatch m : index.find(s.sentence().tokens())) {
                    here.add(m.concept());
                }
                for (String i : here) {
                    Candidate c = all.get(Integer.parseInt(i));
                    c.count++;
                    c.docs.add(doc.id());
                    if (c.example == null) {
                        c.example = s.sentence().text();
                    }
                }
            }
        }
    }

    /** Tags gained and lost in the documents the candidate occurs in, were it added to the list. */
    private int[] effect(List<TermList> lists, TermList list, Candidate c, List<ClassifiedDocument> baseline) {
        List<TermEntry> entries = new ArrayList<>(list.entries());
        entries.add(new TermEntry(c.entry, false, 0));
        List<TermList> edited = new ArrayList<>(lists);
        edited.set(lists.indexOf(list), new TermList(list.concept(), list.source(), entries));
        Classifier after = classifier.withTermLists(edited);
        List<ClassifiedDocument> before = baseline.stream().filter(d -> c.docs.contains(d.id())).toList();
        List<ClassifiedDocument> now = before.stream().map(d -> after.classify(d.document())).toList();
        int gained = 0;
        int lost = 0;
        for (TagChange change : new TagDiff().compare(TagSnapshot.of(before), TagSnapshot.of(now))) {
            if (change.kind() == TagChange.Kind.GAINED) {
                gained++;
            } else if (change.kind() == TagChange.Kind.LOST) {
                lost++;
            }
        }
        return new int[] {gained, lost};
    }
}
