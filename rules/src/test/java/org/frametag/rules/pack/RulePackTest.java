package org.frametag.rules.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulePackTest {

    private static final List<PackFile> PACK = List.of(
            new PackFile("categories.txt", "SOVEREIGNTY\n"),
            new PackFile("main.drl", "package p\n"),
            new PackFile("terms/nation.txt", "nation\nnationhood\n"),
            new PackFile("terms/über.txt", "überall\n"));

    @TempDir
    Path dir;

    @Test
    void theBundledPackReadsTheSameFromAJarAsFromAFolder() throws IOException {
        Path folder = dir.resolve("classes");
        for (PackFile file : PACK) {
            Path path = folder.resolve("org/frametag/rules/pack").resolve(file.path());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.content());
        }
        Files.writeString(folder.resolve("org/frametag/rules/pack/NOTES.md"), "not part of the pack");
        Path jar = dir.resolve("rules.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("org/frametag/rules/pack/"));
            out.putNextEntry(new JarEntry("org/frametag/rules/pack/terms/"));
            for (int i = PACK.size() - 1; i >= 0; i--) {
                write(out, "org/frametag/rules/pack/" + PACK.get(i).path(), PACK.get(i).content());
            }
            write(out, "org/frametag/rules/pack/NOTES.md", "not part of the pack");
            write(out, "org/frametag/rules/other.txt", "not in the pack folder");
        }

        assertThat(onClassPath(jar).files()).containsExactlyElementsOf(PACK);
        assertThat(onClassPath(folder).files()).containsExactlyElementsOf(PACK);
    }

    @Test
    void anotherFolderOfThePacksPackageEarlierOnTheClassPathDoesNotHideIt() throws IOException {
        Path tests = dir.resolve("test-classes");
        Files.createDirectories(tests.resolve("org/frametag/rules/pack"));
        Files.writeString(tests.resolve("org/frametag/rules/pack/RulePackTest.class"), "a class of the tests");
        Path classes = dir.resolve("classes");
        for (PackFile file : PACK) {
            Path path = classes.resolve("org/frametag/rules/pack").resolve(file.path());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.content());
        }

        assertThat(onClassPath(tests, classes).files()).containsExactlyElementsOf(PACK);
    }

    @Test
    void aJarsBundleOfItsPackFilesGivesTheFilesItsEntriesGive() throws IOException {
        Path bundled = jar("bundled.jar", PACK, new RulePack("written", PACK));
        Path entries = jar("entries.jar", PACK, null);

        assertThat(usesItsBundle(bundled)).isTrue();
        assertThat(usesItsBundle(entries)).isFalse();
        assertThat(onClassPath(bundled).files()).containsExactlyElementsOf(onClassPath(entries).files()).containsExactlyElementsOf(PACK);
    }

    @Test
    void aBundleThatDoesNotHoldExactlyTheJarsPackFilesIsNotUsed() throws IOException {
        List<PackFile> edited = List.of(PACK.get(0), PACK.get(1), new PackFile("terms/nation.txt", "nation\nnationhoods\n"), PACK.get(3));
        List<PackFile> sameLength = List.of(PACK.get(0), PACK.get(1), new PackFile("terms/nation.txt", "nation\nnationhoot\n"), PACK.get(3));
        List<PackFile> added = new java.util.ArrayList<>(PACK);
        added.add(new PackFile("terms/state.txt", "state\n"));
        List<PackFile> removed = PACK.subList(0, 3);
        RulePack written = new RulePack("written", PACK);

        for (List<PackFile> files : List.of(edited, sameLength, added, removed)) {
            Path jar = jar("stale-" + files.hashCode() + ".jar", files, written);
            assertThat(usesItsBundle(jar)).as(files.toString()).isFalse();
            assertThat(onClassPath(jar).files()).containsExactlyElementsOf(new RulePack("expected", files).files());
        }
    }

    @Test
    void theBuildsBundleHoldsTheBundledPackFileByFile() throws IOException {
        RulePack fromFolder = RulePack.bundled();
        Path jar = dir.resolve("rules.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             java.io.InputStream bundle = RulePack.class.getClassLoader().getResourceAsStream(PackFileBundle.RESOURCE)) {
            assertThat(bundle).as("the build's bundle, " + PackFileBundle.RESOURCE).isNotNull();
            for (PackFile file : fromFolder.files()) {
                write(out, RulePack.BUNDLED + "/" + file.path(), file.content());
            }
            out.putNextEntry(new JarEntry(PackFileBundle.RESOURCE));
            bundle.transferTo(out);
        }

        assertThat(usesItsBundle(jar)).isTrue();
        List<PackFile> read = onClassPath(jar).files();
        assertThat(read).hasSameSizeAs(fromFolder.files()).hasSizeGreaterThan(800);
        for (int i = 0; i < read.size(); i++) {
            assertThat(read.get(i)).isEqualTo(fromFolder.files().get(i));
        }
        // hashed from the bytes read, undecoded, as from the text read from the folder
        assertThat(onClassPath(jar).fingerprint()).isEqualTo(fromFolder.fingerprint());
    }

    /** A jar of {@code files} in the bundled pack's folder, in reverse order, with a bundle of {@code bundled}'s files unless it is null. */
    private Path jar(String name, List<PackFile> files, RulePack bundled) throws IOException {
        Path jar = dir.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry(RulePack.BUNDLED + "/"));
            for (int i = files.size() - 1; i >= 0; i--) {
                write(out, RulePack.BUNDLED + "/" + files.get(i).path(), files.get(i).content());
            }
            write(out, "org/frametag/rules/other.txt", "not in the pack folder");
            if (bundled != null) {
                Path classes = dir.resolve(name + ".classes");
                PackFileBundle.write(classes, bundled);
                out.putNextEntry(new JarEntry(PackFileBundle.RESOURCE));
                out.write(Files.readAllBytes(classes.resolve(PackFileBundle.RESOURCE)));
            }
        }
        return jar;
    }

    private static boolean usesItsBundle(Path jar) throws IOException {
        try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
            return PackFileBundle.read(file, RulePack.packEntries(file)).isPresent();
        }
    }

    private static RulePack onClassPath(Path... roots) throws IOException {
        URL[] urls = new URL[roots.length];
        for (int i = 0; i < roots.length; i++) {
            urls[i] = roots[i].toUri().toURL();
        }
        try (URLClassLoader loader = new URLClassLoader(urls, null)) {
            return RulePack.onClassPath(loader);
        }
    }

    private static void write(OutputStream jar, String name, String content) throws IOException {
        ((JarOutputStream) jar).putNextEntry(new JarEntry(name));
        jar.write(content.getBytes(StandardCharsets.UTF_8));
    }
}
