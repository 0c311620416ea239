package org.frametag.rules.engine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pack's DRL as Drools' executable model compiles it, with the same meaning: its code generator
 * (10.2) cannot type a fact's own method called without {@code this.} inside a constraint
 * ({@code near($m, 6)}), and turns a negated call ({@code !this.overlaps($m)}) into a temporal
 * {@code not} that does not compile, so the first is qualified and the second written as
 * {@code (this.overlaps($m) == false)}; nor can it index a count's {@code Number(intValue >= 3)}
 * (it names metadata it never generates for {@code Number}), so the count, a {@code Long}, is
 * compared as itself: {@code Long(this >= 3)}.
 */
final class ExecutableModelDrl {

    /** The fact methods rules call in constraints (see {@link org.frametag.rules.facts.Mention}). */
    private static final Pattern UNQUALIFIED = Pattern.compile(
            "(?<![.\\w$])(sameClause|distanceTo|near|overlaps|before|precedes)\\(");
    private static final Pattern NEGATED = Pattern.compile("!this\\.(\\w+)\\(");
    private static final Pattern COUNT = Pattern.compile("\\bNumber\\(\\s*intValue\\s*([<>=!]=?)");

    static String rewrite(String drl) {
        String counted = COUNT.matcher(drl).replaceAll("Long(this $1");
        String qualified = UNQUALIFIED.matcher(counted).replaceAll("this.$1(");
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
