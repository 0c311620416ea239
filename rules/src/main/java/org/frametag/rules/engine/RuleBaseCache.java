package org.frametag.rules.engine;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.frametag.api.Diagnostic;
import org.frametag.rules.pack.PackFile;
import org.frametag.rules.pack.PackOutline;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiled rule bases on disk, so that a run with an unchanged pack skips the DRL compilation
 * and parsing (most of a short run's start-up). An entry is keyed by the pack's DRL files, the
 * fact classes the rules were compiled against, and the Drools and Java versions; any entry that
 * cannot be read is logged, ignored and rebuilt. Only the newest {@link #KEEP} entries are kept.
 *
 * <p>Entries are written with plain Java serialization, which Drools' packages support. Drools
 * has no public API to build a rule base from packages, so loading one uses its
 * {@code KnowledgeBaseFactory}.
 */
final class RuleBaseCache {

    static final int KEEP = 32;
    private static final String SUFFIX = ".rulebase";
    private static final String ORIGIN_SUFFIX = ".key";
    private static final String FORMAT = "frametag-rulebase-5";

    /**
     * The cache's logger, made when it first has something to say, which a run that takes its rules
     * from the precompiled pack never has: making it set up the logging, which cost the loading
     * thread of a short run 10-25 ms before it read the pack.
     */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(RuleBaseCache.class);
    }

    private final Path folder;

    RuleBaseCache(Path folder) {
        this.folder = folder;
    }

    /**
     * A rule base, the compiler's warnings and the pack's outline, as they were when it was stored;
     * and its rules' scope, when it is not read from the rule base itself.
     */
    record Entry(KieBase kieBase, List<Diagnostic> warnings, PackOutline outline, Optional<RuleScope> scope) {

        Entry(KieBase kieBase, List<Diagnostic> warnings, PackOutline outline) {
            this(kieBase, warnings, outline, Optional.empty());
        }
    }

    static String key(List<PackFile> drlFiles) {
        return key(FORMAT, Optional.of(Runtime.version().toString()), drlFiles);
    }

    /**
     * A hash of the rules in {@code drlFiles}, of what they are compiled against (the fact classes,
     * the Drools version) and of {@code format}; and of the Java version, when the compiled form
     * depends on it.
     */
    static String key(String format, Optional<String> java, List<PackFile> drlFiles) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            update(sha, format);
            update(sha, String.valueOf(KieServices.class.getPackage().getImplementationVersion()));
            if (java.isPresent()) {
                update(sha, java.get());
            }
            for (Class<?> type : compiledAgainst()) {
                try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
                    sha.update(in == null ? new byte[0] : in.readAllBytes());
                }
            }
            for (PackFile drl : drlFiles) {
                update(sha, drl.path());
                drl.digest(sha);   // the bytes of its text, as read when it was read from bytes
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException("cannot hash the rule pack", e);
        }
    }

    private static List<Class<?>> compiledAgainst() {
        List<Class<?>> types = new ArrayList<>(FactTypes.ALL);
        types.add(Tagger.class);
        return types;
    }

    private static void update(MessageDigest sha, String text) {
        sha.update(text.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
    }

    /**
     * The key last stored for a pack known by {@code origin} (where it was read from, with the size
     * and time of that file), so that reading its entry can start before the pack is read and hashed.
     */
    Optional<String> keyOf(String origin) {
        Path file = folder.resolve(originName(origin));
        try {
            String key = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() : "";
            return key.matches("[0-9a-f]{64}") ? Optional.of(key) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Best effort, as {@link #store}: a key not remembered only costs the next run its head start. */
    void rememberKey(String origin, String key) {
        Path temporary = null;
        try {
            Files.createDirectories(folder);
            temporary = Files.createTempFile(folder, "origin", ".tmp");
            Files.writeString(temporary, key + "\n", StandardCharsets.UTF_8);
            moveIntoPlace(temporary, folder.resolve(originName(origin)));
            temporary = null;
            prune(ORIGIN_SUFFIX);
        } catch (IOException | RuntimeException e) {
            Log.LOG.debug("cannot remember the key of {} in {}: {}", origin, folder, e.toString());
        } finally {
            if (temporary != null) {
                delete(temporary);
            }
        }
    }

    private static String originName(String origin) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(origin.getBytes(StandardCharsets.UTF_8));
            return "origin-" + HexFormat.of().formatHex(digest) + ORIGIN_SUFFIX;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash a pack's origin", e);
        }
    }

    Optional<Entry> load(String key) {
        Path file = folder.resolve(key + SUFFIX);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (!FORMAT.equals(in.readUTF())) {
                return Optional.empty();
            }
            List<Diagnostic> warnings = readWarnings(in);
            PackOutline outline = PackOutline.readFrom(in);
            @SuppressWarnings("unchecked")
            Collection<KiePackage> packages = (Collection<KiePackage>) in.readObject();
            InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase(RuleBases.configuration());
            kieBase.addPackages(packages);
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
            return Optional.of(new Entry(kieBase, warnings, outline));
        } catch (Exception | LinkageError e) {
            Log.LOG.warn("ignoring the cached rule base {}, which cannot be read ({}); compiling the pack", file, e.toString());
            delete(file);
            return Optional.empty();
        }
    }

    /** Best effort: a cache that cannot be written only costs the next run its compilation. */
    void store(String key, Entry entry) {
        try {
            Files.createDirectories(folder);
            Path temporary = Files.createTempFile(folder, key, ".tmp");
            try (ObjectOutputStream out = new ObjectOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary)))) {
                out.writeUTF(FORMAT);
                writeWarnings(out, entry.warnings());
                entry.outline().writeTo(out);
                out.writeObject(new ArrayList<>(entry.kieBase().getKiePackages()));
            }
            moveIntoPlace(temporary, folder.resolve(key + SUFFIX));
            prune(SUFFIX);
        } catch (Exception | LinkageError e) {
            Log.LOG.warn("cannot cache the compiled rule pack in {} ({}); the next run compiles it again", folder, e.toString());
        }
    }

    static void writeWarnings(DataOutput out, List<Diagnostic> warnings) throws IOException {
        out.writeInt(warnings.size());
        for (Diagnostic d : warnings) {
            out.writeUTF(d.file());
            out.writeInt(d.line());
            out.writeInt(d.column());
            out.writeUTF(d.message());
        }
    }

    static List<Diagnostic> readWarnings(DataInput in) throws IOException {
        int count = in.readInt();
        List<Diagnostic> warnings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            warnings.add(Diagnostic.warning(in.readUTF(), in.readInt(), in.readInt(), in.readUTF()));
        }
        return List.copyOf(warnings);
    }

    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void prune(String suffix) throws IOException {
        List<Path> entries;
        try (Stream<Path> files = Files.list(folder)) {
            entries = files.filter(f -> f.getFileName().toString().endsWith(suffix))
                    .sorted(Comparator.comparing(RuleBaseCache::modified).reversed())
                    .toList();
        }
        entries.stream().skip(KEEP).forEach(RuleBaseCache::delete);
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            Log.LOG.debug("cannot delete {} from the rule-base cache: {}", file, e.toString());
        }
    }
}
