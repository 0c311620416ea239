package org.frametag.rules.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Holds what is written until {@link #flush()}, then hands it to the stream in one write. A
 * batch flushes only between documents (a batch of them at a time), so an interrupted run leaves
 * only whole documents' lines in the output, never half a line.
 */
public final class BlockWriter extends Writer {

    private final OutputStream out;
    private final boolean closeStream;
    private final StringBuilder block = new StringBuilder();

    public BlockWriter(OutputStream out, boolean closeStream) {
        this.out = out;
        this.closeStream = closeStream;
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        block.append(chars, offset, length);
    }

    @Override
    public void write(String s, int offset, int length) {
        block.append(s, offset, offset + length);
    }

    @Override
    public void flush() throws IOException {
        if (!block.isEmpty()) {
            out.write(block.toString().getBytes(StandardCharsets.UTF_8));
            block.setLength(0);
        }
        out.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
        if (closeStream) {
            out.close();
        }
    }
}
