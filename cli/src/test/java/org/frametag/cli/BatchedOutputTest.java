package org.frametag.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BatchedOutputTest {

    /** Keeps what each flush handed on. */
    private static final class Flushes extends Writer {
        final StringBuilder pending = new StringBuilder();
        final List<String> flushed = new ArrayList<>();

        @Override
        public synchronized void write(char[] chars, int offset, int length) {
            pending.append(chars, offset, length);
        }

        @Override
        public synchronized void flush() {
            if (!pending.isEmpty()) {
                flushed.add(pending.toString());
                pending.setLength(0);
            }
        }

        @Override
        public void close() {
        }

        synchronized List<String> flushed() {
            return List.copyOf(flushed);
        }
    }

    @Test
    void aFullBatchIsFlushedAtOnceAndOnlyWholeDocuments() throws IOException {
        Flushes out = new Flushes();
        AtomicInteger checks = new AtomicInteger();
        String small = "a\n";
        String large = "x".repeat(BatchedOutput.BATCH_CHARS) + "\n";

        try (BatchedOutput batches = new BatchedOutput(out, checks::incrementAndGet)) {
            batches.write(() -> batches.writer().write(small));
            batches.write(() -> batches.writer().write(large));

            assertThat(String.join("", out.flushed())).isEqualTo(small + large);
            assertThat(out.flushed()).allSatisfy(batch -> assertThat(List.of(small, large, small + large)).contains(batch));
            assertThat(checks).hasValue(1);
        }
        assertThat(checks).hasValue(2);
    }

    @Test
    void closeAndFlushHandOnEveryDocumentWritten() throws IOException {
        Flushes out = new Flushes();

        BatchedOutput batches = new BatchedOutput(out, () -> { });
        batches.write(() -> batches.writer().write("a\n"));
        batches.flush();
        assertThat(String.join("", out.flushed())).isEqualTo("a\n");

        batches.write(() -> batches.writer().write("b\n"));
        batches.close();
        assertThat(String.join("", out.flushed())).isEqualTo("a\nb\n");
    }

    @Test
    void aFailedFlushIsThrownByTheNextWrite() throws IOException {
        Writer failing = new Writer() {
            @Override
            public void write(char[] chars, int offset, int length) {
            }

            @Override
            public void flush() throws IOException {
                throw new IOException("No space left on device");
            }

            @Override
            public void close() {
            }
        };
        BatchedOutput batches = new BatchedOutput(failing, () -> { });
        String big = "y".repeat(BatchedOutput.BATCH_CHARS);

        assertThatThrownBy(() -> batches.write(() -> batches.writer().write(big))).hasMessage("No space left on device");
    }
}
