package org.frametag.rules.pack;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A file of a rule pack, held in memory so a pack compiles the same wherever it came from: its path
 * inside the pack, with {@code /} separators, as messages show it, and its text.
 *
 * <p>A file read from the bundle of the bundled pack ({@link PackFileBundle}) keeps its UTF-8 bytes
 * and is decoded when its text is first asked for. A run of the precompiled pack only hashes its rule
 * files ({@link #digest}), and decoding their 1.2 MB of curly quotes and dashes into text, then
 * encoding it again for the hash, cost a cold JVM some 90 ms of a short run's CPU, a third of it on
 * the thread the run waits for. Two files are equal when their paths and texts are.
 */
public final class PackFile {

    private final String path;
    /** The text the file was made from, or null for a file read from its bytes. */
    private final String text;
    /** The file's bytes as read, or null for a file made from its text. */
    private final byte[] utf8;
    /** The bytes decoded, on first use: racing threads decode the same text, and a string is safe to share. */
    private String decoded;

    /**
     * @param path    the path inside the pack, with {@code /} separators
     * @param content the file's text
     */
    public PackFile(String path, String content) {
        this.path = path;
        this.text = content;
        this.utf8 = null;
    }

    private PackFile(String path, byte[] utf8) {
        this.path = path;
        this.text = null;
        this.utf8 = utf8;
    }

    /** A file of {@code utf8}, bytes of valid UTF-8 the caller no longer changes, decoded when first read. */
    static PackFile ofUtf8(String path, byte[] utf8) {
        return new PackFile(path, utf8);
    }

    /** The path inside the pack, with {@code /} separators, as messages show it. */
    public String path() {
        return path;
    }

    /** The file's text. */
    public String content() {
        if (utf8 == null) {
            return text;
        }
        String read = decoded;
        if (read == null) {
            // ASCII is the same in both: Latin-1 copies the bytes, UTF-8 checks each first
            read = new String(utf8, isAscii(utf8) ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
            decoded = read;
        }
        return read;
    }

    /** Adds the file's text as UTF-8 to {@code digest}: its bytes as read, when it was read from them. */
    public void digest(MessageDigest digest) {
        digest.update(utf8 != null ? utf8 : text.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PackFile file && Objects.equals(path, file.path) && Objects.equals(content(), file.content());
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, content());
    }

    @Override
    public String toString() {
        return "PackFile[path=" + path + ", content=" + content() + "]";
    }
}
