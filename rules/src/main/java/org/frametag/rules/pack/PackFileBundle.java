package org.frametag.rules.pack;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.CRC32;

/**
 * Every file of the bundled pack in one resource beside them, written when frametag is built:
 * reading the pack's thousand files one jar entry at a time, each with an inflater of its own,
 * took a cold JVM 120-190 ms and 17 MB of garbage; one stream of them, with the listing of the
 * jar's entries that checks it, about 70 ms and 6 MB. A file's bytes become its text only when
 * it is read ({@link PackFile}).
 * The jar's own files stay as they are, and the bundle is used only while it holds exactly
 * them: the same paths, and for each the length and checksum the jar's directory records for
 * its entry, so a pack changed without a new bundle (a build that skipped the precompilation)
 * is read from its entries as before.
 *
 * <p>Format: a format name, the number of files, then per file its path in the pack, its length
 * in bytes and its bytes (UTF-8), in path order. An ASCII file's text is its bytes as they are,
 * which a cold JVM copies instead of decoding them a byte at a time: most of the pack's 1.8 MB,
 * read in a third of the time.
 */
public final class PackFileBundle {

    /** Outside the pack's folder, so that no reader of the pack's files takes it for one. */
    static final String RESOURCE = "org/frametag/rules/pack-files.bin";
    private static final String FORMAT = "frametag-pack-files-3";

    private PackFileBundle() {
    }

    /** Writes the bundle of {@code pack}'s files under the class folder {@code classes}. */
    public static void write(Path classes, RulePack pack) throws IOException {
        Path file = classes.resolve(RESOURCE);
        Files.createDirectories(file.getParent());
        try (OutputStream stream = Files.newOutputStream(file);
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream, 1 << 16))) {
            out.writeUTF(FORMAT);
            out.writeInt(pack.files().size());
            for (PackFile f : pack.files()) {
                byte[] bytes = f.content().getBytes(StandardCharsets.UTF_8);
                out.writeUTF(f.path());
                out.writeInt(bytes.length);
                out.write(bytes);
            }
        }
    }

    /**
     * The pack files of {@code jar}, whose entries of them are {@code entries}, read from the jar's
     * bundle; nothing when the jar has none, or one that does not hold exactly those files with
     * their contents (as their lengths and checksums tell).
     */
    static Optional<List<PackFile>> read(JarFile jar, List<JarEntry> entries) {
        JarEntry bundle = jar.getJarEntry(RESOURCE);
        if (bundle == null) {
            return Optional.empty();
        }
        String prefix = RulePack.BUNDLED + "/";
        Map<String, JarEntry> byPath = new HashMap<>(entries.size() * 2);
        for (JarEntry entry : entries) {
            byPath.put(entry.getName().substring(prefix.length()), entry);
        }
        try (InputStream stream = jar.getInputStream(bundle);
             DataInputStream in = new DataInputStream(new BufferedInputStream(stream, 1 << 16))) {
            if (!FORMAT.equals(in.readUTF()) || in.readInt() != entries.size()) {
                return Optional.empty();
            }
            List<PackFile> files = new ArrayList<>(entries.size());
            CRC32 crc = new CRC32();
            for (int i = 0; i < entries.size(); i++) {
                String path = in.readUTF();
                int length = in.readInt();
                JarEntry entry = byPath.remove(path);
                if (entry == null || entry.getSize() != length) {
                    return Optional.empty();
                }
                byte[] bytes = new byte[length];
                in.readFully(bytes);
                crc.reset();
                crc.update(bytes);
                if (crc.getValue() != entry.getCrc()) {
                    return Optional.empty();
                }
                // the build wrote them from text, so they are UTF-8
                files.add(PackFile.ofUtf8(path, bytes));
            }
            return Optional.of(files);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
