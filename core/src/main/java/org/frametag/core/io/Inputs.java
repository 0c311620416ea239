package org.frametag.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Expands command-line paths into inputs: a file stands for itself, a folder for the files
 * under it of a known format, compressed or not (sorted, so runs are repeatable), and
 * {@code -} for standard input. A path that does not exist is kept, so reading it reports
 * the problem instead of losing it.
 */
public final class Inputs {

    private final List<PathMatcher> includes;
    private final List<PathMatcher> excludes;

    public Inputs(List<String> includeGlobs, List<String> excludeGlobs) {
        this.includes = includeGlobs.stream().map(Inputs::glob).toList();
        this.excludes = excludeGlobs.stream().map(Inputs::glob).toList();
    }

    public static Inputs defaults() {
        return new Inputs(List.of(), List.of());
    }

    public List<Input> expand(List<String> paths, InputStream stdin) {
        List<Input> inputs = new ArrayList<>();
        for (String arg : paths) {
            if (arg.equals("-")) {
                inputs.add(new Input.StandardInput(stdin));
                continue;
            }
            Path path = Path.of(arg);
            if (Files.isDirectory(path)) {
                inputs.addAll(folder(path));
            } else {
                inputs.add(new Input.FileInput(path));
            }
        }
        return inputs;
    }

    private List<Input> folder(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> selected(root.relativize(p)))
                    .sorted()
                    .<Input>map(Input.FileInput::new)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list folder " + root + ": " + e.getMessage(), e);
        }
    }

    private boolean selected(Path relative) {
        if (excludes.stream().anyMatch(m -> m.matches(relative) || m.matches(relative.getFileName()))) {
            return false;
        }
        if (!includes.isEmpty()) {
            return includes.stream().anyMatch(m -> m.matches(relative) || m.matches(relative.getFileName()));
        }
        return InputFormat.recognised(relative);
    }

    private static PathMatcher glob(String pattern) {
        return FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    }
}
