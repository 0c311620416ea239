package org.frametag.cli.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.frametag.rules.diff.TagChange;

/**
 * What {@code diff} shows, to look at: per category the sentences that gained or lost it since the
 * baseline pack, grouped by the rules responsible, each linked to its sentence in the documents.
 */
final class ChangesView {

    private static final int TEXT_WIDTH = 140;

    static String render(HtmlReport.Baseline baseline, HtmlReport.Contents contents, Names names) {
        List<TagChange> changes = baseline.changes();
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < contents.documents().size(); i++) {
            positions.putIfAbsent(contents.documents().get(i).id(), i);
        }
        boolean judged = contents.gold().isPresent();
        StringBuilder s = new StringBuilder("<section id=\"changes\">\n<h2>Changes since the baseline</h2>\n<p>Baseline: ")
                .append(Html.text(baseline.name())).append(". ");
        long sentences = changes.stream().map(c -> c.sentence().doc() + "#" + c.sentence().sentence()).distinct().count();
        s.append(counts(changes, judged)).append(" on <span id=\"n-changed\">").append(Html.count(sentences, "sentence"))
                .append("</span>. In the documents, <span class=\"tag demo gained\">+</span> marks a category gained, "
                        + "<span class=\"tag demo lost\">−</span> one lost, and <span class=\"tag demo moved\">~</span> one "
                        + "now given by other rules. <a href=\"#documents\" data-show=\"g\">Show only the changed sentences</a>.</p>\n");
        if (changes.isEmpty()) {
            return s.append("<p>No tag changed.</p>\n</section>\n").toString();
        }
        Map<String, List<TagChange>> byCategory = new LinkedHashMap<>();
        names.inCategoryOrder(changes.stream().map(TagChange::category).distinct().toList())
                .forEach(c -> byCategory.put(c, new ArrayList<>()));
        changes.forEach(c -> byCategory.get(c.category()).add(c));
        byCategory.forEach((category, list) -> {
            s.append("<details class=\"change\"><summary><span class=\"swatch k").append(names.category(category))
                    .append("\"></span>").append(Html.text(category)).append(": ").append(counts(list, judged))
                    .append("</summary>\n");
            Map<String, List<TagChange>> byRules = new LinkedHashMap<>();
            list.stream().sorted(Comparator.comparing(TagChange::kind))
                    .forEach(c -> byRules.computeIfAbsent(heading(c), k -> new ArrayList<>()).add(c));
            byRules.forEach((heading, group) -> {
                s.append("<h3>").append(heading).append(" (").append(group.size()).append(")</h3>\n<ul>\n");
                for (TagChange c : group) {
                    Integer doc = positions.get(c.sentence().doc());
                    String place = Html.text(c.sentence().doc()) + " #" + c.sentence().sentence();
                    s.append("<li>");
                    if (doc == null) {
                        s.append(place);
                    } else {
                        s.append("<a href=\"#d").append(doc).append("-s").append(c.sentence().sentence()).append("\">")
                                .append(place).append("</a>");
                    }
                    switch (c.verdict()) {
                        case FIX -> s.append(" <strong class=\"fix\">fix</strong>");
                        case REGRESSION -> s.append(" <strong class=\"regression\">regression</strong>");
                        case UNKNOWN -> { }
                    }
                    s.append(" ").append(Html.text(shorten(c.sentence().text()))).append("</li>\n");
                }
                s.append("</ul>\n");
            });
            s.append("</details>\n");
        });
        return s.append("</section>\n").toString();
    }

    private static String heading(TagChange c) {
        return switch (c.kind()) {
            case GAINED -> "+ gained by " + DocumentView.quoted(c.after());
            case LOST -> "− lost from " + DocumentView.quoted(c.before());
            case RULES_CHANGED -> "~ now by " + DocumentView.quoted(c.after()) + ", was " + DocumentView.quoted(c.before());
        };
    }

    private static String counts(List<TagChange> changes, boolean judged) {
        long gained = changes.stream().filter(c -> c.kind() == TagChange.Kind.GAINED).count();
        long lost = changes.stream().filter(c -> c.kind() == TagChange.Kind.LOST).count();
        long moved = changes.size() - gained - lost;
        StringBuilder s = new StringBuilder("+").append(gained).append(" gained, −").append(lost).append(" lost");
        if (moved > 0) {
            s.append(", ~").append(moved).append(" by other rules");
        }
        if (judged) {
            long fixes = changes.stream().filter(c -> c.verdict() == TagChange.Verdict.FIX).count();
            long regressions = changes.stream().filter(c -> c.verdict() == TagChange.Verdict.REGRESSION).count();
            s.append(" (").append(fixes).append(fixes == 1 ? " fix, " : " fixes, ").append(Html.count(regressions, "regression"))
                    .append(')');
        }
        return s.toString();
    }

    private static String shorten(String text) {
        String line = text.replaceAll("\\s+", " ");
        return line.length() <= TEXT_WIDTH ? line : line.substring(0, TEXT_WIDTH - 1) + "…";
    }

    private ChangesView() {
    }
}
