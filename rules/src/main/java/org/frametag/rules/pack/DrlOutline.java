package org.frametag.rules.pack;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.antlr.runtime.Token;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.lang.DRL6Lexer;

/**
 * What a DRL file declares, read with Drools' own parser, with places: its rules, the categories
 * its consequences tag and the concepts its conditions name. The Drools compiler knows none of
 * this as pack semantics (to it a category is just a string), so checks that an analyst needs
 * before running anything, such as an unknown category or a concept without a term list, start
 * here. The parser's descriptors give the rules, their places, annotations and fact types; its
 * lexer's tokens (comments and strings already told apart) give the literals inside conditions
 * and consequences, which the parser keeps only as text. Only string literals are understood,
 * not computed values. A file with syntax errors still yields the rules the parser recovered.
 *
 * @param file  the DRL file's path inside the pack
 * @param types every fact type the file imports or matches, as written
 * @param rules the rules, in source order
 */
public record DrlOutline(String file, List<String> types, List<RuleDecl> rules) {

    /** A string literal of the source, at its opening quote (1-based line and column). */
    public record Literal(String value, int line, int column) {
    }

    /**
     * One rule as written.
     *
     * @param name        the rule's name
     * @param line        the line of the {@code rule} keyword
     * @param column      the column of the {@code rule} keyword
     * @param hasExamples whether the rule carries an {@code @example} annotation
     * @param categories  the category literals passed to {@code tagger.tag} or {@code tagger.exclude}
     * @param concepts    the concept literals compared with {@code concept}
     * @param tested      the category literals compared with {@code category}, as in a
     *                    {@code Tagged(category == "X")} condition
     * @param beforeConcept the first test of the mention itself, as written, of each {@code Mention}
     *                    pattern that makes it before its concept test, which keeps the engine
     *                    from routing the pattern by concept ({@link MentionPatterns})
     * @param onlyTags    whether the consequence only calls {@code tagger.tag}, {@code exclude} or
     *                    {@code drop}: anything else keeps the engine from scoping the pack
     */
    public record RuleDecl(String name, int line, int column, boolean hasExamples, List<Literal> categories,
                           List<Literal> concepts, List<Literal> tested, List<Literal> beforeConcept, boolean onlyTags) {

        public RuleDecl {
            categories = List.copyOf(categories);
            concepts = List.copyOf(concepts);
            tested = List.copyOf(tested);
            beforeConcept = List.copyOf(beforeConcept);
        }
    }

    public DrlOutline {
        types = List.copyOf(types);
        rules = List.copyOf(rules);
    }

    public static DrlOutline of(PackFile drl) {
        String source = drl.content();
        List<Token> tokens = tokens(source);
        PackageDescr descr;
        try {
            descr = new DrlParser().parse(true, source);
        } catch (DroolsParserException e) {
            descr = null;
        }
        if (descr == null) {
            return new DrlOutline(drl.path(), List.of(), List.of());
        }
        Set<String> types = new LinkedHashSet<>();
        descr.getImports().stream().map(ImportDescr::getTarget).forEach(types::add);
        List<RuleDescr> declared = descr.getRules().stream().filter(RuleDescr::isRule).toList();
        List<RuleDecl> rules = new ArrayList<>();
        for (int r = 0; r < declared.size(); r++) {
            RuleDescr rule = declared.get(r);
            if (rule.getLhs() != null) {
                patternTypes(rule.getLhs(), types);
            }
            int end = r + 1 < declared.size() ? declared.get(r + 1).getStartCharacter() : source.length();
            List<Token> body = tokens.stream().filter(t -> offset(t) >= rule.getStartCharacter() && offset(t) < end).toList();
            int when = find(body, "when", 0, 0);
            int then = find(body, "then", rule.getConsequenceLine(), Math.max(when, 0));
            List<Token> conditions = when < 0 ? List.of() : body.subList(when + 1, then < 0 ? body.size() : then);
            List<Token> consequence = then < 0 ? List.of() : body.subList(then + 1, body.size());
            rules.add(new RuleDecl(rule.getName(), rule.getLine(), rule.getColumn() + 1, rule.getAnnotation("example") != null,
                    tagCalls(consequence), compared("concept", conditions), compared("category", conditions),
                    MentionPatterns.testedBeforeConcept(conditions, source), onlyTaggerCalls(consequence)));
        }
        return new DrlOutline(drl.path(), List.copyOf(types), rules);
    }

