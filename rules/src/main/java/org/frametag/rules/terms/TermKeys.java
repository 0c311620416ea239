package org.frametag.rules.terms;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;
import org.frametag.core.token.NewsTokenizer;
import org.frametag.core.token.Tokenizer;

/**
 * The index keys of the bundled pack's term entries, worked out when frametag is built: tokenising
 * some 23,000 entries took a short run's loader a third of a second and kept a second core busy
 * while the rule base was being built. A list's keys are used only while its entries are the ones
 * they were made from and the tokenizer is the one that made them; any other list is tokenised.
 * The build saves the index of the bundled pack's lists too, which a run restores instead of
 * building it while it is given exactly those lists ({@link TermIndex.Saved}); the keys are read
 * only when it is not.
 */
public final class TermKeys {

    private static final String RESOURCE = "org/frametag/rules/terms/term-keys.bin";
    private static final String FORMAT = "frametag-term-keys-2";
    private static final String INDEX = "org/frametag/rules/terms/term-index.bin";
    private static final String INDEX_FORMAT = "frametag-term-index-3";
    /** What the keys depend on besides the entries: the tokenizer's code, its lexicon and how entries become keys. */
    private static final List<String> MADE_BY = List.of(
            "org/frametag/core/token/NewsTokenizer.class",
            "org/frametag/core/token/TextNormalizer.class",
            "org/frametag/core/token/SpellingVariants.class",
            "org/frametag/core/token/Lemmatizer.class",
            "org/frametag/core/token/Lemmatizer$English.class",
            "org/frametag/rules/terms/TermIndex.class");
    private static final String LEXICON = "org/frametag/core/token/english-lexicon.tsv";

    private record ListKeys(long entriesChecksum, List<TermIndex.Keys> keys) {
    }

    /** The keys by list file, or null for the bundled ones, read when first asked for. */
    private final Map<String, ListKeys> bySource;

    private TermKeys(Map<String, ListKeys> bySource) {
        this.bySource = bySource;
    }

    /** No precomputed keys: every list is tokenised. */
    public static TermKeys none() {
        return new TermKeys(Map.of());
    }

    /**
     * The keys and the index this build worked out for the bundled pack, when {@code tokenizer} is
     * the one that made them; the keys are read once per JVM, the index each time it is restored.
     */
    public static TermKeys bundledFor(Tokenizer tokenizer) {
        return tokenizer instanceof NewsTokenizer ? Bundled.INSTANCE : none();
    }

    private static final class Bundled {
        static final TermKeys INSTANCE = new TermKeys(null);
    }

    private static final class BundledKeys {
        static final Map<String, ListKeys> BY_SOURCE = read();
    }

    /** The checksum of what made the bundled keys, as this run's class path has it; worked out once. */
    private static final class MadeBy {
        static final Optional<Long> FINGERPRINT = fingerprintOrEmpty();
    }

