package org.frametag.rules.pack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A rule pack as files: DRL rules, the term lists they use and the list of categories.
 *
 * <p>Layout of a pack folder: {@code categories.txt} (one category per line), {@code *.drl}
 * files anywhere in the folder, and {@code terms/*.txt} term lists, one concept per file.
 *
 * @param name  where the pack came from, for messages
 * @param files every file of the pack, sorted by path
 */
public record RulePack(String name, List<PackFile> files) {

    public static final String CATEGORIES = "categories.txt";
    public static final String TERMS = "terms/";
    static final String BUNDLED = "org/frametag/rules/pack";

    public RulePack {
        files = files.stream().sorted(java.util.Comparator.comparing(PackFile::path)).toList();
    }

    public static RulePack fromFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("rule pack folder not found: " + folder);
        }
        return new RulePack(folder.toString(), readTree(folder));
    }

    /** The pack that ships with frametag, implementing the codebook in {@code docs/codebook.md}. */
    public static RulePack bundled() {
        return onClassPath(RulePack.class.getClassLoader());
    }

    /**
     * Where the bundled pack is read from, when that is a jar: the jar's path, size and time of
     * last change, which name one build of the pack without reading it, and the Java version it
     * runs on, which the compiled pack depends on too; empty otherwise.
     */
    public static Optional<String> bundledOrigin() {
        URL url = RulePack.class.getClassLoader().getResource(BUNDLED + "/" + CATEGORIES);
        if (url == null || !url.getProtocol().equals("jar")) {
            return Optional.empty();
        }
        try {
            Path jar = Path.of(((JarURLConnection) url.openConnection()).getJarFileURL().toURI());
            return Optional.of("bundled " + jar.toAbsolutePath() + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis()
                    + " Java " + Runtime.version());
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The bundled pack as {@code loader} sees it. From a jar its entries are read with the jar's
     * own index rather than through a zip file system, which costs a short run some 40 ms. The
     * pack is found by its categories file, as other folders of the classpath may share its package.
     */
    static RulePack onClassPath(ClassLoader loader) {
        URL url = loader.getResource(BUNDLED + "/" + CATEGORIES);
        if (url == null) {
            throw new IllegalStateException("bundled rule pack missing from the classpath: " + BUNDLED);
        }
        try {
            if (url.getProtocol().equals("jar")) {
                return new RulePack("bundled", readJar(url));
            }
            return new RulePack("bundled", readTree(Path.of(url.toURI()).getParent()));
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot read bundled rule pack: " + e.getMessage(), e);
        }
    }

    /**
     * The pack files of the jar {@code url} is in: from the bundle of them the build wrote
     * ({@link PackFileBundle}) while it holds exactly the jar's pack files, else entry by entry.
     */
    private static List<PackFile> readJar(URL url) throws IOException {
        JarURLConnection connection = (JarURLConnection) url.openConnection();
        connection.setUseCaches(false);
        String prefix = BUNDLED + "/";
        try (JarFile jar = connection.getJarFile()) {
            List<JarEntry> entries = packEntries(jar);
            Optional<List<PackFile>> bundled = PackFileBundle.read(jar, entries);
            if (bundled.isPresent()) {
                return bundled.get();
            }
            List<PackFile> files = new ArrayList<>(entries.size());
            for (JarEntry entry : entries) {
                try (InputStream in = jar.getInputStream(entry)) {
                    files.add(new PackFile(entry.getName().substring(prefix.length()), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
            return files;
        }
    }

    /** The entries of the bundled pack's files in {@code jar}, in the jar's order. */
    static List<JarEntry> packEntries(JarFile jar) {
        String prefix = BUNDLED + "/";
        List<JarEntry> entries = new ArrayList<>();
        for (Enumeration<JarEntry> all = jar.entries(); all.hasMoreElements(); ) {
            JarEntry entry = all.nextElement();
            String name = entry.getName();
            if (!entry.isDirectory() && name.startsWith(prefix) && isPackFile(name)) {
                entries.add(entry);
            }
        }
        return entries;
    }

    private static boolean isPackFile(String path) {
        return path.endsWith(".drl") || path.endsWith(".txt") || path.endsWith(".yaml") || path.endsWith(".yml");
    }

    private static List<PackFile> readTree(Path root) {
        List<PackFile> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (isPackFile(rel)) {
                    files.add(new PackFile(rel, Files.readString(p, StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule pack " + root + ": " + e.getMessage(), e);
        }
        return files;
    }

    public List<PackFile> drlFiles() {
        return files.stream().filter(f -> f.path().endsWith(".drl")).toList();
    }

    public List<PackFile> termFiles() {
        return files.stream().filter(f -> f.path().startsWith(TERMS) && f.path().endsWith(".txt")).toList();
    }

    /** The categories file, if the pack has one. */
    public java.util.Optional<PackFile> categoriesFile() {
        return files.stream().filter(f -> f.path().equals(CATEGORIES)).findFirst();
    }

    /** A hash of every file's path and content: the same pack always has the same fingerprint. */
    public String fingerprint() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (PackFile f : files) {
                sha.update(f.path().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                f.digest(sha);
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
