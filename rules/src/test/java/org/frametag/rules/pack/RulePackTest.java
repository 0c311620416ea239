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
