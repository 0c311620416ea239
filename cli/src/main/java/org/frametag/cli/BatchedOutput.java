package org.frametag.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * The output of a batch, flushed a batch of whole documents at a time instead of after every
 * document: once {@link #BATCH_CHARS} characters are waiting, and at the latest
 * {@link #MAX_DELAY_MILLIS} after a document was written, so a slow stream is still answered
 * document by document. Flushes happen only between documents, so a file written through a
 * {@link org.frametag.rules.batch.BlockWriter} holds whole documents only, as before.
 *
 * <p>Documents are written with {@link #write(Document)} while holding this object's lock;
 * a background thread flushes what waits too long, and {@link #flush()} (from a shutdown hook,
 * say) flushes at once. A failure of a background flush is thrown by the next write or flush.
 */
final class BatchedOutput implements AutoCloseable {

    /** Characters waiting after which a batch is flushed at once. */
    static final int BATCH_CHARS = 64 * 1024;
    /** Longest a written document waits before it is flushed. */
    static final long MAX_DELAY_MILLIS = 50;

    /** Writes one document's output. */
    interface Document {
        void write() throws IOException;
    }

    /** Counts what goes through, so the batch knows its size. */
    private static final class Counting extends FilterWriter {
        long chars;

        Counting(Writer out) {
            super(out);
        }

        @Override
        public void write(int c) throws IOException {
            out.write(c);
            chars++;
        }

        @Override
        public void write(char[] buffer, int offset, int length) throws IOException {
            out.write(buffer, offset, length);
            chars += length;
        }

        @Override
        public void write(String s, int offset, int length) throws IOException {
            out.write(s, offset, length);
            chars += length;
        }
    }

    private final Counting out;
    private final Runnable afterFlush;
    private final Thread flusher;
    private long writtenAt;
    private boolean pending;
    private boolean closed;
    private IOException failure;

    /**
     * @param out        where documents go; flushed a batch at a time
     * @param afterFlush run on the writing thread after each flush it makes (a check that standard output still takes writes)
     */
    BatchedOutput(Writer out, Runnable afterFlush) {
        this.out = new Counting(out);
        this.afterFlush = afterFlush;
        this.flusher = new Thread(this::flushLate, "frametag-flush");
        flusher.setDaemon(true);
        flusher.start();
    }

    /** The writer a document's output goes to, only from inside {@link #write(Document)}. */
    Writer writer() {
        return out;
    }

    /** Writes one whole document, then flushes when the batch is full. */
    void write(Document document) throws IOException {
        boolean flushed;
        synchronized (this) {
            rethrow();
            document.write();
            pending = true;
            writtenAt = System.nanoTime();
            flushed = out.chars >= BATCH_CHARS;
            if (flushed) {
                flushNow();
            }
        }
        if (flushed) {
            afterFlush.run();
        }
    }

    /** Flushes every document written so far. */
    synchronized void flush() throws IOException {
        rethrow();
        flushNow();
    }

    @Override
    public void close() throws IOException {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        flusher.interrupt();
        flush();
        afterFlush.run();
    }

    private void flushNow() throws IOException {
        out.flush();
        out.chars = 0;
        pending = false;
    }

    private void rethrow() throws IOException {
        if (failure != null) {
            IOException e = failure;
            failure = null;
            throw e;
        }
    }

    /** The background flusher: a document that has waited {@link #MAX_DELAY_MILLIS} is flushed. */
    private void flushLate() {
        long delay = MAX_DELAY_MILLIS * 1_000_000;
        synchronized (this) {
            while (!closed) {
                try {
                    long waited = System.nanoTime() - writtenAt;
                    if (pending && waited >= delay) {
                        flushNow();
                    }
                    wait(pending ? Math.max(1, (delay - waited) / 1_000_000) : MAX_DELAY_MILLIS);
                } catch (InterruptedException e) {
                    return;
                } catch (IOException e) {
                    failure = e;
                    pending = false;
                }
            }
        }
    }
}
