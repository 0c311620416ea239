package org.frametag.rules.validate;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.antlr.runtime.Token;
import org.drools.drl.parser.lang.DRL6Lexer;
import org.frametag.api.Diagnostic;
import org.frametag.rules.pack.DrlOutline;
import org.frametag.rules.pack.PackFile;

/**
 * Finds an unbalanced bracket in a DRL file. The DRL parser reports an unclosed bracket where it
 * gives up, often lines later at {@code then}; this points at the bracket itself. It reads the
 * parser's own tokens, so brackets in strings and comments never count.
 */
final class Brackets {

    /** Each opening bracket token with its closing one. */
    private static final Map<Integer, Integer> PAIRS = Map.of(DRL6Lexer.LEFT_PAREN, DRL6Lexer.RIGHT_PAREN,
            DRL6Lexer.LEFT_SQUARE, DRL6Lexer.RIGHT_SQUARE, DRL6Lexer.LEFT_CURLY, DRL6Lexer.RIGHT_CURLY);
    private static final Map<Integer, Integer> OPENING = Map.of(DRL6Lexer.RIGHT_PAREN, DRL6Lexer.LEFT_PAREN,
            DRL6Lexer.RIGHT_SQUARE, DRL6Lexer.LEFT_SQUARE, DRL6Lexer.RIGHT_CURLY, DRL6Lexer.LEFT_CURLY);
    private static final Map<Integer, String> TEXT = Map.of(DRL6Lexer.LEFT_PAREN, "(", DRL6Lexer.RIGHT_PAREN, ")",
            DRL6Lexer.LEFT_SQUARE, "[", DRL6Lexer.RIGHT_SQUARE, "]", DRL6Lexer.LEFT_CURLY, "{", DRL6Lexer.RIGHT_CURLY, "}");
    /** Keywords that start a line only outside any bracket: one at the start of a line ends the search. */
    private static final Set<String> SECTION = Set.of("then", "end", "rule");

    static Optional<Diagnostic> check(PackFile drl) {
        Deque<Token> open = new ArrayDeque<>();
        for (Token t : DrlOutline.tokens(drl.content())) {
            if (PAIRS.containsKey(t.getType())) {
                open.push(t);
            } else if (OPENING.containsKey(t.getType())) {
                int opening = OPENING.get(t.getType());
                if (open.isEmpty() || open.peek().getType() != opening) {
                    return Optional.of(place(drl, t, "'" + t.getText() + "' has no matching '" + TEXT.get(opening) + "'"));
                }
                open.pop();
            } else if (!open.isEmpty() && t.getCharPositionInLine() == 0 && t.getType() == DRL6Lexer.ID
                    && SECTION.contains(t.getText())) {
                break;
            }
        }
        if (open.isEmpty()) {
            return Optional.empty();
        }
        Token first = open.getLast();
        return Optional.of(place(drl, first, "'" + first.getText() + "' is never closed; add the missing '"
                + TEXT.get(PAIRS.get(first.getType())) + "'"));
    }

    private static Diagnostic place(PackFile drl, Token token, String message) {
        return Diagnostic.error(drl.path(), token.getLine(), token.getCharPositionInLine() + 1, message);
    }

    private Brackets() {
    }
}
