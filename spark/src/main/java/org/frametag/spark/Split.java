package org.frametag.spark;

import java.io.Serializable;

/**
 * A part of an input file that one task reads: a whole text file, or the lines of a JSON Lines
 * file that start in {@code [start, end)} bytes.
 *
 * @param uri         the file, as the file system names it
 * @param name        the file as errors name it: its path for a local file, else its URI
 * @param linesBefore the file's lines before this split's first line (known once counted)
 */
record Split(String uri, String name, boolean jsonLines, long start, long end, int linesBefore) implements Serializable {

    Split withLinesBefore(int lines) {
        return new Split(uri, name, jsonLines, start, end, lines);
    }

    long length() {
        return end - start;
    }
}
