package org.frametag.spark;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;
import org.frametag.core.io.DocumentReader;
import org.frametag.core.io.ReadResult;
import org.frametag.core.io.StreamSequence;

/** Reads the documents of splits on an executor, one split and one document at a time. */
final class SplitReader {

    private final DocumentReader reader;
    private final Configuration conf;

    SplitReader(DocumentReader reader, Configuration conf) {
        this.reader = reader;
        this.conf = conf;
    }

    /** The documents of {@code splits} in order, each split opened when the one before is used up. */
    Stream<ReadResult> read(List<Split> splits) {
        return StreamSequence.concat(splits.iterator(), this::read);
    }

    private Stream<ReadResult> read(Split split) {
        return reader.read(split.name(), split.format(), split.linesBefore(), () -> open(split));
    }

    /**
     * The line breaks in a split's bytes, and whether its last byte is one: what the splits after
     * it need to number their lines as the whole file would.
     */
    record LineCount(int lineBreaks, boolean endsWithLineBreak) implements java.io.Serializable {
    }

    static LineCount count(Split split, Configuration conf) throws IOException {
        Path path = new Path(split.uri());
        try (FSDataInputStream in = path.getFileSystem(conf).open(path)) {
            in.seek(split.start());
            byte[] buffer = new byte[1 << 16];
            long left = split.length();
            int breaks = 0;
            byte last = 0;
            while (left > 0) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (read < 0) {
                    break;
                }
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        breaks++;
                    }
                }
                last = buffer[read - 1];
                left -= read;
            }
            return new LineCount(breaks, last == '\n');
        }
    }

    /**
     * The split's bytes: a whole file as it is (the reader decompresses it), or the bytes of a
     * part of a JSON Lines file from its first line start to the end of the last line that starts in it.
     */
    private InputStream open(Split split) throws IOException {
        Path path = new Path(split.uri());
        FSDataInputStream in = path.getFileSystem(conf).open(path);
        if (!split.splittable()) {
            return in;
        }
        try {
            return new LineRange(in, split.start(), split.end());
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /**
     * The lines of a file that start in {@code [start, end)}: a line that starts before {@code start}
     * belongs to the split before, and the last line is read to its end even past {@code end}.
     */
    static final class LineRange extends InputStream {
        private final FSDataInputStream file;
        private final InputStream in;
        private final long end;
        private long position;
        private boolean atLineStart;

        LineRange(FSDataInputStream file, long start, long end) throws IOException {
            this.file = file;
            this.in = new BufferedInputStream(file, 1 << 16);
            this.end = end;
            this.position = start;
            this.atLineStart = true;
            if (start > 0) {
                file.seek(start - 1);
                position = start - 1;
                int b;
                do {
                    b = in.read();
                    position++;
                } while (b >= 0 && b != '\n');
            }
        }

        @Override
        public int read() throws IOException {
            if (position >= end && atLineStart) {
                return -1;
            }
            int b = in.read();
            if (b < 0) {
                return -1;
            }
            position++;
            atLineStart = b == '\n';
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (position >= end) {
                int b = read();
                if (b < 0) {
                    return -1;
                }
                buffer[offset] = (byte) b;
                return 1;
            }
            int read = in.read(buffer, offset, (int) Math.min(length, end - position));
            if (read > 0) {
                position += read;
                atLineStart = buffer[offset + read - 1] == '\n';
            }
            return read;
        }

        @Override
        public void close() throws IOException {
            in.close();
            file.close();
        }
    }
}
