package org.frametag.rules.batch;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Optional;
import org.frametag.core.io.Compression;

/**
 * A run's output file, compressed when its name says so ({@code out.jsonl.gz}, {@code .bz2},
 * {@code .xz}, {@code .zst}). A batch flushes only between documents, so an interrupted run leaves
 * only whole documents; a compressed output is not flushed then (that would cost most of the
 * compression), and {@link ResumePoint} reads an interrupted one as far as its data goes instead.
 */
public final class OutputFile {

    private OutputFile() {
    }

    /**
     * @param append add to the file (a new compressed stream after the old, for a compressed one)
     */
    public static OutputStream open(Path path, boolean append) throws IOException {
        FileOutputStream file = new FileOutputStream(path.toFile(), append);
        Optional<Compression> compression = Compression.ofName(String.valueOf(path.getFileName()));
        if (compression.isEmpty()) {
            return file;
        }
        try {
            return new FilterOutputStream(compression.get().compress(new BufferedOutputStream(file, 1 << 16))) {
                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    out.write(bytes, offset, length);
                }

                @Override
                public void flush() {
                    // the data is written as the compressor fills its blocks, and in full on close
                }
            };
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }
}
