package org.frametag.spark;

import java.io.Serializable;
import org.frametag.core.io.InputFormat;

/**
 * A part of an input file that one task reads: a whole file, or the lines of an uncompressed
 * JSON Lines file that start in {@code [start, end)} bytes.
 *
 * @param uri         the file, as the file system names it
 * @param name        the file as errors name it: its path for a local file, else its URI
 * @param format      how its documents are held
 * @param compressed  whether it is compressed (by its name, or by its first bytes when it was
 *                    large enough to be cut): such a file is read whole, from its start
 * @param linesBefore the file's lines before this split's first line (known once counted)
 */
record Split(String uri, String name, InputFormat format, boolean compressed, long start, long end, int linesBefore)
        implements Serializable {

    /** True for a file that may be cut into byte ranges: uncompressed JSON Lines, one document per line. */
    boolean splittable() {
        return format == InputFormat.JSONL && !compressed;
    }

    Split withLinesBefore(int lines) {
        return new Split(uri, name, format, compressed, start, end, lines);
    }

    long length() {
        return end - start;
    }
}
