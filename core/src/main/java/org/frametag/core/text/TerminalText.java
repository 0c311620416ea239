package org.frametag.core.text;

/**
 * Text from documents made safe to print on a terminal. Scraped news can hold control
 * characters (an ESC sequence that clears the screen or sets the window title, a carriage return
 * that hides what came before); each C0 control but tab and line feed, DEL and each C1 control
 * is shown as a visible escape such as {@code \x1B} instead of reaching the terminal.
 */
public final class TerminalText {

    public static String visible(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (control(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 8).append(text, 0, i);
                }
                out.append(String.format("\\x%02X", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean control(char c) {
        return (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7F && c <= 0x9F);
    }

    private TerminalText() {
    }
}
