package org.frametag.core.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.util.Optional;

/**
 * The one reader of JSON Lines in frametag: input documents, gold files, earlier outputs and
 * resume points all come through it. It hands on one line at a time, so memory stays bounded
 * whatever the file size, with its number and the byte offset where it ends; each line is parsed
 * on its own with Jackson, so a malformed line is reported with its number and the lines after it
 * are still read. What a line means, and what a bad one costs, is the caller's decision.
 */
public final class JsonLines {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One line, without its line break.
     *
     * @param number   1-based line number
     * @param end      byte offset just after the line and its line break
     * @param complete false for a last line the input ended in the middle of (no line break)
     * @param tooLong  true when the line was longer than the limit; {@code bytes} then holds its start
     */
    public record Line(int number, long end, boolean complete, boolean tooLong, byte[] bytes) {

        /** The line as text, by {@code policy}; a carriage return before the line break is dropped. */
        public Decoded text(InvalidUtf8 policy) throws CharacterCodingException {
            TextDecoder.Decoded decoded = TextDecoder.decode(bytes, policy);
            String text = decoded.text();
            if (text.endsWith("\r")) {
                text = text.substring(0, text.length() - 1);
            }
            return new Decoded(text, decoded.replaced());
        }

        /** The line as strict UTF-8 text. */
        public String text() throws CharacterCodingException {
            return text(InvalidUtf8.ERROR).text();
        }
    }

    /** A line's text, and whether bytes that were not UTF-8 were replaced to read it. */
    public record Decoded(String text, boolean replaced) {
    }

    private final InputStream in;
    private final long maxLineBytes;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private int number;
    private long offset;
    private boolean done;

    /**
     * @param in           the stream, read lazily; the caller closes it
     * @param maxLineBytes lines longer than this are handed on as {@link Line#tooLong()}, not held
     */
    public JsonLines(InputStream in, long maxLineBytes) {
        this(in, maxLineBytes, 0);
    }

    /**
     * A reader of a part of a file that starts at a line boundary, numbering its lines as the
     * whole file would.
     *
     * @param linesBefore lines of the file before the first line of {@code in}
     */
    public JsonLines(InputStream in, long maxLineBytes, int linesBefore) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
        this.number = linesBefore;
    }

    /** A reader without a line length limit. */
    public JsonLines(InputStream in) {
        this(in, Long.MAX_VALUE);
    }

    /** One line parsed as JSON. */
    public static JsonNode parse(String line) throws JsonProcessingException {
        return JSON.readTree(line);
    }

    /** A JSON node as a plain Java value: maps, lists, strings, numbers, booleans. */
    public static Object plain(JsonNode node) {
        return JSON.convertValue(node, Object.class);
    }

    /**
     * The string value of {@code field} when it is the first field of the object that {@code text}
     * starts, read with Jackson's streaming parser so a line cut short after that field still
     * yields it.
     */
    public static Optional<String> firstField(String text, String field) {
        try (JsonParser parser = JSON.getFactory().createParser(text)) {
            if (parser.nextToken() == JsonToken.START_OBJECT && parser.nextToken() == JsonToken.FIELD_NAME
                    && field.equals(parser.currentName()) && parser.nextToken() == JsonToken.VALUE_STRING) {
                return Optional.of(parser.getText());
            }
        } catch (IOException e) {
            // cut off before the value ended
        }
        return Optional.empty();
    }

    /** The number of the last line handed on (lines handed on, plus the lines before). */
    public int lines() {
        return number;
    }

    /** The next line, or nothing at the end of the stream. */
    public Optional<Line> next() throws IOException {
        return done ? Optional.empty() : Optional.ofNullable(readLine());
    }

    private Line readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        long length = 0;
        boolean ended = false;
        while (!ended) {
            if (position == limit) {
                int read = in.read(buffer);
                if (read < 0) {
                    break;
                }
                position = 0;
                limit = read;
            }
            int stop = position;
            while (stop < limit && buffer[stop] != '\n') {
                stop++;
            }
            ended = stop < limit;
            int keep = (int) Math.max(0, Math.min(stop - position, maxLineBytes - line.size()));
            line.write(buffer, position, keep);
            length += stop - position;
            position = ended ? stop + 1 : stop;
        }
        if (!ended) {
            done = true;
            if (length == 0) {
                return null;
            }
        }
        number++;
        offset += length + (ended ? 1 : 0);
        return new Line(number, offset, ended, length > maxLineBytes, line.toByteArray());
    }
}
