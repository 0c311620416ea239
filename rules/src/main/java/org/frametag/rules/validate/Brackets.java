package org.frametag.rules.validate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.frametag.rules.engine.Diagnostic;
import org.frametag.rules.pack.PackFile;

/**
 * Finds unbalanced brackets in a DRL file. The DRL parser reports an unclosed bracket where it
 * gives up, often lines later at {@code then}; this points at the bracket itself.
 */
final class Brackets {

    static List<Diagnostic> check(PackFile drl) {
        String s = drl.content();
        List<Diagnostic> found = new ArrayList<>();
        Deque<int[]> open = new ArrayDeque<>();
        int line = 1;
        int column = 0;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
            column++;
            if (c == '\n') {
                line++;
                column = 0;
                quote = 0;
                continue;
            }
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                    column++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '/' && next == '/') {
                while (i + 1 < s.length() && s.charAt(i + 1) != '\n') {
                    i++;
                }
            } else if (c == '/' && next == '*') {
                int close = s.indexOf("*/", i + 2);
                int stop = close < 0 ? s.length() : close + 2;
                for (int j = i; j < stop; j++) {
                    if (s.charAt(j) == '\n') {
                        line++;
                        column = 0;
                    } else {
                        column++;
                    }
                }
                column--;
                i = stop - 1;
            } else if (c == '(' || c == '[' || c == '{') {
                open.push(new int[] {c, line, column});
            } else if (c == ')' || c == ']' || c == '}') {
                char want = c == ')' ? '(' : c == ']' ? '[' : '{';
                if (open.isEmpty() || open.peek()[0] != want) {
                    found.add(Diagnostic.error(drl.path(), line, column, "'" + c + "' has no matching '" + want + "'"));
                    return found;
                }
                open.pop();
            } else if (column == 1 && open.size() > 0 && (s.startsWith("then", i) || s.startsWith("end", i)
                    || s.startsWith("rule ", i))) {
                break;
            }
        }
        if (!open.isEmpty()) {
            int[] at = open.getLast();
            char bracket = (char) at[0];
            char closing = bracket == '(' ? ')' : bracket == '[' ? ']' : '}';
            found.add(Diagnostic.error(drl.path(), at[1], at[2], "'" + bracket + "' is never closed; add the missing '"
                    + closing + "'"));
        }
        return found;
    }

    private Brackets() {
    }
}
