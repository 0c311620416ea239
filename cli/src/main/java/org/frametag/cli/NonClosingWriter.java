package org.frametag.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/** Lets a command close its writer without closing the console stream under it. */
final class NonClosingWriter extends FilterWriter {

    NonClosingWriter(Writer out) {
        super(out);
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
