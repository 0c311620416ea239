package org.frametag.rules.facts;

import java.time.LocalDate;

/** What rules may know about the document as a whole. */
public final class DocumentInfo {

    private final String id;
    private final LocalDate date;
    private final int sentenceCount;

    public DocumentInfo(String id, LocalDate date, int sentenceCount) {
        this.id = id;
        this.date = date;
        this.sentenceCount = sentenceCount;
    }

    public String getId() {
        return id;
    }

    /** The publication date, or {@code null} when the document gave none. */
    public LocalDate getDate() {
        return date;
    }

    public int getSentenceCount() {
        return sentenceCount;
    }
}
