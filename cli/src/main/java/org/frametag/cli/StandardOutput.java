package org.frametag.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Standard output as UTF-8, whatever the locale (JSON Lines and CSV are UTF-8, and a C locale
 * would turn every accented letter into '?'), that remembers why a write failed. A
 * {@link PrintWriter} swallows write errors, so {@link #check(PrintWriter)} turns them back into
 * failures: output that went nowhere must not end in success.
 */
final class StandardOutput extends PrintWriter {

    /** The writer under the print writer, keeping the first failure it saw. */
    private static final class Recording extends FilterWriter {
        private IOException failure;

        Recording(Writer out) {
            super(out);
        }

        @Override
        public void write(int c) throws IOException {
            record(() -> out.write(c));
        }

        @Override
        public void write(char[] chars, int offset, int length) throws IOException {
            record(() -> out.write(chars, offset, length));
        }

        @Override
        public void write(String s, int offset, int length) throws IOException {
            record(() -> out.write(s, offset, length));
        }

        @Override
        public void flush() throws IOException {
            record(out::flush);
        }

        private interface Write {
            void run() throws IOException;
        }

        private void record(Write write) throws IOException {
            try {
                write.run();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                }
                throw e;
            }
        }
    }

    private final Recording recording;

    StandardOutput(OutputStream out) {
        this(new Recording(new OutputStreamWriter(out, StandardCharsets.UTF_8)));
    }

    private StandardOutput(Recording recording) {
        super(recording, true);
        this.recording = recording;
    }

    /**
     * Flushes {@code out} and throws if anything written to it was lost: {@link OutputClosed} when
     * its reader went away (a closed pipe, as in {@code frametag classify ... | head}), a
     * {@link CommandFailure} naming the cause otherwise (a full disk).
     */
    static void check(PrintWriter out) {
        if (!out.checkError()) {
            return;
        }
        IOException cause = out instanceof StandardOutput standard ? standard.recording.failure : null;
        if (cause != null && "Broken pipe".equals(cause.getMessage())) {
            throw new OutputClosed();
        }
        throw new CommandFailure("cannot write to standard output" + (cause == null ? "" : ": " + cause.getMessage()));
    }

    /** The reader of standard output went away: stop at once and quietly, as tools killed by SIGPIPE do. */
    static final class OutputClosed extends RuntimeException {
        OutputClosed() {
            super("standard output was closed", null, false, false);
        }
    }
}
