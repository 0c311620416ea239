package org.frametag.rules.format;

import java.io.IOException;
import org.frametag.api.ClassifiedDocument;

/** Writes classified documents in one output format, one document at a time, in input order. */
public interface ResultWriter extends AutoCloseable {

    void write(ClassifiedDocument document) throws IOException;

    /** Writes any trailer (such as the text format's counts) and flushes; does not close the stream. */
    @Override
    void close() throws IOException;
}
