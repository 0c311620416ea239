package org.frametag.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A one-line progress display on standard error for long runs at a terminal: documents,
 * sentences per second, share done and time left (when the input size is known). Redrawn
 * at most a few times a second so it costs nothing measurable.
 */
public final class Progress {

    private static final long REDRAW_NANOS = 250_000_000L;
    private static final long FIRST_DRAW_NANOS = 1_000_000_000L;

    private final PrintWriter err;
    private final long totalChars;
    private final long start = System.nanoTime();
    private long lastDraw;
    private long documents;
    private long sentences;
    private long chars;
    private boolean drawn;

    /**
     * @param totalChars the input size, or 0 when unknown (standard input)
     */
    public Progress(PrintWriter err, long totalChars) {
        this.err = err;
        this.totalChars = totalChars;
        this.lastDraw = start + FIRST_DRAW_NANOS - REDRAW_NANOS;
    }

    /** True when standard error is a terminal, where a progress line helps rather than clutters. */
    public static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | RuntimeException e) {
            return System.console() != null;
        }
    }

    public void advance(long documentSentences, long documentChars) {
        documents++;
        sentences += documentSentences;
        chars += documentChars;
        long now = System.nanoTime();
        if (now - lastDraw >= REDRAW_NANOS) {
            lastDraw = now;
            draw(now);
        }
    }

    private void draw(long now) {
        double seconds = Math.max(1e-9, (now - start) / 1e9);
        StringBuilder line = new StringBuilder(String.format("\r%,d documents  %,.0f sentences/s", documents, sentences / seconds));
        if (totalChars > 0) {
            double share = Math.min(1.0, (double) chars / totalChars);
            int width = 24;
            int filled = (int) Math.round(share * width);
            long eta = share > 0 ? Math.round(seconds / share - seconds) : 0;
            line.append(String.format("  [%s%s] %3.0f%%  ETA %d:%02d", "#".repeat(filled), ".".repeat(width - filled),
                    share * 100, eta / 60, eta % 60));
        }
        err.print(line.append("\u001B[K"));
        err.flush();
        drawn = true;
    }

    /** Clears the progress line before the summary is printed. */
    public void finish() {
        if (drawn) {
            err.print("\r\u001B[K");
            err.flush();
        }
    }
}
