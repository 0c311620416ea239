package org.frametag.cli.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.frametag.api.ClassifiedDocument;
import org.frametag.api.SentenceResult;
import org.frametag.core.io.InputProblem;
import org.frametag.rules.batch.RunSummary;

/** The report's first section: the counts of the run, sentences per category, and categories over time. */
final class Overview {

    static String render(HtmlReport.Contents contents, Names names) {
        List<String> categories = names.categories();
        RunSummary summary = new RunSummary(categories);
        long tagged = 0;
        for (ClassifiedDocument d : contents.documents()) {
            summary.add(d);
            tagged += d.sentences().stream().filter(s -> !s.tags().isEmpty()).count();
        }
        StringBuilder s = new StringBuilder("<section id=\"overview\">\n<h2>Overview</h2>\n<dl class=\"counts\">");
        count(s, "documents", "documents", summary.documents());
        count(s, "sentences", "sentences", summary.sentences());
        count(s, "tagged", "tagged sentences", tagged);
        if (!contents.failures().isEmpty()) {
            count(s, "failed", "documents that failed", contents.failures().size());
        }
        s.append("</dl>\n<figure>\n<figcaption>Sentences tagged with each category</figcaption>\n");
        long[] values = categories.stream().mapToLong(c -> summary.tags().getOrDefault(c, 0L)).toArray();
        s.append(Charts.bars("bars", "Sentences tagged with each category", categories, names, values)).append("</figure>\n");
        overTime(s, contents.documents(), categories, names);
        failures(s, contents.failures());
        return s.append("</section>\n").toString();
    }

    private static void count(StringBuilder s, String id, String label, long n) {
        s.append("<div><dt>").append(label).append("</dt><dd id=\"n-").append(id).append("\">").append(Html.number(n))
                .append("</dd></div>");
    }

    private static void overTime(StringBuilder s, List<ClassifiedDocument> documents, List<String> categories, Names names) {
        List<ClassifiedDocument> dated = documents.stream().filter(d -> d.document().date().isPresent()).toList();
        if (dated.isEmpty()) {
            s.append("<p class=\"note\">No document has a date, so there is no chart of categories over time.</p>\n");
            return;
        }
        LocalDate first = dated.stream().map(d -> d.document().date().get()).min(LocalDate::compareTo).get();
        LocalDate last = dated.stream().map(d -> d.document().date().get()).max(LocalDate::compareTo).get();
        Charts.Period period = Charts.Period.covering(first, last);
        TreeMap<LocalDate, long[]> counts = new TreeMap<>();
        for (ClassifiedDocument d : dated) {
            long[] row = counts.computeIfAbsent(period.start(d.document().date().get()), p -> new long[categories.size()]);
            for (SentenceResult sentence : d.sentences()) {
                sentence.categories().forEach(c -> row[categories.indexOf(c)]++);
            }
        }
        String which = Html.number(dated.size()) + " of " + Html.count(documents.size(), "document")
                + (dated.size() == 1 ? " has" : " have") + " a date";
        if (counts.size() == 1) {
            s.append("<p class=\"note\">").append(which).append(", all ").append(period.label(first))
                    .append(", so there is no chart of categories over time.</p>\n");
            return;
        }
        s.append("<figure>\n<figcaption>Sentences tagged with each category, by ")
                .append(period.name().toLowerCase(Locale.ROOT)).append(" (").append(which).append(")</figcaption>\n");
        s.append(Charts.overTime(period, counts, categories, names));
        s.append("<ul class=\"legend\">");
        for (String c : categories) {
            s.append("<li><span class=\"swatch k").append(names.category(c)).append("\"></span>").append(Html.text(c))
                    .append("</li>");
        }
        s.append("</ul>\n<details><summary>The numbers</summary>\n<table><thead><tr><th scope=\"col\">")
                .append(period.name().toLowerCase(Locale.ROOT)).append("</th>");
        categories.forEach(c -> s.append("<th scope=\"col\">").append(Html.text(c)).append("</th>"));
        s.append("</tr></thead><tbody>\n");
        counts.forEach((start, row) -> {
            s.append("<tr><th scope=\"row\">").append(period.label(start)).append("</th>");
            for (long v : row) {
                s.append("<td>").append(Html.number(v)).append("</td>");
            }
            s.append("</tr>\n");
        });
        s.append("</tbody></table>\n</details>\n</figure>\n");
    }

    private static void failures(StringBuilder s, List<InputProblem> failures) {
        if (failures.isEmpty()) {
            return;
        }
        s.append("<details class=\"failures\"><summary>").append(Html.count(failures.size(), "document"))
                .append(" could not be read or classified</summary>\n<ul>\n");
        for (InputProblem p : failures) {
            s.append("<li>").append(Html.text(p.toString())).append("</li>\n");
        }
        s.append("</ul>\n</details>\n");
    }

    private Overview() {
    }
}
