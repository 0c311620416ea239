package org.frametag.cli.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.frametag.api.ClassifiedDocument;
import org.frametag.api.Evaluation;
import org.frametag.core.io.InputProblem;
import org.frametag.rules.diff.TagChange;
import org.frametag.rules.eval.GoldSentence;

/**
 * The tags of a corpus as one self-contained HTML page for analysts: an overview with charts,
 * every document with its tagged sentences highlighted, filters and search; with gold labels the
 * errors in place and per-rule statistics, with a baseline pack what a rule change gained and
 * lost. Styles and script are inline and the page's content security policy allows no network
 * access and no script but its own, so the file opens anywhere, offline.
 */
public final class HtmlReport {

    /** Documents shown per page; the rest wait, unrendered, for the pager or a filter. */
    static final int PAGE_SIZE = 20;

    private static final String CSS = resource("report.css");
    private static final String SCRIPT = resource("report.js");

    /**
     * What the report shows.
     *
     * @param title      the report's heading
     * @param about      what the report is of, shown under the heading: the pack, the inputs
     * @param categories the pack's categories, in its order
     * @param rules      the pack's rule names, in its order
     * @param documents  the classified documents, in input order
     * @param failures   the documents that could not be read or classified
     * @param gold       gold labels and the evaluation against them, if any
     * @param baseline   the changes since a baseline pack, if any
     */
    public record Contents(String title, List<String> about, List<String> categories, List<String> rules,
                           List<ClassifiedDocument> documents, List<InputProblem> failures, Optional<Gold> gold,
                           Optional<Baseline> baseline) {

        public Contents {
            Objects.requireNonNull(title, "title");
            about = List.copyOf(about);
            categories = List.copyOf(categories);
            rules = List.copyOf(rules);
            documents = List.copyOf(documents);
            failures = List.copyOf(failures);
        }
    }

    /** Gold labels and the evaluation of the documents against them. */
    public record Gold(List<GoldSentence> sentences, Evaluation evaluation) {
        public Gold {
            sentences = List.copyOf(sentences);
        }
    }

    /** What changed since a baseline pack, named {@code name}. */
    public record Baseline(String name, List<TagChange> changes) {
        public Baseline {
            changes = List.copyOf(changes);
        }
    }

    private HtmlReport() {
    }

    /** Writes the report of {@code contents} to {@code out}. */
    public static void write(Contents contents, Writer out) throws IOException {
        Names names = Names.of(contents);
        Marks marks = Marks.of(contents);
        out.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        out.write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
                + "script-src '" + sha256(SCRIPT) + "'\">\n");
        out.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        out.write("<meta name=\"generator\" content=\"frametag\">\n");
        out.write("<title>" + Html.text(contents.title()) + "</title>\n");
        out.write("<style>\n" + CSS + Palette.css(names.categories().size()) + "</style>\n");
        out.write("<noscript><style>.doc[hidden]{display:block}.js{display:none}</style></noscript>\n");
        out.write("</head>\n<body>\n<a class=\"skip\" href=\"#documents\">Skip to the documents</a>\n");
        out.write("<header>\n<h1>" + Html.text(contents.title()) + "</h1>\n<p class=\"about\">"
                + contents.about().stream().map(Html::text).collect(Collectors.joining(" · "))
                + "</p>\n<nav aria-label=\"Sections\"><a href=\"#overview\">Overview</a>");
        if (contents.gold().isPresent()) {
            out.write(" <a href=\"#evaluation\">Evaluation</a>");
        }
        if (contents.baseline().isPresent()) {
            out.write(" <a href=\"#changes\">Changes</a>");
        }
        out.write(" <a href=\"#documents\">Documents</a></nav>\n</header>\n<main>\n");
        out.write(Overview.render(contents, names));
        if (contents.gold().isPresent()) {
            out.write(EvaluationView.render(contents.gold().get(), marks, names));
        }
        if (contents.baseline().isPresent()) {
            out.write(ChangesView.render(contents.baseline().get(), contents, names));
        }
        out.write(Filters.render(contents, names));
        DocumentView view = new DocumentView(names, marks);
        List<ClassifiedDocument> documents = contents.documents();
        for (int i = 0; i < documents.size(); i++) {
            out.write(view.render(i, documents.get(i), i >= PAGE_SIZE));
        }
        out.write("</div>\n<nav class=\"pager js\" aria-label=\"Pages, again\"></nav>\n</section>\n</main>\n");
        out.write("<script>" + SCRIPT + "</script>\n</body>\n</html>\n");
    }

    /** The page's one script, as the content security policy names it. */
    static String sha256(String script) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    static String script() {
        return SCRIPT;
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
