package org.frametag.rules.engine;

import java.util.StringJoiner;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pack's DRL as Drools' executable model compiles it, with the same meaning: its code generator
 * (10.2) cannot type a fact's own method called without {@code this.} inside a constraint
 * ({@code near($m, 6)}), and turns a negated call ({@code !this.overlaps($m)}) into a temporal
 * {@code not} that does not compile, so the first is qualified and the second written as
 * {@code (this.overlaps($m) == false)}; nor can it index a count's {@code Number(intValue >= 3)}
 * (it names metadata it never generates for {@code Number}), so the count, a {@code Long}, is
 * compared as itself: {@code Long(this >= 3)}. Its {@code in} builds an array of the literals at every
 * test, so a token's or a mention's own word tested against a list ({@code norm in ("a", "b")}), which
 * every token of a sentence goes through, is written as the comparisons it stands for
 * ({@code (norm == "a" || norm == "b")}); a concept's list is left as written, as the engine routes
 * mentions by it and never runs it ({@link ConceptDispatch}).
 */
final class ExecutableModelDrl {

    /** The fact methods rules call in constraints (see {@link org.frametag.rules.facts.Mention}). */
    private static final Pattern UNQUALIFIED = Pattern.compile(
            "(?<![.\\w$])(sameClause|distanceTo|near|overlaps|before|precedes)\\(");
    private static final Pattern NEGATED = Pattern.compile("!this\\.(\\w+)\\(");
    private static final Pattern COUNT = Pattern.compile("\\bNumber\\(\\s*intValue\\s*([<>=!]=?)");
    private static final Pattern WORD_LIST = Pattern.compile(
            "(?<![\\w$.])(norm|text)\\s+(not\\s+)?in\\s*\\(\\s*(\"[^\"\\\\]*\"(?:\\s*,\\s*\"[^\"\\\\]*\")*)\\s*\\)");
    private static final Pattern LITERAL = Pattern.compile("\"[^\"\\\\]*\"");

    static String rewrite(String drl) {
        String counted = COUNT.matcher(drl).replaceAll("Long(this $1");
        String compared = WORD_LIST.matcher(counted).replaceAll(ExecutableModelDrl::comparisons);
        String qualified = UNQUALIFIED.matcher(compared).replaceAll("this.$1(");
        StringBuilder out = new StringBuilder(qualified.length() + 64);
        Matcher negated = NEGATED.matcher(qualified);
        int copied = 0;
        while (negated.find(copied)) {
            int open = negated.end() - 1;
            int close = closing(qualified, open);
            if (close < 0) {
                break;
            }
            out.append(qualified, copied, negated.start())
                    .append("(this.").append(negated.group(1)).append(qualified, open, close + 1).append(" == false)");
            copied = close + 1;
        }
        return out.append(qualified, copied, qualified.length()).toString();
    }

    /** {@code norm in ("a", "b")} as {@code (norm == "a" || norm == "b")}, {@code not in} as {@code (norm != "a" && norm != "b")}. */
    private static String comparisons(MatchResult list) {
        boolean negated = list.group(2) != null;
        StringJoiner tests = new StringJoiner(negated ? " && " : " || ", "(", ")");
        Matcher literal = LITERAL.matcher(list.group(3));
        while (literal.find()) {
            tests.add(list.group(1) + (negated ? " != " : " == ") + literal.group());
        }
        return Matcher.quoteReplacement(tests.toString());
    }

    private static int closing(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private ExecutableModelDrl() {
    }
}
