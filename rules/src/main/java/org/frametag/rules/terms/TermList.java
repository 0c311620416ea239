package org.frametag.rules.terms;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * A named list of words and phrases for one concept. Rules see a match of any entry as a
 * {@code Mention} of the concept.
 *
 * <p>Format: one entry per line, multiword allowed; {@code #} starts a comment; blank lines are
 * ignored; {@code =Entry} matches the exact text, case included; {@code <NUMBER>},
 * {@code <PERCENT>} (or any token kind in angle brackets) matches any token of that kind.
 *
 * @param concept the concept's name (the file name without {@code .txt})
 * @param source  the file it came from, for messages
 */
public record TermList(String concept, String source, List<TermEntry> entries) {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;

    public TermList {
        entries = entries instanceof Lines ? entries : List.copyOf(entries);
    }

    public static TermList parse(String concept, String source, String content) {
        return new TermList(concept, source, Lines.of(content));
    }

    /** Whether entry {@code index} is {@code =}exact, without taking its text out of the file's. */
    boolean exact(int index) {
        return entries instanceof Lines lines ? lines.exact(index) : entries.get(index).exact();
    }

    /**
     * A 64-bit FNV-1a checksum of the entries' texts and exact marks, in order, without taking the
     * texts out of the file's: saved keys are used only for a list whose checksum they were made
     * with, and an edited list that kept a 32-bit hash would have been given stale keys.
     */
    long entriesChecksum() {
        if (entries instanceof Lines lines) {
            return lines.entriesChecksum();
        }
        long checksum = FNV_OFFSET;
        for (TermEntry entry : entries) {
            String text = entry.text();
            for (int k = 0; k < text.length(); k++) {
                checksum = fnv(checksum, text.charAt(k));
            }
            checksum = fnv(checksum, entryEnd(entry.exact()));
        }
        return checksum;
    }

    /**
     * A checksum of the list as read: of its file's text for a list {@link #parse}d from one, which
     * asks nothing of its entries, and else of its entries ({@link #entriesChecksum()}).
     */
    long textChecksum() {
        if (entries instanceof Lines lines) {
            long checksum = FNV_OFFSET;
            for (int k = 0; k < lines.content.length(); k++) {
                checksum = fnv(checksum, lines.content.charAt(k));
            }
            return checksum;
        }
        return entriesChecksum();
    }

    private static long fnv(long checksum, int value) {
        return (checksum ^ value) * 0x100000001b3L;
    }

    /** Marks an entry's end: above any char, so entries "ab","c" and "a","bc" differ. */
    private static int entryEnd(boolean exact) {
        return exact ? 0x10001 : 0x10000;
    }

    /** About how many words the entries have (runs of characters between whitespace), to size tables by. */
    int words() {
        if (entries instanceof Lines lines) {
            return lines.words();
        }
        int words = 0;
        for (TermEntry entry : entries) {
            words += words(entry.text(), 0, entry.text().length());
        }
        return words;
    }

    private static int words(String text, int from, int to) {
        int words = 0;
        boolean inWord = false;
        for (int i = from; i < to; i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return words;
    }

    /**
     * The entries of a list file, kept as places in the file's text rather than as an entry and
     * a string each: a list of a million entries costs one array of ints beside the text the
     * pack holds anyway, and each {@link TermEntry} is made when it is asked for. The places are
     * worked out when first asked for: a run that restores the index the build saved of its lists
     * asks for none (parsing the bundled pack's thousand lists took a short run's loading thread
     * 15-40 ms). Immutable: racing threads work out the same places.
     */
    private static final class Lines extends AbstractList<TermEntry> implements RandomAccess {
        /** Ints per entry: start and end of its text, its line, its column (the sign bit marks {@code =}exact). */
        private static final int FIELDS = 4;
        private static final int EXACT = 1 << 31;

        /** The places of a file's entries, {@link #FIELDS} ints each. */
        private record Places(int[] places, int size) {
        }

        private final String content;
        private volatile Places parsed;

        private Lines(String content) {
            this.content = content;
        }

        static Lines of(String content) {
            return new Lines(content);
        }

        private Places places() {
            Places places = parsed;
            if (places == null) {
                places = parse(content);
                parsed = places;
            }
            return places;
        }

        /**
         * Lines end at {@code \n} or {@code \r\n}; a {@code #} ends the entry; whitespace around it,
         * and after an {@code =}, is not part of it.
         */
        private static Places parse(String content) {
            int length = content.length();
            int lines = 1;
            for (int newline = content.indexOf('\n'); newline >= 0; newline = content.indexOf('\n', newline + 1)) {
                lines++;
            }
            // one place per line, at most: comments and blank lines leave a few unused
            int[] places = new int[FIELDS * lines];
            int size = 0;
            int line = 0;
            for (int from = 0; from <= length; line++) {
                int newline = content.indexOf('\n', from);
                int next = newline < 0 ? length + 1 : newline + 1;
                int end = newline < 0 ? length : newline > from && content.charAt(newline - 1) == '\r' ? newline - 1 : newline;
                for (int k = from; k < end; k++) {
                    if (content.charAt(k) == '#') {
                        end = k;
                    }
                }
                int start = from;
                while (start < end && Character.isWhitespace(content.charAt(start))) {
                    start++;
                }
                while (end > start && Character.isWhitespace(content.charAt(end - 1))) {
                    end--;
                }
                if (start < end) {
                    int column = start - from + 1;
                    boolean exact = content.charAt(start) == '=';
                    if (exact) {
                        start++;
                        while (start < end && Character.isWhitespace(content.charAt(start))) {
                            start++;
                        }
                    }
                    int at = FIELDS * size++;
                    places[at] = start;
                    places[at + 1] = end;
                    places[at + 2] = line + 1;
                    places[at + 3] = exact ? column | EXACT : column;
                }
                from = next;
            }
            return new Places(places, size);
        }

        @Override
        public TermEntry get(int index) {
            Places all = places();
            if (index < 0 || index >= all.size()) {
                throw new IndexOutOfBoundsException("entry " + index + " of " + all.size());
            }
            int[] places = all.places();
            int at = FIELDS * index;
            int column = places[at + 3];
            return new TermEntry(content.substring(places[at], places[at + 1]), column < 0, places[at + 2], column & ~EXACT);
        }

        boolean exact(int index) {
            Places all = places();
            Objects.checkIndex(index, all.size());
            return all.places()[FIELDS * index + 3] < 0;
        }

        /** As {@link TermList#entriesChecksum()}, from the places of the entries in the file's text. */
        long entriesChecksum() {
            Places all = places();
            int[] places = all.places();
            int size = all.size();
            long checksum = FNV_OFFSET;
            for (int at = 0; at < FIELDS * size; at += FIELDS) {
                for (int k = places[at]; k < places[at + 1]; k++) {
                    checksum = fnv(checksum, content.charAt(k));
                }
                checksum = fnv(checksum, entryEnd(places[at + 3] < 0));
            }
            return checksum;
        }

        int words() {
            Places all = places();
            int[] places = all.places();
            int size = all.size();
            int words = 0;
            for (int at = 0; at < FIELDS * size; at += FIELDS) {
                words += TermList.words(content, places[at], places[at + 1]);
            }
            return words;
        }

        @Override
        public int size() {
            return places().size();
        }
    }
}
