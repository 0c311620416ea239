package org.frametag.cli.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.frametag.api.ClassifiedDocument;
import org.frametag.api.SentenceResult;
import org.frametag.api.Tag;
import org.frametag.core.text.Span;
import org.frametag.rules.diff.TagChange;

/**
 * One document of the report: its sentences in order, each tagged one highlighted in its first
 * category's colour, the evidence words underlined, a labelled chip per category whose tip (on
 * hover or focus) names the rules and evidence, and the marks of gold and baseline.
 *
 * <p>Elements carry numbers the page's script filters on: {@code data-c} the categories a
 * sentence is about (tagged, missed or lost), {@code data-r} the rules that gave or lost them,
 * {@code data-f} flags ({@code t} tagged, {@code x} a gold error, {@code g} changed); a
 * document carries the union of its sentences'.
 */
final class DocumentView {

    private final Names names;
    private final Marks marks;
    private final ObjectMapper json = new ObjectMapper();

    DocumentView(Names names, Marks marks) {
        this.names = names;
        this.marks = marks;
    }

    /** The document at {@code position} in the input, hidden until the pager shows it when {@code hidden}. */
    String render(int position, ClassifiedDocument document, boolean hidden) {
        Set<String> categories = new TreeSet<>();
        Set<String> rules = new TreeSet<>();
        Set<String> flags = new TreeSet<>();
        StringBuilder sentences = new StringBuilder();
        int tagged = 0;
        for (SentenceResult s : document.sentences()) {
            Marks.Sentence m = marks.of(document, s);
            Set<String> about = about(s, m);
            Set<String> by = rules(s, m);
            String f = flags(s, m);
            categories.addAll(about);
            rules.addAll(by);
            flags.addAll(words(f));
            tagged += s.tags().isEmpty() ? 0 : 1;
            sentence(sentences, position, document, s, m, about, by, f);
        }
        StringBuilder h = new StringBuilder("<section class=\"doc\" id=\"d").append(position).append("\" data-n=\"")
                .append(document.sentences().size()).append('"');
        data(h, "c", names.categoryList(categories));
        data(h, "r", names.ruleList(rules));
        data(h, "f", String.join(" ", flags));
        h.append(hidden ? " hidden>" : ">");
        h.append("<h3>").append(Html.text(document.id())).append("</h3>\n<p class=\"meta\">");
        document.document().date().ifPresent(d -> h.append("<time>").append(d).append("</time> · "));
        h.append(Html.count(document.sentences().size(), "sentence")).append(", ").append(tagged).append(" tagged</p>\n");
        fields(h, document.document().fields());
        h.append("<div class=\"sents\">\n").append(sentences).append("</div>\n</section>\n");
        return h.toString();
    }

    private static List<String> words(String list) {
        return list.isEmpty() ? List.of() : List.of(list.split(" "));
    }

    private static Set<String> about(SentenceResult s, Marks.Sentence m) {
        Set<String> about = new TreeSet<>(s.categories());
        about.addAll(m.falseNegatives());
        m.changes().forEach(c -> about.add(c.category()));
        return about;
    }

    private static Set<String> rules(SentenceResult s, Marks.Sentence m) {
        Set<String> rules = new TreeSet<>();
        s.tags().forEach(t -> rules.add(t.rule()));
        m.changes().forEach(c -> rules.addAll(c.before()));
        return rules;
    }

    private static String flags(SentenceResult s, Marks.Sentence m) {
        List<String> flags = new ArrayList<>();
        if (!s.tags().isEmpty()) {
            flags.add("t");
        }
        if (m.hasError()) {
            flags.add("x");
        }
        if (!m.changes().isEmpty()) {
            flags.add("g");
        }
        return String.join(" ", flags);
    }

    private void sentence(StringBuilder h, int doc, ClassifiedDocument document, SentenceResult s, Marks.Sentence m,
                          Set<String> about, Set<String> rules, String flags) {
        int index = s.sentence().index();
        String id = "d" + doc + "-s" + index;
        List<String> categories = names.inCategoryOrder(s.categories());
        h.append("<p class=\"s");
        if (!categories.isEmpty()) {
            h.append(" tagged k").append(names.category(categories.get(0)));
        }
        h.append("\" id=\"").append(id).append('"');
        data(h, "c", names.categoryList(about));
        data(h, "r", names.ruleList(rules));
        data(h, "f", flags);
        h.append("><a class=\"n\" href=\"#").append(id).append("\">").append(index).append("</a> <span class=\"t\">");
        evidence(h, document.document().text(), s.sentence().span(), s.tags());
        h.append("</span>");
        if (!about.isEmpty()) {
            h.append(" <span class=\"tags\">");
            for (String category : categories) {
                chip(h, doc, document.document().text(), category, s, m);
            }
            for (String category : names.inCategoryOrder(m.falseNegatives())) {
                h.append("<span class=\"tag k").append(names.category(category)).append(" fn\" tabindex=\"0\">missed ")
                        .append(Html.text(category)).append(tip("gold has " + Html.text(category)
                                + "; no rule tagged this sentence with it (a false negative)")).append("</span>");
            }
            for (TagChange c : m.changes()) {
                if (c.kind() == TagChange.Kind.LOST) {
                    h.append("<span class=\"tag k").append(names.category(c.category())).append(" lost\" tabindex=\"0\">− ")
                            .append(Html.text(c.category())).append(verdict(c))
                            .append(tip("lost since the baseline; it was given by " + quoted(c.before()) + verdictTip(c)))
                            .append("</span>");
                }
            }
            h.append("</span>");
        }
        h.append("</p>\n");
    }

