package org.frametag.cli.report;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.frametag.api.ClassifiedDocument;
import org.frametag.api.SentenceResult;
import org.frametag.api.Tag;

/**
 * The head of the documents section: the legend, which is also the category filter, the rule
 * filter, what to show, and the search box. The page's script applies them; without it every
 * document is shown and the controls are hidden.
 */
final class Filters {

    static String render(HtmlReport.Contents contents, Names names) {
        Map<String, Long> categories = new HashMap<>();
        Map<String, Long> rules = new HashMap<>();
        for (ClassifiedDocument d : contents.documents()) {
            for (SentenceResult s : d.sentences()) {
                s.categories().forEach(c -> categories.merge(c, 1L, Long::sum));
                Set<String> by = new TreeSet<>();
                s.tags().stream().map(Tag::rule).forEach(by::add);
                by.forEach(r -> rules.merge(r, 1L, Long::sum));
            }
        }
        contents.gold().ifPresent(g -> g.evaluation().rules().forEach(r -> rules.putIfAbsent(r.rule(), 0L)));
        contents.baseline().ifPresent(b -> b.changes().forEach(c -> c.before().forEach(r -> rules.putIfAbsent(r, 0L))));
        StringBuilder s = new StringBuilder("<section id=\"documents\">\n<h2>Documents</h2>\n");
        s.append("<form id=\"filters\" class=\"controls js\" role=\"search\" aria-label=\"Filter the sentences\">\n");
        s.append("<fieldset class=\"legend\"><legend>Categories: check some to show only their sentences</legend>\n");
        for (String c : names.categories()) {
            int k = names.category(c);
            s.append("<label class=\"k").append(k).append("\"><input type=\"checkbox\" name=\"c\" value=\"").append(k)
                    .append("\"><span class=\"swatch\"></span>").append(Html.text(c)).append(" <span class=\"count\">")
                    .append(Html.number(categories.getOrDefault(c, 0L))).append("</span></label>\n");
        }
        s.append("</fieldset>\n<div class=\"row\"><label>Rule <select name=\"rule\"><option value=\"\">any rule</option>");
        for (String r : names.rules()) {
            if (rules.containsKey(r)) {
                s.append("<option value=\"").append(names.rule(r)).append("\">").append(Html.text(r)).append(" (")
                        .append(Html.number(rules.get(r))).append(")</option>");
            }
        }
        s.append("</select></label>\n<label>Show <select name=\"show\">");
        option(s, "all", "all sentences");
        option(s, "t", "tagged sentences");
        if (contents.gold().isPresent()) {
            option(s, "x", "false positives and negatives");
        }
        if (contents.baseline().isPresent()) {
            option(s, "g", "changes since the baseline");
        }
        s.append("</select></label>\n<label>Search <input type=\"search\" name=\"q\" placeholder=\"words in a sentence ( / )\" "
                + "autocomplete=\"off\"></label>\n<button type=\"button\" class=\"clear\">Clear filters</button></div>\n"
                + "<p id=\"status\" role=\"status\"></p>\n</form>\n<nav class=\"pager js\" aria-label=\"Pages\"></nav>\n");
        return s.append("<div id=\"docs\">\n").toString();
    }

    private static void option(StringBuilder s, String value, String label) {
        s.append("<option value=\"").append(value).append("\">").append(label).append("</option>");
    }

    private Filters() {
    }
}
