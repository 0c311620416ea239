package org.frametag.rules.wordnet;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.Exc;
import net.sf.extjwnl.data.IndexWord;
import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.data.Pointer;
import net.sf.extjwnl.data.PointerType;
import net.sf.extjwnl.data.Synset;
import net.sf.extjwnl.data.Word;
import net.sf.extjwnl.dictionary.Dictionary;

/**
 * Princeton WordNet 3.1 (through extJWNL), the thesaurus a term list grows from: synonyms,
 * derivationally related forms and hyponyms of an entry, and the lemmas and irregular forms the
 * tokenizer's lexicon is built from. Loading takes a second or so, so only the commands that
 * need it open one. Read-only and safe to share once open.
 */
public final class WordNet implements AutoCloseable {

    /** The word classes WordNet knows, by the letter the lexicon file uses for them. */
    public enum WordClass {
        NOUN('n', POS.NOUN), VERB('v', POS.VERB), ADJECTIVE('a', POS.ADJECTIVE), ADVERB('r', POS.ADVERB);

        private final char letter;
        private final POS pos;

        WordClass(char letter, POS pos) {
            this.letter = letter;
            this.pos = pos;
        }

        public char letter() {
            return letter;
        }
    }

    /** How a candidate word is related to the word it was found from. */
    public enum Relation { SYNONYM, DERIVATION, HYPONYM }

    /** A word WordNet relates to another, with the gloss of the sense that relates them. */
    public record Related(String word, Relation relation, WordClass wordClass, String gloss) {
    }

    private final Dictionary dictionary;

    private WordNet(Dictionary dictionary) {
        this.dictionary = dictionary;
    }

    /** Opens the WordNet 3.1 data bundled with extJWNL. */
    public static WordNet open() {
        try {
            return new WordNet(Dictionary.getDefaultResourceInstance());
        } catch (JWNLException e) {
            throw new IllegalStateException("cannot load WordNet: " + e.getMessage(), e);
        }
    }

    /** Every lemma of one word class, multiword lemmas with spaces, in WordNet's order. */
    public void lemmas(WordClass wordClass, Consumer<String> each) {
        try {
            Iterator<IndexWord> words = dictionary.getIndexWordIterator(wordClass.pos);
            while (words.hasNext()) {
                each.accept(words.next().getLemma());
            }
        } catch (JWNLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Irregular inflected forms of one word class with their base forms ("bought" to "buy"). */
    public void irregularForms(WordClass wordClass, java.util.function.BiConsumer<String, List<String>> each) {
        try {
            Iterator<Exc> exceptions = dictionary.getExceptionIterator(wordClass.pos);
            while (exceptions.hasNext()) {
                Exc exc = exceptions.next();
                each.accept(exc.getLemma(), exc.getExceptions());
            }
        } catch (JWNLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The single-word lemmas of each synset of one word class, synset by synset. */
    public void synsets(WordClass wordClass, Consumer<List<String>> each) {
        try {
            Iterator<Synset> synsets = dictionary.getSynsetIterator(wordClass.pos);
            while (synsets.hasNext()) {
                List<String> words = new ArrayList<>();
                for (Word w : synsets.next().getWords()) {
                    words.add(w.getLemma().toLowerCase(Locale.ROOT));
                }
                each.accept(words);
            }
        } catch (JWNLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Words related to {@code word} in any of its senses and word classes: the other lemmas of
     * its synsets, its derivationally related forms, and the lemmas of the direct hyponyms of its
     * senses, each once, in sense order. A single word is found through its inflections
     * ("hacked" is "hack"); a phrase only as WordNet lists it.
     */
    public List<Related> related(String word) {
        Set<String> seen = new LinkedHashSet<>();
        List<Related> related = new ArrayList<>();
        try {
            boolean phrase = word.indexOf(' ') >= 0 || word.indexOf('-') >= 0;
            for (WordClass wordClass : WordClass.values()) {
                // a phrase is looked up as written: WordNet's morphology would find its parts instead
                IndexWord index = phrase ? dictionary.getIndexWord(wordClass.pos, word.replace('-', ' '))
                        : dictionary.lookupIndexWord(wordClass.pos, word);
                if (index == null) {
                    continue;
                }
                for (Synset sense : index.getSenses()) {
                    for (Word w : sense.getWords()) {
                        add(related, seen, w.getLemma(), Relation.SYNONYM, wordClass, sense.getGloss(), word);
                        for (Pointer p : w.getPointers(PointerType.DERIVATION)) {
                            if (p.getTarget() instanceof Word derived) {
                                add(related, seen, derived.getLemma(), Relation.DERIVATION,
                                        classOf(derived.getPOS()), derived.getSynset().getGloss(), word);
                            }
                        }
                    }
                    for (Pointer p : sense.getPointers(PointerType.HYPONYM)) {
                        Synset hyponym = p.getTargetSynset();
                        for (Word w : hyponym.getWords()) {
                            add(related, seen, w.getLemma(), Relation.HYPONYM, wordClass, hyponym.getGloss(), word);
                        }
                    }
                }
            }
        } catch (JWNLException e) {
            throw new IllegalStateException(e);
        }
        return related;
    }

    private static void add(List<Related> related, Set<String> seen, String lemma, Relation relation,
                            WordClass wordClass, String gloss, String word) {
        String lower = lemma.toLowerCase(Locale.ROOT);
        if (!lower.equals(word.toLowerCase(Locale.ROOT)) && seen.add(lower)) {
            related.add(new Related(lower, relation, wordClass, gloss));
        }
    }

    private static WordClass classOf(POS pos) {
        for (WordClass c : WordClass.values()) {
            if (c.pos == pos) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown part of speech " + pos);
    }

    @Override
    public void close() {
        try {
            dictionary.close();
        } catch (JWNLException e) {
            throw new IllegalStateException(e);
        }
    }
}
