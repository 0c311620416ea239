package org.frametag.core.io;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdUtils;

/**
 * The compressed files news corpora ship as, read and written as streams through Apache
 * Commons Compress, so nothing is ever decompressed whole into memory. A file's compression is
 * known by its extension ({@code .gz}, {@code .bz2}, {@code .xz}, {@code .zst}), or else by its
 * first bytes. Concatenated streams (several gzip members, zstd frames) read as one, which is
 * how an output appended to by {@code --resume} reads back.
 */
public enum Compression {
    GZIP("gzip", ".gz", ".gzip") {
        @Override
        boolean matches(byte[] signature, int length) {
            return GzipCompressorInputStream.matches(signature, length);
        }

        @Override
        InputStream decoder(InputStream in) throws IOException {
            return new GzipCompressorInputStream(in, true);
        }

        @Override
        public OutputStream compress(OutputStream out) throws IOException {
            return new GzipCompressorOutputStream(out);
        }
    },
    BZIP2("bzip2", ".bz2") {
        @Override
        boolean matches(byte[] signature, int length) {
            return BZip2CompressorInputStream.matches(signature, length);
        }

        @Override
        InputStream decoder(InputStream in) throws IOException {
            return new BZip2CompressorInputStream(in, true);
        }

        @Override
        public OutputStream compress(OutputStream out) throws IOException {
            return new BZip2CompressorOutputStream(out);
        }
    },
    XZ("xz", ".xz") {
        @Override
        boolean matches(byte[] signature, int length) {
            return XZCompressorInputStream.matches(signature, length);
        }

        @Override
        InputStream decoder(InputStream in) throws IOException {
            return new XZCompressorInputStream(in, true);
        }

        @Override
        public OutputStream compress(OutputStream out) throws IOException {
            return new XZCompressorOutputStream(out);
        }
    },
    ZSTD("zstd", ".zst", ".zstd") {
        @Override
        boolean matches(byte[] signature, int length) {
            return ZstdUtils.matches(signature, length);
        }

        @Override
        InputStream decoder(InputStream in) throws IOException {
            return new ZstdCompressorInputStream(in);
        }

        @Override
        public OutputStream compress(OutputStream out) throws IOException {
            return new ZstdCompressorOutputStream(out);
        }
    };

    /** Enough leading bytes to tell every format here by its signature. */
    private static final int SIGNATURE_BYTES = 12;
    private static final int BUFFER = 1 << 16;

    private final String label;
    private final List<String> extensions;

    Compression(String label, String... extensions) {
        this.label = label;
        this.extensions = Arrays.asList(extensions);
    }

    abstract boolean matches(byte[] signature, int length);

    abstract InputStream decoder(InputStream in) throws IOException;

    /** A stream that compresses what is written to it into {@code out}; closing it finishes the compressed data. */
    public abstract OutputStream compress(OutputStream out) throws IOException;

    /** The compression a file name's extension names ({@code corpus.jsonl.gz}), if any. */
    public static Optional<Compression> ofName(String fileName) {
        return Arrays.stream(values()).filter(c -> c.extensionOf(fileName).isPresent()).findFirst();
    }

    /** The file name without a compression extension: {@code corpus.jsonl} for {@code corpus.jsonl.gz}. */
    public static String stripExtension(String fileName) {
        return ofName(fileName).flatMap(c -> c.extensionOf(fileName))
                .map(extension -> fileName.substring(0, fileName.length() - extension.length()))
                .orElse(fileName);
    }

    private Optional<String> extensionOf(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return extensions.stream().filter(e -> name.endsWith(e) && name.length() > e.length()).findFirst();
    }

    /** The bytes of a file, decompressed as {@link #decompressing(InputStream, String)} says. */
    public static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            return decompressing(in, String.valueOf(file.getFileName()));
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /**
     * The bytes of {@code in}, decompressed when {@code fileName}'s extension names a compression
     * or, failing that, when the stream starts with a compression's signature; otherwise as they are.
     *
     * @param fileName the file's name, or {@code null} for a stream without one (standard input)
     * @throws IOException when the stream cannot be read, or its header is not the compression its name says
     */
    public static InputStream decompressing(InputStream in, String fileName) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, BUFFER);
        Optional<Compression> named = fileName == null ? Optional.empty() : ofName(fileName);
        Optional<Compression> compression = named.isPresent() ? named : detect(buffered);
        if (compression.isEmpty()) {
            return buffered;
        }
        return compression.get().decompress(buffered);
    }

    /** The compression whose signature {@code in} starts with; {@code in} is left where it was. */
    public static Optional<Compression> detect(InputStream in) throws IOException {
        if (!in.markSupported()) {
            throw new IllegalArgumentException("detecting a compression needs a stream that can be reset");
        }
        in.mark(SIGNATURE_BYTES);
        byte[] signature = in.readNBytes(SIGNATURE_BYTES);
        in.reset();
        return Arrays.stream(values()).filter(c -> c.matches(signature, signature.length)).findFirst();
    }

    /**
     * {@code in}, decompressed with this compression, buffered. A failure to read it, at the
     * header or later, is an {@link IOException} whose message says what is wrong with the data.
     */
    public InputStream decompress(InputStream in) throws IOException {
        try {
            return new BufferedInputStream(new Described(decoder(in)), BUFFER);
        } catch (IOException e) {
            throw new IOException(describe(e), e);
        }
    }

    /**
     * A reading failure of compressed data, for a person: data that ends early is named as
     * truncated (the decompressors say only "end of stream", or nothing).
     */
    private String describe(IOException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        String lower = message.toLowerCase(Locale.ROOT);
        if (e instanceof EOFException || message.isBlank() || lower.contains("truncated") || lower.contains("end of")) {
            return label + " data ends early (a truncated file?)";
        }
        return label + " data is corrupt: " + message;
    }

    /**
     * The decompressed stream, its failures described, read in small steps: a decompressor that
     * fails within a read loses what it decoded in that read, so a truncated file still yields
     * all but the last few kilobytes before the cut.
     */
    private final class Described extends FilterInputStream {

        private static final int STEP = 8192;

        Described(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                throw new IOException(describe(e), e);
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return super.read(buffer, offset, Math.min(length, STEP));
            } catch (IOException e) {
                throw new IOException(describe(e), e);
            }
        }

        @Override
        public long skip(long n) throws IOException {
            try {
                return super.skip(n);
            } catch (IOException e) {
                throw new IOException(describe(e), e);
            }
        }

        @Override
        public int available() throws IOException {
            try {
                return super.available();
            } catch (IOException e) {
                throw new IOException(describe(e), e);
            }
        }
    }

    /** As users spell it: {@code gzip}, {@code bzip2}, {@code xz}, {@code zstd}. */
    @Override
    public String toString() {
        return label;
    }
}
