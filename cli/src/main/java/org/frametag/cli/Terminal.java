package org.frametag.cli;

/** Whether output goes to a person at a terminal, which decides colour and progress bars. */
final class Terminal {

    static boolean isStdoutTerminal() {
        return System.console() != null && System.getenv("NO_COLOR") == null;
    }

    private Terminal() {
    }
}