    /** The source's tokens as the DRL parser sees them: comments and whitespace left out. */
    public static List<Token> tokens(String source) {
        DRL6Lexer lexer = new DRL6Lexer(new org.antlr.runtime.ANTLRStringStream(source));
        List<Token> tokens = new ArrayList<>();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                tokens.add(t);
            }
        }
        return tokens;
    }

    private static int offset(Token token) {
        return ((org.antlr.runtime.CommonToken) token).getStartIndex();
    }

    /** The index of keyword {@code word} (on {@code line} when that is known, from {@code from}), or -1. */
    private static int find(List<Token> tokens, String word, int line, int from) {
        for (int i = from; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.getType() == DRL6Lexer.ID && t.getText().equals(word) && (line <= 0 || t.getLine() == line)) {
                return i;
            }
        }
        return line > 0 ? find(tokens, word, 0, from) : -1;
    }

    private static void patternTypes(BaseDescr descr, Set<String> types) {
        if (descr instanceof PatternDescr pattern) {
            types.add(pattern.getObjectType());
            if (pattern.getSource() instanceof AccumulateDescr accumulate && accumulate.getInput() != null) {
                patternTypes(accumulate.getInput(), types);
            } else if (pattern.getSource() instanceof CollectDescr collect && collect.getInputPattern() != null) {
                patternTypes(collect.getInputPattern(), types);
            }
        } else if (descr instanceof ConditionalElementDescr element) {
            element.getDescrs().forEach(d -> patternTypes((BaseDescr) d, types));
        }
    }

    /**
     * Whether the consequence, up to its {@code end}, is a run of {@code tagger.method($x[, "C"]);} calls
     * (a method the tagger lacks is an error of its own).
     */
    private static boolean onlyTaggerCalls(List<Token> tokens) {
        int end = tokens.size();
        while (end > 0 && !is(tokens.get(end - 1), "end")) {
            end--;
        }
        int i = 0;
        int stop = end - 1;
        while (i < stop) {
            if (i + 5 > stop || !is(tokens.get(i), "tagger") || tokens.get(i + 1).getType() != DRL6Lexer.DOT
                    || tokens.get(i + 2).getType() != DRL6Lexer.ID || tokens.get(i + 3).getType() != DRL6Lexer.LEFT_PAREN) {
                return false;
            }
            int j = i + 4;
            while (j < stop && tokens.get(j).getType() != DRL6Lexer.RIGHT_PAREN) {
                int type = tokens.get(j).getType();
                if (type != DRL6Lexer.ID && type != DRL6Lexer.COMMA && type != DRL6Lexer.STRING) {
                    return false;
                }
                j++;
            }
            if (j + 1 >= end || tokens.get(j + 1).getType() != DRL6Lexer.SEMICOLON) {
                return false;
            }
            i = j + 2;
        }
        return true;
    }

    /** The category of every {@code tagger.tag(..., "CATEGORY")} and {@code tagger.exclude(..., "CATEGORY")} call. */
    private static List<Literal> tagCalls(List<Token> tokens) {
        List<Literal> found = new ArrayList<>();
        for (int i = 0; i + 3 < tokens.size(); i++) {
            if (!(is(tokens.get(i), "tagger") && tokens.get(i + 1).getType() == DRL6Lexer.DOT
                    && (is(tokens.get(i + 2), "tag") || is(tokens.get(i + 2), "exclude"))
                    && tokens.get(i + 3).getType() == DRL6Lexer.LEFT_PAREN)) {
                continue;
            }
            for (int j = i + 4; j < tokens.size(); j++) {
                int type = tokens.get(j).getType();
                if (type == DRL6Lexer.STRING) {
                    if (tokens.get(j - 1).getType() == DRL6Lexer.COMMA && j + 1 < tokens.size()
                            && tokens.get(j + 1).getType() == DRL6Lexer.RIGHT_PAREN) {
                        found.add(literal(tokens.get(j)));
                    }
                    break;
                }
                if (type == DRL6Lexer.SEMICOLON) {
                    break;
                }
            }
        }
        return found;
    }

    /**
     * The literals {@code field} is compared with: {@code field == "a"},
     * {@code field != "a" || == "b"}, {@code field in ("a", "b")}, {@code field not in (...)}.
     */
    private static List<Literal> compared(String field, List<Token> tokens) {
        List<Literal> found = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (!is(tokens.get(i), field)) {
                continue;
            }
            int at = i + 1;
            if (at < tokens.size() && is(tokens.get(at), "not")) {
                at++;
            }
            if (at + 1 < tokens.size() && is(tokens.get(at), "in") && tokens.get(at + 1).getType() == DRL6Lexer.LEFT_PAREN) {
                for (at += 2; at < tokens.size() && tokens.get(at).getType() != DRL6Lexer.RIGHT_PAREN; at++) {
                    if (tokens.get(at).getType() == DRL6Lexer.STRING) {
                        found.add(literal(tokens.get(at)));
                    }
                }
                continue;
            }
            while (at + 1 < tokens.size() && isEquality(tokens.get(at)) && tokens.get(at + 1).getType() == DRL6Lexer.STRING) {
                found.add(literal(tokens.get(at + 1)));
                at += 2;
                int connective = at < tokens.size() ? tokens.get(at).getType() : -1;
                if (connective != DRL6Lexer.DOUBLE_PIPE && connective != DRL6Lexer.DOUBLE_AMPER) {
                    break;
                }
                at++;
            }
        }
        return found;
    }

    private static boolean is(Token token, String word) {
        return token.getType() == DRL6Lexer.ID && token.getText().equals(word);
    }

    private static boolean isEquality(Token token) {
        return token.getType() == DRL6Lexer.EQUALS || token.getType() == DRL6Lexer.NOT_EQUALS;
    }

    private static Literal literal(Token string) {
        String quoted = string.getText();
        String value = quoted.substring(1, quoted.length() - 1).replaceAll("\\\\(.)", "$1");
        return new Literal(value, string.getLine(), string.getCharPositionInLine() + 1);
    }
}