    /** The sentence's text with each piece of evidence underlined in the colour of its first category. */
    private void evidence(StringBuilder h, String text, Span sentence, List<Tag> tags) {
        record Piece(int start, int end, int category) {
        }
        TreeSet<Integer> cuts = new TreeSet<>();
        List<Piece> pieces = new ArrayList<>();
        for (Tag t : tags) {
            for (Span e : t.evidence()) {
                int start = Math.max(e.start(), sentence.start());
                int end = Math.min(e.end(), sentence.end());
                if (start < end) {
                    pieces.add(new Piece(start, end, names.category(t.category())));
                    cuts.add(start);
                    cuts.add(end);
                }
            }
        }
        if (pieces.isEmpty()) {
            h.append(Html.text(sentence.coveredText(text)));
            return;
        }
        cuts.add(sentence.start());
        cuts.add(sentence.end());
        Integer from = null;
        for (int to : cuts) {
            if (from != null) {
                int a = from;
                Set<Integer> over = new TreeSet<>();
                pieces.stream().filter(p -> p.start() <= a && a < p.end()).forEach(p -> over.add(p.category()));
                String piece = Html.text(text.substring(a, to));
                if (over.isEmpty()) {
                    h.append(piece);
                } else {
                    h.append("<u class=\"ev k").append(over.iterator().next()).append(over.size() > 1 ? " multi" : "")
                            .append("\">").append(piece).append("</u>");
                }
            }
            from = to;
        }
    }

    /** A category's chip: its name with the marks of gold and baseline; a tip with its rules and evidence. */
    private void chip(StringBuilder h, int doc, String text, String category, SentenceResult s, Marks.Sentence m) {
        List<Tag> tags = s.tags().stream().filter(t -> t.category().equals(category)).toList();
        TagChange change = m.changes().stream().filter(c -> c.category().equals(category)).findFirst().orElse(null);
        boolean falsePositive = m.falsePositives().contains(category);
        StringBuilder classes = new StringBuilder("tag k").append(names.category(category));
        StringBuilder label = new StringBuilder();
        List<String> tip = new ArrayList<>();
        for (Tag t : tags) {
            StringBuilder line = new StringBuilder("rule ").append(Html.quoted(t.rule()));
            t.contextSentence().ifPresent(n -> line.append(" · carried over from sentence ").append(n));
            if (!t.evidence().isEmpty()) {
                line.append(" · evidence: ").append(t.evidence().stream()
                        .map(e -> Html.quoted(e.coveredText(text))).distinct().collect(Collectors.joining(", ")));
            }
            tip.add(line.toString());
        }
        if (m.judged()) {
            classes.append(falsePositive ? " fp" : " ok");
            label.append(falsePositive ? "✗ " : "✓ ");
            tip.add(falsePositive ? "gold does not have " + Html.text(category) + " (a false positive)"
                    : "gold has " + Html.text(category));
        }
        if (change != null) {
            boolean gained = change.kind() == TagChange.Kind.GAINED;
            classes.append(gained ? " gained" : " moved");
            label.append(gained ? "+ " : "~ ");
            tip.add((gained ? "gained since the baseline" : "given by other rules than in the baseline, by "
                    + quoted(change.before())) + verdictTip(change));
        }
        label.append(Html.text(category));
        if (change != null) {
            label.append(verdict(change));
        }
        OptionalInt context = tags.stream().map(Tag::contextSentence).filter(OptionalInt::isPresent).findFirst()
                .orElse(OptionalInt.empty());
        if (context.isPresent()) {
            h.append("<a class=\"").append(classes).append(" ctx\" href=\"#d").append(doc).append("-s")
                    .append(context.getAsInt()).append("\">↩ ").append(label).append(tip(String.join("<br>", tip)))
                    .append("</a>");
        } else {
            h.append("<span class=\"").append(classes).append("\" tabindex=\"0\">").append(label)
                    .append(tip(String.join("<br>", tip))).append("</span>");
        }
    }

    private static String tip(String html) {
        return "<span class=\"tip\" role=\"tooltip\">" + html + "</span>";
    }

    private static String verdict(TagChange c) {
        return switch (c.verdict()) {
            case FIX -> " (fix)";
            case REGRESSION -> " (regression)";
            case UNKNOWN -> "";
        };
    }

    private static String verdictTip(TagChange c) {
        return switch (c.verdict()) {
            case FIX -> ": a fix, gold agrees";
            case REGRESSION -> ": a regression, gold disagrees";
            case UNKNOWN -> "";
        };
    }

    static String quoted(Set<String> rules) {
        return rules.stream().sorted().map(Html::quoted).collect(Collectors.joining(", "));
    }

    /** The document's other metadata; web addresses become links, anything else stays text. */
    private void fields(StringBuilder h, Map<String, Object> fields) {
        Map<String, Object> shown = new TreeMap<>(fields);
        shown.remove("date");
        if (shown.isEmpty()) {
            return;
        }
        h.append("<dl class=\"fields\">");
        shown.forEach((key, value) -> {
            h.append("<dt>").append(Html.text(key)).append("</dt><dd>");
            String v = value instanceof String string ? string : json(value);
            if (isWebAddress(v)) {
                h.append("<a href=\"").append(Html.text(v)).append("\" rel=\"noopener noreferrer\">").append(Html.text(v))
                        .append("</a>");
            } else {
                h.append(Html.text(v));
            }
            h.append("</dd>");
        });
        h.append("</dl>\n");
    }

    private String json(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    /** Only http and https addresses become links: never {@code javascript:} or {@code data:}. */
    static boolean isWebAddress(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            return uri.getHost() != null && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static void data(StringBuilder h, String name, String value) {
        if (!value.isEmpty()) {
            h.append(" data-").append(name).append("=\"").append(value).append('"');
        }
    }
}
