package org.frametag.cli.report;

import java.util.List;
import java.util.Locale;
import org.frametag.api.Evaluation;
import org.frametag.rules.eval.EvaluationError;
import org.frametag.rules.eval.EvaluationReport;
import org.frametag.rules.eval.RuleStats;
import org.frametag.rules.eval.Scores;

/**
 * The evaluation against gold, as {@code evaluate} computes it: scores per category, and the
 * per-rule statistics as a table sortable by any column, each rule linked to the sentences it tagged.
 */
final class EvaluationView {

    static String render(HtmlReport.Gold gold, Marks marks, Names names) {
        Evaluation evaluation = gold.evaluation();
        EvaluationReport report = evaluation.scores();
        StringBuilder s = new StringBuilder("<section id=\"evaluation\">\n<h2>Evaluation against gold</h2>\n");
        s.append("<p>Micro F1 <strong id=\"micro-f1\">").append(score(report.micro().f1())).append("</strong>: ")
                .append(Html.count(report.micro().fp(), "false positive")).append(", ")
                .append(Html.count(report.micro().fn(), "false negative"))
                .append(". In the documents, <span class=\"tag demo ok\">✓</span> marks a tag gold has, "
                        + "<span class=\"tag demo fp\">✗</span> one it does not, and <span class=\"tag demo fn\">missed</span> "
                        + "a label no rule gave. <a href=\"#documents\" data-show=\"x\">Show only the sentences with errors</a>.</p>\n");
        s.append("<table class=\"scores\"><caption>Scores per category</caption><thead><tr><th scope=\"col\">category</th>"
                + "<th scope=\"col\">precision</th><th scope=\"col\">recall</th><th scope=\"col\">F1</th>"
                + "<th scope=\"col\">tp</th><th scope=\"col\">fp</th><th scope=\"col\">fn</th></tr></thead><tbody>\n");
        report.categories().forEach((category, scores) -> {
            s.append("<tr><th scope=\"row\"><span class=\"swatch k").append(names.category(category)).append("\"></span>")
                    .append(Html.text(category)).append("</th>");
            scores(s, scores);
        });
        s.append("<tr class=\"total\"><th scope=\"row\">micro</th>");
        scores(s, report.micro());
        EvaluationReport.Averages macro = report.macro();
        s.append("<tr class=\"total\"><th scope=\"row\">macro</th><td>").append(score(macro.precision())).append("</td><td>")
                .append(score(macro.recall())).append("</td><td>").append(score(macro.f1()))
                .append("</td><td></td><td></td><td></td></tr>\n</tbody></table>\n");
        rules(s, evaluation.rules(), names);
        notShown(s, evaluation.missing(), marks.unplaced());
        return s.append("</section>\n").toString();
    }

    private static void scores(StringBuilder s, Scores x) {
        s.append("<td>").append(score(x.precision())).append("</td><td>").append(score(x.recall())).append("</td><td>")
                .append(score(x.f1())).append("</td><td>").append(Html.number(x.tp())).append("</td><td>")
                .append(Html.number(x.fp())).append("</td><td>").append(Html.number(x.fn())).append("</td></tr>\n");
    }

    private static final List<String> RULE_COLUMNS = List.of("fired", "right", "wrong", "precision", "coverage",
            "overlaps", "conflicts", "unique");

    private static void rules(StringBuilder s, List<RuleStats> stats, Names names) {
        s.append("<div class=\"wide\" tabindex=\"0\" role=\"region\" aria-label=\"Rules\">"
                + "<table class=\"sortable rules\"><caption>Rules on the labelled sentences: how often each fired, "
                + "rightly and wrongly, and how often another rule gave the same category (overlaps), a different one "
                + "(conflicts) or none (unique). Select a column's heading to sort; a rule's name shows the sentences "
                + "it tagged.</caption>\n<thead><tr><th scope=\"col\"><button type=\"button\">rule</button></th>"
                + "<th scope=\"col\"><button type=\"button\">category</button></th>");
        RULE_COLUMNS.forEach(c -> s.append("<th scope=\"col\" data-num><button type=\"button\">").append(c)
                .append("</button></th>"));
        s.append("</tr></thead><tbody>\n");
        for (RuleStats r : stats) {
            s.append("<tr><th scope=\"row\"><a href=\"#documents\" data-rule=\"").append(names.rule(r.rule())).append("\">")
                    .append(Html.text(r.rule())).append("</a></th><td>");
            if (names.isCategory(r.category())) {
                s.append("<span class=\"swatch k").append(names.category(r.category())).append("\"></span>");
            }
            s.append(Html.text(r.category())).append("</td><td>").append(r.fires()).append("</td><td>").append(r.correct()).append("</td><td>")
                    .append(r.wrong()).append("</td><td>").append(score(r.precision())).append("</td><td>")
                    .append(score(r.coverage())).append("</td><td>").append(r.overlaps()).append("</td><td>")
                    .append(r.conflicts()).append("</td><td>").append(r.unique()).append("</td></tr>\n");
        }
        s.append("</tbody></table></div>\n");
    }

    private static void notShown(StringBuilder s, List<String> missing, List<EvaluationError> unplaced) {
        if (!missing.isEmpty()) {
            s.append("<p class=\"warning\">Gold documents not among the inputs (all their labels count as missed): ");
            for (int i = 0; i < missing.size(); i++) {
                s.append(i == 0 ? "" : ", ").append(Html.text(missing.get(i)));
            }
            s.append(".</p>\n");
        }
        if (unplaced.isEmpty()) {
            return;
        }
        s.append("<details><summary>").append(Html.count(unplaced.size(), "error"))
                .append(" with no classified sentence to mark</summary>\n<ul>\n");
        for (EvaluationError e : unplaced) {
            s.append("<li>").append(e.kind() == EvaluationError.Kind.FALSE_POSITIVE ? "false positive " : "false negative ")
                    .append(Html.text(e.category())).append(" in ").append(Html.text(e.doc()));
            if (e.gold() != null) {
                s.append(' ').append(e.gold().span()).append(": ").append(Html.quoted(e.gold().text()));
            }
            s.append("</li>\n");
        }
        s.append("</ul>\n</details>\n");
    }

    static String score(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private EvaluationView() {
    }
}
