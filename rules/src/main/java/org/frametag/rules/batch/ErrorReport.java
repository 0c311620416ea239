package org.frametag.rules.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.frametag.core.io.InputProblem;

/** The JSON Lines report of documents that failed: {@code doc}, {@code path}, {@code line}, {@code reason}. */
public final class ErrorReport implements AutoCloseable {

    private final Writer out;

    /**
     * The mapper, made on first use: a run with no failed document, nearly every run, never makes
     * one, and making Jackson's first mapper set up its date format and the locale data behind it,
     * which kept a short run's main thread busy for 0.1-0.25 s before its first document.
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private ErrorReport(Writer out) {
        this.out = out;
    }

    /**
     * A report written to {@code file}, or one that writes nothing when {@code file} is null. A
     * resumed batch rewrites its report too: the documents that failed before the resume point are
     * not in the output, so they are read and fail again.
     */
    public static ErrorReport open(Path file) throws IOException {
        return new ErrorReport(file == null ? null : Files.newBufferedWriter(file, StandardCharsets.UTF_8));
    }

    /** A report written to {@code out}, which it closes when closed. */
    public static ErrorReport to(Writer out) {
        return new ErrorReport(out);
    }

    public void add(InputProblem problem) throws IOException {
        if (out == null) {
            return;
        }
        out.write(line(problem));
        out.write('\n');
        out.flush();
    }

    /** One failed document as a line of the report, without its line break (the Spark job writes the same). */
    public static String line(InputProblem problem) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("doc", problem.doc());
        record.put("path", problem.path());
        record.put("line", problem.line());
        record.put("reason", problem.reason());
        try {
            return Json.MAPPER.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write the error report line of " + problem, e);
        }
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
        }
    }
}
