package org.frametag.rules.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.frametag.core.text.Token;
import org.frametag.core.text.TokenKind;
import org.frametag.rules.terms.TermMatch;

/**
 * Acronyms a document defines, and the concepts of what they stand for: after "Vote Counting
 * Machines (VCMs)" or "the Commission on Elections (Comelec)" the acronym alone means the same,
 * so a term list need not name every country's election body or voting machine. A definition is
 * a long form followed by its acronym in brackets, or the other way round, where the acronym's
 * letters appear in order in the long form and its first letter starts the long form's first
 * word (the algorithm of Schwartz and Hearst, 2003). The acronym inherits the concepts of the
 * mentions that end at the long form's last word, its head.
 */
final class AcronymDefinitions {

    private static final int MAX_ACRONYM = 10;

    /** A long form's words, by token range in its sentence. */
    private record LongForm(int sentence, int first, int last) {
    }

    private AcronymDefinitions() {
    }

    /**
     * Concepts by acronym (as written, and lower-cased for its plural and possessive forms) for
     * one document.
     *
     * @param sentences the document's sentences as tokens
     * @param mentions  for each sentence, the concept mentions found in it by term lists
     */
    static Map<String, Set<String>> find(List<List<Token>> sentences, List<List<TermMatch>> mentions) {
        Map<String, Set<String>> concepts = new HashMap<>();
        for (int s = 0; s < sentences.size(); s++) {
            List<Token> tokens = sentences.get(s);
            for (int i = 1; i + 2 < tokens.size(); i++) {
                if (!tokens.get(i).text().equals("(") || !tokens.get(i + 2).text().equals(")")) {
                    continue;
                }
                Token inside = tokens.get(i + 1);
                String acronym = acronym(inside);
                if (acronym != null) {
                    LongForm longForm = longForm(s, tokens, i, acronym);
                    if (longForm != null) {
                        Set<String> heads = heads(mentions.get(s), longForm);
                        if (!heads.isEmpty()) {
                            concepts.computeIfAbsent(acronym, a -> new LinkedHashSet<>()).addAll(heads);
                        }
                    }
                }
            }
        }
        return concepts;
    }

    /** The acronym a token could be ("VCMs" is "VCM"), or null when it does not look like one. */
    static String acronym(Token token) {
        String text = token.text();
        if (token.kind() != TokenKind.WORD && token.kind() != TokenKind.ABBREVIATION) {
            return null;
        }
        String bare = text.replace(".", "");
        if (bare.endsWith("s") && bare.length() > 2 && Character.isUpperCase(bare.charAt(bare.length() - 2))) {
            bare = bare.substring(0, bare.length() - 1);
        }
        if (bare.length() < 2 || bare.length() > MAX_ACRONYM || !Character.isUpperCase(bare.charAt(0))) {
            return null;
        }
        int upper = 0;
        for (int k = 0; k < bare.length(); k++) {
            char c = bare.charAt(k);
            if (!Character.isLetterOrDigit(c)) {
                return null;
            }
            upper += Character.isUpperCase(c) ? 1 : 0;
        }
        return upper >= 2 || bare.length() >= 4 ? bare : null;
    }

    /**
     * The words before the bracket the acronym abbreviates: its letters found right to left in
     * them, the first letter at the start of a word, within twice the acronym's length in words.
     */
    private static LongForm longForm(int sentence, List<Token> tokens, int bracket, String acronym) {
        int maxWords = Math.min(acronym.length() + 5, acronym.length() * 2);
        int firstWord = bracket;
        int words = 0;
        while (firstWord > 0 && words < maxWords && tokens.get(firstWord - 1).kind() == TokenKind.WORD) {
            firstWord--;
            words++;
        }
        if (words == 0) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        List<Integer> wordAt = new ArrayList<>();
        for (int k = firstWord; k < bracket; k++) {
            if (!text.isEmpty()) {
                text.append(' ');
                wordAt.add(k);
            }
            for (int c = 0; c < tokens.get(k).text().length(); c++) {
                wordAt.add(k);
            }
            text.append(tokens.get(k).text());
        }
        String longText = text.toString().toLowerCase();
        String shortText = acronym.toLowerCase();
        int l = longText.length() - 1;
        for (int a = shortText.length() - 1; a >= 0; a--) {
            char c = shortText.charAt(a);
            if (!Character.isLetterOrDigit(c)) {
                continue;
            }
            while (l >= 0 && (longText.charAt(l) != c || a == 0 && l > 0 && Character.isLetterOrDigit(longText.charAt(l - 1)))) {
                l--;
            }
            if (l < 0) {
                return null;
            }
            l--;
        }
        return new LongForm(sentence, wordAt.get(l + 1), bracket - 1);
    }

    private static Set<String> heads(List<TermMatch> mentions, LongForm longForm) {
        Set<String> heads = new LinkedHashSet<>();
        for (TermMatch m : mentions) {
            if (m.last() == longForm.last() && m.first() >= longForm.first()) {
                heads.add(m.concept());
            }
        }
        return heads;
    }
}
