package org.frametag.rules.batch;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Future;
import org.frametag.api.Outcome;

/**
 * The chunks between the reader and the consumer, oldest first. The reader waits while the
 * window is full (by count or by text held), the consumer while it is empty. The reader ends it
 * by closing it (or failing, which the consumer sees once it has taken every chunk before); the
 * consumer by aborting it, which stops the reader at its next chunk.
 */
final class OrderedWindow {

    /** Documents one worker classifies in one go. */
    record Chunk(Future<List<Outcome>> outcomes, long chars) {
    }

    private final int capacity;
    private final long maxChars;
    private final Deque<Chunk> chunks = new ArrayDeque<>();
    private long chars;
    private boolean closed;
    private boolean aborted;
    private Throwable failure;

    OrderedWindow(int capacity, long maxChars) {
        this.capacity = capacity;
        this.maxChars = maxChars;
    }

    /**
     * Adds a chunk, waiting while the window is full.
     *
     * @return whether it had to wait: the workers or the consumer are behind the reader
     * @throws CancellationException once the consumer has aborted, to stop the reader
     */
    synchronized boolean add(Chunk chunk) {
        boolean waited = false;
        while (!aborted && !chunks.isEmpty() && (chunks.size() >= capacity || chars + chunk.chars() > maxChars)) {
            waited = true;
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                aborted = true;
            }
        }
        if (aborted) {
            throw new CancellationException("the outcomes are no longer read");
        }
        chunks.add(chunk);
        chars += chunk.chars();
        notifyAll();
        return waited;
    }

    /**
     * The oldest chunk, or null once the window is closed and empty.
     *
     * @throws RuntimeException the reader's failure, once the chunks before it are taken
     */
    synchronized Chunk take() throws InterruptedException {
        while (chunks.isEmpty() && !closed) {
            wait();
        }
        Chunk chunk = chunks.poll();
        if (chunk != null) {
            chars -= chunk.chars();
            notifyAll();
            return chunk;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw (RuntimeException) failure;
        }
        return null;
    }

    /** The reader has handed over every chunk. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }

    /** The reader failed (an unchecked exception or an error); the consumer sees it after the chunks already handed over. */
    synchronized void fail(Throwable e) {
        failure = e;
        close();
    }

    /** The consumer stopped reading: drop what is held and stop the reader. */
    synchronized void abort() {
        aborted = true;
        chunks.clear();
        notifyAll();
    }
}
