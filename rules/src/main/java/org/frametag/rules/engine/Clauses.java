package org.frametag.rules.engine;

import java.util.List;
import java.util.Set;
import org.frametag.core.text.Token;
import org.frametag.core.text.TokenKind;

/**
 * Where a sentence's clauses begin, so rules can tell who does what to whom: at a semicolon, a
 * colon, a dash set off by spaces, at a comma before a conjunction or relative pronoun that opens
 * a clause of its own ("..., but", "..., which", "..., who"), and at a subordinating conjunction
 * that always opens one ("while", "although", "because").
 */
final class Clauses {

    private static final Set<String> OPENERS = Set.of(
            "but", "while", "whereas", "although", "though", "which", "who", "whom", "whose", "where", "yet",
            "because", "since", "after", "before", "when", "until", "unless", "as");
    private static final Set<String> BREAKS = Set.of(";", ":", "—", "–", "-", "--");
    private static final Set<String> ALWAYS_OPEN = Set.of("while", "whereas", "although", "though", "because", "unless");

    private Clauses() {
    }

    /** The clause index of every token of a sentence. */
    static int[] of(List<Token> tokens) {
        int[] clause = new int[tokens.size()];
        int current = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (i > 0 && ALWAYS_OPEN.contains(token.norm()) && !tokens.get(i - 1).norm().equals(",")) {
                current++;
            } else if (token.kind() == TokenKind.PUNCTUATION && i > 0 && i + 1 < tokens.size()) {
                boolean spaced = tokens.get(i - 1).end() < token.start() && token.end() < tokens.get(i + 1).start();
                String text = token.norm();
                if (text.equals(";") || text.equals(":")
                        || spaced && BREAKS.contains(text)
                        || text.equals(",") && OPENERS.contains(tokens.get(i + 1).norm())) {
                    current++;
                }
            }
            clause[i] = current;
        }
        return clause;
    }
}
