package org.frametag.rules.batch;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.frametag.api.ClassifiedDocument;
import org.frametag.api.SentenceResult;
import org.frametag.core.io.InputProblem;

/** Counts of a run, so every input is accounted for: classified documents, sentences, tags, failures. */
public final class RunSummary {

    private static final int PROBLEMS_SHOWN = 20;

    private final long startNanos = System.nanoTime();
    private final Map<String, Long> tags = new LinkedHashMap<>();
    private final List<InputProblem> problems = new ArrayList<>();
    private long documents;
    private long earlierDocuments;
    private long sentences;
    private long failed;

    public RunSummary(List<String> categories) {
        categories.forEach(c -> tags.put(c, 0L));
    }

    public void add(ClassifiedDocument document) {
        documents++;
        sentences += document.sentences().size();
        for (SentenceResult s : document.sentences()) {
            s.categories().forEach(c -> tags.merge(c, 1L, Long::sum));
        }
    }

    /** Counts the documents an interrupted run already wrote, so a resumed run's summary covers the whole run. */
    public void resumed(ResumePoint earlier) {
        documents += earlier.documents();
        earlierDocuments += earlier.documents();
        sentences += earlier.sentences();
        earlier.tags().forEach((c, n) -> tags.merge(c, n, Long::sum));
    }

    public void add(InputProblem problem) {
        failed++;
        if (problems.size() < PROBLEMS_SHOWN) {
            problems.add(problem);
        }
    }

    /** Documents classified elsewhere (by a Spark job's executors): their number, sentences and tags per category. */
    public void add(long documents, long sentences, Map<String, Long> tags) {
        this.documents += documents;
        this.sentences += sentences;
        tags.forEach((c, n) -> this.tags.merge(c, n, Long::sum));
    }

    /** Failures counted elsewhere: their number, and some of them to show. */
    public void addFailures(long count, List<InputProblem> shown) {
        failed += count;
        shown.stream().limit(PROBLEMS_SHOWN - problems.size()).forEach(problems::add);
    }

    public long documents() {
        return documents;
    }

    public long sentences() {
        return sentences;
    }

    public long failed() {
        return failed;
    }

    public double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Sentences tagged with each category. */
    public Map<String, Long> tags() {
        return tags;
    }

    /** The summary as a JSON-ready map, for {@code --summary FILE}. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("documents", documents);
        m.put("sentences", sentences);
        m.put("failed", failed);
        m.put("tags", tags);
        m.put("elapsed_seconds", Math.round(elapsedSeconds() * 1000) / 1000.0);
        return m;
    }

    /** @param tagCounts whether to list the tags per category (not when the output already did) */
    public void print(PrintWriter err, boolean tagCounts) {
        print(err, tagCounts, "--errors FILE");
    }

    /** @param errorReport where every failure is listed, for the line after the first few */
    public void print(PrintWriter err, boolean tagCounts, String errorReport) {
        err.printf("frametag: %d documents%s, %d sentences classified in %.1f s; %d failed%n", documents,
                earlierDocuments > 0 ? " (" + earlierDocuments + " of them before the resume point)" : "",
                sentences, elapsedSeconds(), failed);
        if (tagCounts) {
            tags.forEach((c, n) -> err.printf("  %-22s %d%n", c, n));
        }
        for (InputProblem p : problems) {
            err.println("  failed: " + p);
        }
        if (failed > problems.size()) {
            err.printf("  ... and %d more (see %s)%n", failed - problems.size(), errorReport);
        }
        err.flush();
    }
}
