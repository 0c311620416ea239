package org.frametag.rules.wordnet;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.frametag.core.token.SpellingVariants;
import org.frametag.rules.wordnet.WordNet.WordClass;

/**
 * Builds the lexicon the core lemmatizer reads from WordNet: every single-word lemma with its
 * word classes, the base form of each irregular inflection, and the American spelling of each
 * British lemma that WordNet lists in the same sense.
 */
final class EnglishLexicon {

    private static final Pattern WORD = Pattern.compile("\\p{Ll}+");

    private static final class Row {
        final Set<WordClass> classes = EnumSet.noneOf(WordClass.class);
        String irregularBase;
        String american;
    }

    private EnglishLexicon() {
    }

    static String build(WordNet wordNet) {
        Map<String, Row> rows = new TreeMap<>();
        for (WordClass wordClass : WordClass.values()) {
            wordNet.lemmas(wordClass, lemma -> {
                String word = lemma.toLowerCase(Locale.ROOT);
                if (WORD.matcher(word).matches()) {
                    rows.computeIfAbsent(word, w -> new Row()).classes.add(wordClass);
                }
            });
        }
        for (WordClass wordClass : List.of(WordClass.VERB, WordClass.NOUN, WordClass.ADJECTIVE)) {
            wordNet.irregularForms(wordClass, (form, bases) -> {
                String base = bases.isEmpty() ? null : bases.get(0).toLowerCase(Locale.ROOT);
                if (WORD.matcher(form).matches() && base != null && WORD.matcher(base).matches() && !base.equals(form)) {
                    Row row = rows.computeIfAbsent(form, w -> new Row());
                    if (row.irregularBase == null) {
                        row.irregularBase = base;
                    }
                }
            });
        }
        for (WordClass wordClass : WordClass.values()) {
            wordNet.synsets(wordClass, words -> {
                for (String british : words) {
                    String american = SpellingVariants.american(british);
                    if (!american.equals(british) && words.contains(american)
                            && SpellingVariants.american(american).equals(american) && rows.containsKey(british)) {
                        rows.get(british).american = american;
                    }
                }
            });
        }
        StringBuilder out = new StringBuilder();
        out.append("# The English lexicon of frametag's lemmatizer, generated from Princeton WordNet 3.1\n")
                .append("# (WordNet licence: https://wordnet.princeton.edu/license-and-commercial-use).\n")
                .append("# Do not edit: regenerate with\n")
                .append("#   mvn -pl rules -am test -Dtest=EnglishLexiconTest -Dframetag.lexicon.write=true -Dsurefire.failIfNoSpecifiedTests=false\n")
                .append("# word <TAB> word classes (n noun, v verb, a adjective, r adverb; - none) <TAB> base form of an\n")
                .append("# irregular inflection or - <TAB> American spelling of a British lemma or -\n");
        rows.forEach((word, row) -> {
            StringBuilder classes = new StringBuilder();
            row.classes.forEach(c -> classes.append(c.letter()));
            out.append(word).append('\t').append(classes.isEmpty() ? "-" : classes).append('\t')
                    .append(row.irregularBase == null ? "-" : row.irregularBase).append('\t')
                    .append(row.american == null ? "-" : row.american).append('\n');
        });
        return out.toString();
    }
}
