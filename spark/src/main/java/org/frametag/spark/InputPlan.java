package org.frametag.spark;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.frametag.core.io.Compression;
import org.frametag.core.io.InputFormat;

/**
 * The job's inputs, listed on the driver as the CLI lists its paths: a file stands for itself, a
 * folder for the files under it that the CLI reads from folders ({@code *.txt}, {@code *.jsonl},
 * {@code *.ndjson}, {@code *.csv}, {@code *.tsv}, each also compressed) and {@code *.parquet}
 * files, sorted, and a path that matches nothing is kept so that reading it reports it. Globs
 * work as in Spark.
 *
 * @param splits  the files the CLI's reader reads, an uncompressed JSON Lines file larger than the
 *                split size in several parts
 * @param parquet Parquet files, which Spark reads and splits itself
 */
record InputPlan(List<Split> splits, List<String> parquet) {

    /** The modification time that marks a path that matches nothing. */
    private static final long MISSING = -1;

    /** Every file of {@code inputs}, each whole; {@code forced} is the format of every input, or null to go by extension. */
    static InputPlan of(List<String> inputs, InputFormatOption forced, Configuration conf) {
        List<Split> splits = new ArrayList<>();
        List<String> parquet = new ArrayList<>();
        for (String input : inputs) {
            for (FileStatus file : list(new Path(input), conf)) {
                String uri = file.getPath().toString();
                InputFormatOption format = forced != null ? forced : InputFormatOption.of(uri);
                boolean compressed = Compression.ofName(file.getPath().getName()).isPresent();
                if (file.getModificationTime() == MISSING) {
                    InputFormat read = format == InputFormatOption.PARQUET ? InputFormat.TEXT : format.format();
                    splits.add(new Split(uri, name(file.getPath()), read, compressed, 0, 0, 0));
                } else if (format == InputFormatOption.PARQUET) {
                    parquet.add(uri);
                } else {
                    splits.add(new Split(uri, name(file.getPath()), format.format(), compressed, 0, file.getLen(), 0));
                }
            }
        }
        return new InputPlan(splits, parquet);
    }

    /** The files {@code path} stands for; a path that matches nothing stands for itself, marked {@link #MISSING}. */
    private static List<FileStatus> list(Path path, Configuration conf) {
        try {
            FileSystem fs = path.getFileSystem(conf);
            FileStatus[] matches = fs.globStatus(path);
            if (matches == null || matches.length == 0) {
                return List.of(new FileStatus(0, false, 0, 0, MISSING, fs.makeQualified(path)));
            }
            List<FileStatus> files = new ArrayList<>();
            for (FileStatus match : matches) {
                if (!match.isDirectory()) {
                    files.add(match);
                    continue;
                }
                List<FileStatus> inFolder = new ArrayList<>();
                RemoteIterator<LocatedFileStatus> walk = fs.listFiles(match.getPath(), true);
                while (walk.hasNext()) {
                    LocatedFileStatus file = walk.next();
                    if (InputFormatOption.inFolder(file.getPath().getName())) {
                        inFolder.add(file);
                    }
                }
                inFolder.sort(Comparator.comparing(f -> f.getPath().toString()));
                files.addAll(inFolder);
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + path + ": " + e.getMessage(), e);
        }
    }

    /** Bytes of the files the CLI's reader reads (compressed bytes for a compressed file). */
    long bytes() {
        return splits.stream().mapToLong(Split::length).sum();
    }

    /**
     * The same inputs with every uncompressed JSON Lines file larger than {@code size} bytes cut
     * into parts of that size. A compressed file, or a JSON Lines file whose first bytes say it
     * is compressed though its name does not, is never cut: it can only be read from its start.
     */
    InputPlan split(long size, Configuration conf) {
        List<Split> parts = new ArrayList<>();
        for (Split file : splits) {
            if (!file.splittable() || file.length() <= size) {
                parts.add(file);
                continue;
            }
            if (startsCompressed(file, conf)) {
                parts.add(new Split(file.uri(), file.name(), file.format(), true, file.start(), file.end(), 0));
                continue;
            }
            for (long start = 0; start < file.end(); start += size) {
                parts.add(new Split(file.uri(), file.name(), file.format(), false, start, Math.min(file.end(), start + size), 0));
            }
        }
        return new InputPlan(parts, parquet);
    }

    /** Whether a file's first bytes are the signature of a compression (the reader will decompress it). */
    private static boolean startsCompressed(Split file, Configuration conf) {
        Path path = new Path(file.uri());
        try (InputStream in = new BufferedInputStream(path.getFileSystem(conf).open(path))) {
            return Compression.detect(in).isPresent();
        } catch (IOException e) {
            return false;   // reading it will report the problem
        }
    }

    /** A local file by its path, as the CLI names files given by absolute path; others by URI. */
    static String name(Path path) {
        return "file".equals(path.toUri().getScheme()) ? path.toUri().getPath() : path.toString();
    }

    /**
     * The splits in groups of about {@code groupSize} bytes, each group read by one task, where
     * every file costs {@code openCost} bytes more (Spark's own rule for many small files).
     */
    List<List<Split>> groups(long groupSize, long openCost) {
        List<List<Split>> groups = new ArrayList<>();
        List<Split> group = new ArrayList<>();
        long size = 0;
        for (Split split : splits) {
            long cost = split.length() + openCost;
            if (!group.isEmpty() && size + cost > groupSize) {
                groups.add(group);
                group = new ArrayList<>();
                size = 0;
            }
            group.add(split);
            size += cost;
        }
        if (!group.isEmpty()) {
            groups.add(group);
        }
        return groups;
    }
}
