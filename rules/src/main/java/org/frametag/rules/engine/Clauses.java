package org.frametag.rules.engine;

import java.util.List;
import java.util.Set;
import org.frametag.core.text.Token;
import org.frametag.core.text.TokenKind;

/**
 * Where a sentence's clauses begin, so rules can tell who does what to whom: at a semicolon, a
 * colon, a dash set off by spaces, at a comma before a conjunction or relative pronoun that opens
 * a clause of its own ("..., but", "..., which", "..., who"), and at a subordinating conjunction
 * that always opens one ("while", "although", "because", but not "because of").
 *
 * <p>An insertion, a relative clause set off by commas (", which ... ,"), words in brackets or
 * between two spaced dashes, is a clause of its own; the words after it go back to the clause it
 * interrupted, and its words do not count in the distance between two words outside it ("the
 * polls, which the opposition boycotts, were not fair": "polls" is next to "were"). Quote marks do
 * not count either: "signs of “direct intervention” in its affairs" keeps its words as near as
 * the same words unquoted, and nor do modals and forms of "be": "the vote will be rerun" keeps
 * "vote" next to "rerun", as in "the vote rerun". "Have", "not" and every other word count.
 */
final class Clauses {

    /**
     * The clause of every token, and every token's place when the words a distance skips are left
     * out; {@code position} has one more entry, the place after the last token.
     */
    record Layout(int[] clause, int[] position, boolean[] inserted) {
    }

    /** Words that do not count in a distance: a rule's window then holds however a verb is conjugated. */
    private static final Set<String> AUXILIARIES = Set.of(
            "will", "would", "shall", "should", "can", "could", "may", "might", "must",
            "be", "been", "being");
    private static final Set<String> DASHES = Set.of("—", "–", "-", "--");
    private static final Set<String> RELATIVES = Set.of("which", "who", "whom", "whose", "where");
    /** Words after a closing comma that open a clause of their own: the insertion did not close there. */
    private static final Set<String> CONTINUES = Set.of("and", "or", "but", "while", "which", "who", "as", "so");
    /** The longest insertion, in tokens: beyond it a comma, a bracket or a dash is not one closing. */
    private static final int LONGEST = 40;

    private static final Set<String> OPENERS = Set.of(
            "but", "while", "whereas", "although", "though", "which", "who", "whom", "whose", "where", "yet",
            "because", "since", "after", "before", "when", "until", "unless", "as");
    private static final Set<String> BREAKS = Set.of(";", ":", "—", "–", "-", "--");
    private static final Set<String> ALWAYS_OPEN = Set.of("while", "whereas", "although", "though", "because", "unless");

    private Clauses() {
    }

    /** The clauses and insertions of a sentence. */
    static Layout layout(List<Token> tokens) {
        int[] base = of(tokens);
        int[] clause = base.clone();
        boolean[] inserted = new boolean[tokens.size()];
        int next = clause.length == 0 ? 0 : clause[clause.length - 1] + 1;
        for (int i = 0; i < tokens.size(); i++) {
            int close = insertionEnd(tokens, i);
            if (close < 0) {
                continue;
            }
            int before = i - 1;
            while (before > 0 && inserted[before]) {
                before--;
            }
            int outer = before < 0 ? 0 : clause[before];
            int own = next++;
            for (int j = i; j <= close; j++) {
                inserted[j] = true;
                clause[j] = own;
            }
            // The words after it go back to the interrupted clause, unless a clause of their own opens there.
            for (int j = close + 1; j < tokens.size() && base[j] == base[close]; j++) {
                clause[j] = outer;
            }
            i = close;
        }
        int[] position = new int[tokens.size() + 1];
        int kept = 0;
        for (int i = 0; i < tokens.size(); i++) {
            position[i] = kept;
            if (!inserted[i] && !isQuoteMark(tokens.get(i)) && !AUXILIARIES.contains(tokens.get(i).norm())) {
                kept++;
            }
        }
        position[tokens.size()] = kept;
        return new Layout(clause, position, inserted);
    }

    /**
     * The last token of an insertion that opens at token {@code i}, or -1: ", which ... ," closed
     * by a comma before the sentence goes on (not before a word that opens a clause of its own);
     * "( ... )"; " — ... — " between words, not numbers ("3 - 2"). At most {@value #LONGEST} tokens.
     */
    private static int insertionEnd(List<Token> tokens, int i) {
        String open = tokens.get(i).norm();
        int last = tokens.size() - 1;
        int end = Math.min(last, i + LONGEST);
        if (open.equals(",") && i > 0 && i + 1 < last && RELATIVES.contains(tokens.get(i + 1).norm())) {
            for (int j = i + 2; j < end; j++) {
                String t = tokens.get(j).norm();
                if (t.equals(",")) {
                    Token after = tokens.get(j + 1);
                    return isWord(after) && !OPENERS.contains(after.norm()) && !CONTINUES.contains(after.norm()) ? j : -1;
                }
                if (BREAKS.contains(t) || t.equals("\"")) {
                    return -1;
                }
            }
            return -1;
        }
        if (open.equals("(") && i > 0) {
            for (int j = i + 1; j <= end; j++) {
                String t = tokens.get(j).norm();
                if (t.equals(")")) {
                    return j;
                }
                if (t.equals("(")) {
                    return -1;
                }
            }
            return -1;
        }
        if (i > 0 && i + 1 < last && DASHES.contains(open) && spaced(tokens, i)
                && tokens.get(i - 1).kind() != TokenKind.NUMBER && tokens.get(i + 1).kind() != TokenKind.NUMBER) {
            for (int j = i + 1; j < end; j++) {
                String t = tokens.get(j).norm();
                if (t.equals(open) && spaced(tokens, j)) {
                    return j;
                }
                if (t.equals(",") || t.equals(";") || t.equals(":")) {
                    return -1;
                }
            }
        }
        return -1;
    }

    /** A quote mark standing alone: quoting a phrase does not move its words apart. */
    private static boolean isQuoteMark(Token token) {
        return token.kind() == TokenKind.PUNCTUATION && (token.norm().equals("\"") || token.norm().equals("'"));
    }

    private static boolean isWord(Token token) {
        return token.kind() != TokenKind.PUNCTUATION && token.kind() != TokenKind.SYMBOL;
    }

    private static boolean spaced(List<Token> tokens, int i) {
        return tokens.get(i - 1).end() < tokens.get(i).start() && tokens.get(i).end() < tokens.get(i + 1).start();
    }

    /** "Because of" is a preposition: it names a cause and opens no clause ("won only because of fraud"). */
    private static boolean prepositional(List<Token> tokens, int i) {
        return tokens.get(i).norm().equals("because") && i + 1 < tokens.size() && tokens.get(i + 1).norm().equals("of");
    }

    /** The clause index of every token of a sentence. */
    static int[] of(List<Token> tokens) {
        int[] clause = new int[tokens.size()];
        int current = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (i > 0 && ALWAYS_OPEN.contains(token.norm()) && !tokens.get(i - 1).norm().equals(",") && !prepositional(tokens, i)) {
                current++;
            } else if (token.kind() == TokenKind.PUNCTUATION && i > 0 && i + 1 < tokens.size()) {
                boolean spaced = tokens.get(i - 1).end() < token.start() && token.end() < tokens.get(i + 1).start();
                String text = token.norm();
                if (text.equals(";") || text.equals(":")
                        || spaced && BREAKS.contains(text)
                        || text.equals(",") && OPENERS.contains(tokens.get(i + 1).norm()) && !prepositional(tokens, i + 1)) {
                    current++;
                }
            }
            clause[i] = current;
        }
        return clause;
    }
}