    /**
     * The index the build saved of exactly {@code lists}, with the tokenizer of this run: nothing
     * for any other lists, or when these keys are not the bundled ones.
     */
    Optional<TermIndex.Saved> saved(List<TermList> lists) {
        if (bySource != null) {
            return Optional.empty();
        }
        try (InputStream stream = TermKeys.class.getClassLoader().getResourceAsStream(INDEX)) {
            if (stream == null) {
                return Optional.empty();
            }
            DataInputStream in = new DataInputStream(new BufferedInputStream(stream, 1 << 16));
            if (!madeByThisRun(in, INDEX_FORMAT)) {
                return Optional.empty();
            }
            return TermIndex.Saved.read(in, lists);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The keys of {@code list}'s entries in order, when they were made from exactly these entries. */
    Optional<List<TermIndex.Keys>> of(TermList list) {
        ListKeys keys = (bySource != null ? bySource : BundledKeys.BY_SOURCE).get(list.source());
        if (keys == null || keys.keys().size() != list.entries().size() || keys.entriesChecksum() != list.entriesChecksum()) {
            return Optional.empty();
        }
        return Optional.of(keys.keys());
    }

    /**
     * Works out the keys of {@code lists} with {@code tokenizer}, and the index they make, and writes
     * both under the class folder {@code classes}.
     */
    public static void write(Path classes, List<TermList> lists, Tokenizer tokenizer) throws IOException {
        Map<String, Integer> ids = new LinkedHashMap<>();
        List<List<TermIndex.Keys>> keys = new ArrayList<>();
        for (TermList list : lists) {
            List<TermIndex.Keys> ofList = list.entries().stream().map(e -> TermIndex.keys(e, tokenizer)).toList();
            ofList.forEach(k -> k.paths().forEach(path -> path.forEach(key -> ids.putIfAbsent(key, ids.size()))));
            keys.add(ofList);
        }
        Path file = classes.resolve(RESOURCE);
        Files.createDirectories(file.getParent());
        long fingerprint = fingerprint().orElseThrow(() -> new IOException("the tokenizer's classes are not on the class path"));
        try (OutputStream stream = Files.newOutputStream(file);
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream, 1 << 16))) {
            out.writeUTF(FORMAT);
            out.writeLong(fingerprint);
            out.writeInt(ids.size());
            for (String key : ids.keySet()) {
                out.writeUTF(key);
            }
            out.writeInt(lists.size());
            for (int l = 0; l < lists.size(); l++) {
                out.writeUTF(lists.get(l).source());
                out.writeLong(lists.get(l).entriesChecksum());
                out.writeInt(keys.get(l).size());
                for (TermIndex.Keys entry : keys.get(l)) {
                    out.writeBoolean(entry.problem() != null);
                    if (entry.problem() != null) {
                        out.writeUTF(entry.problem());
                        continue;
                    }
                    out.writeByte(entry.paths().size());
                    for (List<String> path : entry.paths()) {
                        out.writeByte(path.size());
                        for (String key : path) {
                            out.writeInt(ids.get(key));
                        }
                    }
                }
            }
        }
        Map<String, ListKeys> bySource = new HashMap<>();
        for (int l = 0; l < lists.size(); l++) {
            bySource.put(lists.get(l).source(), new ListKeys(lists.get(l).entriesChecksum(), keys.get(l)));
        }
        TermIndex index = new TermIndex(lists, tokenizer, new TermKeys(bySource));
        try (OutputStream stream = Files.newOutputStream(classes.resolve(INDEX));
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream, 1 << 16))) {
            out.writeUTF(INDEX_FORMAT);
            out.writeLong(fingerprint);
            index.save(out);
        }
    }

    /** Whether the resource {@code in} opens was written in {@code format} by the tokenizer of this run. */
    private static boolean madeByThisRun(DataInputStream in, String format) throws IOException {
        return format.equals(in.readUTF()) && MadeBy.FINGERPRINT.isPresent() && in.readLong() == MadeBy.FINGERPRINT.get();
    }

    private static Map<String, ListKeys> read() {
        try (InputStream stream = TermKeys.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (stream == null) {
                return Map.of();
            }
            DataInputStream in = new DataInputStream(new BufferedInputStream(stream, 1 << 16));
            if (!madeByThisRun(in, FORMAT)) {
                return Map.of();
            }
            String[] strings = new String[in.readInt()];
            for (int i = 0; i < strings.length; i++) {
                strings[i] = in.readUTF();
            }
            int lists = in.readInt();
            Map<String, ListKeys> bySource = new HashMap<>(lists * 2);
            for (int l = 0; l < lists; l++) {
                String source = in.readUTF();
                long checksum = in.readLong();
                TermIndex.Keys[] entries = new TermIndex.Keys[in.readInt()];
                for (int e = 0; e < entries.length; e++) {
                    entries[e] = in.readBoolean() ? new TermIndex.Keys(List.of(), in.readUTF()) : new TermIndex.Keys(paths(in, strings), null);
                }
                bySource.put(source, new ListKeys(checksum, List.of(entries)));
            }
            return bySource;
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }

    private static List<List<String>> paths(DataInputStream in, String[] strings) throws IOException {
        String[][] paths = new String[in.readUnsignedByte()][];
        for (int p = 0; p < paths.length; p++) {
            String[] path = new String[in.readUnsignedByte()];
            for (int k = 0; k < path.length; k++) {
                path[k] = strings[in.readInt()];
            }
            paths[p] = path;
        }
        List<List<String>> list = new ArrayList<>(paths.length);
        for (String[] path : paths) {
            list.add(List.of(path));
        }
        return list;
    }

    private static Optional<Long> fingerprintOrEmpty() {
        try {
            return fingerprint();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A checksum of the code and data that turn entries into keys, or nothing when some of it is missing. */
    private static Optional<Long> fingerprint() throws IOException {
        ClassLoader loader = TermKeys.class.getClassLoader();
        CRC32 crc = new CRC32();
        for (String resource : MADE_BY) {
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in == null) {
                    return Optional.empty();
                }
                crc.update(in.readAllBytes());
            }
        }
        URL lexicon = loader.getResource(LEXICON);
        if (lexicon == null) {
            return Optional.empty();
        }
        URLConnection connection = lexicon.openConnection();
        crc.update(Long.toString(connection.getContentLengthLong()).getBytes(StandardCharsets.US_ASCII));
        return Optional.of(crc.getValue());
    }
}
