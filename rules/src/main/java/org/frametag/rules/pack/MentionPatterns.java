package org.frametag.rules.pack;

import java.util.ArrayList;
import java.util.List;
import org.antlr.runtime.CommonToken;
import org.antlr.runtime.Token;
import org.drools.drl.parser.lang.DRL6Lexer;

/**
 * Finds the {@code Mention(...)} patterns that test the fact itself before their concept. Drools
 * builds a pattern's tests of the fact (its alpha tests: {@code opening}, {@code text matches "..."})
 * in the order written, so one written before the concept test becomes a node of its own under
 * the mention type, which the engine cannot route by concept: every mention of every concept
 * goes through it (docs/batch.md, round 37). Tests that read a bound variable ({@code sentence ==
 * $s.index}, {@code near($x, 4)}) are joins, built apart, and may come anywhere. The pattern's
 * constraints are read from the DRL lexer's tokens (strings and comments already told apart),
 * split at its top-level commas; a constraint counts as a concept test only when it is all of
 * one: {@code concept == "x"}, {@code concept == "x" || concept == "y"} or {@code concept in ("x", "y")}.
 */
final class MentionPatterns {

    /**
     * The first test of the fact itself in each {@code Mention} pattern of {@code tokens} that
     * comes before the pattern's concept test, as written in {@code source}, at its first token.
     */
    static List<DrlOutline.Literal> testedBeforeConcept(List<Token> tokens, String source) {
        List<DrlOutline.Literal> found = new ArrayList<>();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (is(tokens.get(i), "Mention") && tokens.get(i + 1).getType() == DRL6Lexer.LEFT_PAREN
                    && (i == 0 || !is(tokens.get(i - 1), "new"))) {
                List<Token> early = null;
                for (List<Token> constraint : constraints(tokens, i + 2)) {
                    List<Token> test = withoutBinding(constraint);
                    if (isConceptTest(test)) {
                        if (early != null) {
                            found.add(text(early, source));
                        }
                        break;
                    }
                    if (early == null && !test.isEmpty() && test.stream().noneMatch(MentionPatterns::isVariable)) {
                        early = constraint;
                    }
                }
            }
        }
        return found;
    }

    /** The top-level, comma-separated constraints of the pattern whose first token inside its brackets is at {@code from}. */
    private static List<List<Token>> constraints(List<Token> tokens, int from) {
        List<List<Token>> parts = new ArrayList<>();
        List<Token> part = new ArrayList<>();
        int depth = 0;
        for (int i = from; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            int type = t.getType();
            if (depth == 0 && (type == DRL6Lexer.RIGHT_PAREN || type == DRL6Lexer.COMMA || type == DRL6Lexer.SEMICOLON)) {
                if (!part.isEmpty()) {
                    parts.add(part);
                }
                if (type == DRL6Lexer.RIGHT_PAREN) {
                    break;
                }
                part = new ArrayList<>();
                continue;
            }
            depth += type == DRL6Lexer.LEFT_PAREN ? 1 : type == DRL6Lexer.RIGHT_PAREN ? -1 : 0;
            part.add(t);
        }
        return parts;
    }

    /** What the constraint tests, without a leading {@code $name :} binding: nothing, for a bare binding. */
    private static List<Token> withoutBinding(List<Token> constraint) {
        boolean bound = constraint.size() > 1 && constraint.get(0).getType() == DRL6Lexer.ID
                && (constraint.get(1).getType() == DRL6Lexer.COLON || constraint.get(1).getType() == DRL6Lexer.UNIFY);
        return !bound ? constraint : constraint.size() <= 3 ? List.of() : constraint.subList(2, constraint.size());
    }

    /** {@code concept == "x" (|| [concept] == "y")*} or {@code concept in ("x", ...)}, and nothing else. */
    private static boolean isConceptTest(List<Token> test) {
        if (test.size() < 3 || !is(test.get(0), "concept")) {
            return false;
        }
        if (is(test.get(1), "in")) {
            int at = 2;
            if (test.get(at).getType() != DRL6Lexer.LEFT_PAREN) {
                return false;
            }
            do {
                at++;
                if (at >= test.size() || test.get(at).getType() != DRL6Lexer.STRING) {
                    return false;
                }
                at++;
            } while (at < test.size() && test.get(at).getType() == DRL6Lexer.COMMA);
            return at == test.size() - 1 && test.get(at).getType() == DRL6Lexer.RIGHT_PAREN;
        }
        int at = 1;
        while (true) {
            if (at + 1 >= test.size() || test.get(at).getType() != DRL6Lexer.EQUALS
                    || test.get(at + 1).getType() != DRL6Lexer.STRING) {
                return false;
            }
            at += 2;
            if (at == test.size()) {
                return true;
            }
            if (test.get(at).getType() != DRL6Lexer.DOUBLE_PIPE) {
                return false;
            }
            at += at + 1 < test.size() && is(test.get(at + 1), "concept") ? 2 : 1;
        }
    }

    private static boolean isVariable(Token token) {
        return token.getType() == DRL6Lexer.ID && token.getText().startsWith("$");
    }

    private static boolean is(Token token, String word) {
        return token.getType() == DRL6Lexer.ID && token.getText().equals(word);
    }

    /** The constraint as written, its spacing collapsed, at its first token. */
    private static DrlOutline.Literal text(List<Token> constraint, String source) {
        Token first = constraint.get(0);
        CommonToken last = (CommonToken) constraint.get(constraint.size() - 1);
        String written = source.substring(((CommonToken) first).getStartIndex(), last.getStopIndex() + 1).replaceAll("\\s+", " ");
        return new DrlOutline.Literal(written, first.getLine(), first.getCharPositionInLine() + 1);
    }

    private MentionPatterns() {
    }
}
