package org.frametag.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Expands command-line paths into inputs: a file stands for itself, a folder for the files
 * under it of a known format, compressed or not ({@link InputFormat#recognised(Path)}; sorted,
 * so runs are repeatable), and {@code -} for standard input. Symbolic links are followed, on the
 * command line and inside folders, with loops detected. Nothing is dropped: a path that does not
 * exist is kept, so reading it reports the problem, and a folder without matching files, a
 * broken link or a link loop becomes an {@link Input.Unusable} that reading reports.
 *
 * <p>A file found in a folder has the id of its path relative to that folder, without the
 * extension ({@code a/report} for {@code a/report.txt} and {@code a/report.txt.gz}), so files of
 * the same name in different folders differ; a file named on its own has its name, or the path
 * as given when two named files share a name.
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
                List<Input> found = folder(path);
                inputs.addAll(found.isEmpty() ? List.of(new Input.Unusable(arg, nothingFound())) : found);
            } else if (Files.isSymbolicLink(path) && !Files.exists(path)) {
                inputs.add(new Input.Unusable(arg, brokenLink(path)));
            } else {
                inputs.add(new Input.FileInput(path));
            }
        }
        return distinctIds(inputs, paths);
    }

    /** Files named on their own that share a name are told apart by the path as given. */
    private static List<Input> distinctIds(List<Input> inputs, List<String> args) {
        Map<String, Long> named = inputs.stream()
                .filter(i -> i instanceof Input.FileInput f && args.contains(f.path().toString()))
                .collect(Collectors.groupingBy(i -> ((Input.FileInput) i).id(), Collectors.counting()));
        return inputs.stream().map(i -> i instanceof Input.FileInput f && named.getOrDefault(f.id(), 0L) > 1
                && args.contains(f.path().toString()) ? new Input.FileInput(f.path(), withoutExtension(slashes(f.path()))) : i)
                .toList();
    }

    private String nothingFound() {
        return includes.isEmpty() && excludes.isEmpty()
                ? "no documents: the folder holds no " + InputFormat.patterns() + " files, compressed or not"
                : "no documents: no file in the folder matches --include and --exclude";
    }

    private List<Input> folder(Path root) {
        Map<Path, Input> found = new TreeMap<>();
        Function<Path, String> id = file -> withoutExtension(slashes(root.relativize(file)));
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (!selected(root.relativize(file))) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (attributes.isSymbolicLink()) {
                        found.put(file, new Input.Unusable(file.toString(), brokenLink(file)));
                    } else if (attributes.isRegularFile()) {
                        found.put(file, new Input.FileInput(file, id.apply(file)));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    found.put(file, new Input.Unusable(file.toString(), e instanceof FileSystemLoopException
                            ? "symbolic link loop: it leads back to a folder above it, whose files are read once"
                            : "cannot list folder: " + reason(e)));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            return List.of(new Input.Unusable(root.toString(), "cannot list folder: " + reason(e)));
        }
        return List.copyOf(found.values());
    }

    private static String brokenLink(Path link) {
        try {
            return "broken symbolic link: its target " + Files.readSymbolicLink(link) + " does not exist";
        } catch (IOException e) {
            return "broken symbolic link";
        }
    }

    private static String reason(IOException e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
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

    private static String slashes(Path path) {
        return path.toString().replace(path.getFileSystem().getSeparator(), "/");
    }

    /**
     * {@code a/report.txt} as {@code a/report}: the last extension of the file name dropped, after
     * a compression's ({@code a/report.txt.gz} is {@code a/report} too).
     */
    static String withoutExtension(String name) {
        String path = Compression.stripExtension(name);
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        return dot > slash + 1 ? path.substring(0, dot) : path;
    }

    private static PathMatcher glob(String pattern) {
        return FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    }
}
