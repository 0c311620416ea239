package org.frametag.cli.batch;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Future;

/**
 * The chunks between the reader and the writer, oldest first. The reader waits while the
 * window is full (by count or by text held), the writer while it is empty; either side can
 * end it: the reader by closing it, the writer by failing.
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
    private Exception failure;

    OrderedWindow(int capacity, long maxChars) {
        this.capacity = capacity;
        this.maxChars = maxChars;
    }

    /**
     * Adds a chunk, waiting while the window is full.
     *
     * @return whether it had to wait: the workers or the writer are behind the reader
     * @throws Exception the writer's failure, which ends the run
     */
    synchronized boolean add(Chunk chunk) throws Exception {
        boolean waited = false;
        while (failure == null && !chunks.isEmpty() && (chunks.size() >= capacity || chars + chunk.chars() > maxChars)) {
            waited = true;
            wait();
        }
        if (failure != null) {
            throw failure;
        }
        chunks.add(chunk);
        chars += chunk.chars();
        notifyAll();
        return waited;
    }

    /** The oldest chunk, or null once the window is closed and empty. */
    synchronized Chunk take() throws InterruptedException {
        while (chunks.isEmpty() && !closed) {
            wait();
        }
        Chunk chunk = chunks.poll();
        if (chunk != null) {
            chars -= chunk.chars();
            notifyAll();
        }
        return chunk;
    }

    synchronized void close() {
        closed = true;
        notifyAll();
    }

    synchronized void fail(Exception e) {
        failure = e;
        chunks.clear();
        notifyAll();
    }

    synchronized Exception failure() {
        return failure;
    }
}
