package org.frametag.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.frametag.api.ClassifiedDocument;
import org.frametag.api.SentenceResult;
import org.frametag.core.text.Span;
import org.frametag.rules.eval.EvaluationError;
import org.frametag.rules.eval.RuleStats;

/** The per-rule table and the error list of {@code evaluate}, as text and as JSON values. */
final class EvaluationText {

    static String rules(List<RuleStats> stats) {
        int width = Math.max(4, stats.stream().mapToInt(s -> s.rule().length() + 2).max().orElse(4));
        String format = "%-" + width + "s %-22s %5s %7s %5s %9s %8s %8s %9s %6s%n";
        StringBuilder s = new StringBuilder("\n");
        s.append(String.format(format, "rule", "category", "fires", "correct", "wrong", "precision", "coverage",
                "overlaps", "conflicts", "unique"));
        for (RuleStats r : stats) {
            s.append(String.format(Locale.ROOT, format, "\"" + r.rule() + "\"", r.category(), r.fires(), r.correct(), r.wrong(),
                    String.format(Locale.ROOT, "%.3f", r.precision()), String.format(Locale.ROOT, "%.3f", r.coverage()),
                    r.overlaps(), r.conflicts(), r.unique()));
        }
        return s.toString();
    }

    static String errors(List<EvaluationError> errors, List<ClassifiedDocument> documents) {
        StringBuilder s = new StringBuilder();
        for (EvaluationError.Kind kind : EvaluationError.Kind.values()) {
            List<EvaluationError> list = errors.stream().filter(e -> e.kind() == kind).toList();
            s.append('\n').append(kind == EvaluationError.Kind.FALSE_POSITIVE ? "false positives" : "false negatives")
                    .append(" (").append(list.size()).append("):\n");
            for (EvaluationError e : list) {
                s.append("  ").append(e.category()).append("  ").append(place(e));
                if (kind == EvaluationError.Kind.FALSE_POSITIVE) {
                    s.append("  tagged by ").append(quoted(e.rules()));
                } else {
                    s.append("  no rule tagged it").append(e.rules().isEmpty() ? "" : "; other tags by " + quoted(e.rules()));
                    String seen = concepts(e, documents);
                    s.append("; concepts seen: ").append(seen.isEmpty() ? "none" : seen);
                }
                s.append('\n');
                if (!e.text().isEmpty()) {
                    s.append("      ").append(e.text().replaceAll("\\s*\\R\\s*", " ")).append('\n');
                }
            }
        }
        return s.toString();
    }

    private static String place(EvaluationError e) {
        return e.gold() == null ? e.doc() + " (a tagged sentence no gold sentence covers)"
                : e.doc() + " " + e.gold().span();
    }

    private static String quoted(List<String> rules) {
        return rules.stream().map(r -> "\"" + r + "\"").collect(Collectors.joining(", "));
    }

    /** The concepts the rules saw in the predicted sentences that overlap the gold sentence. */
    private static String concepts(EvaluationError e, List<ClassifiedDocument> documents) {
        if (e.gold() == null) {
            return "";
        }
        Span span = e.gold().span();
        List<String> seen = new ArrayList<>();
        documents.stream().filter(d -> d.id().equals(e.doc())).flatMap(d -> d.sentences().stream())
                .filter(s -> s.sentence().span().overlap(span) > 0)
                .map(SentenceResult::mentions).flatMap(List::stream)
                .map(m -> m.concept() + " \"" + m.text().replaceAll("\\s+", " ") + "\"")
                .distinct().forEach(seen::add);
        return String.join(", ", seen);
    }

    static List<Map<String, Object>> rulesJson(List<RuleStats> stats) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RuleStats r : stats) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", r.rule());
            m.put("category", r.category());
            m.put("fires", r.fires());
            m.put("correct", r.correct());
            m.put("wrong", r.wrong());
            m.put("precision", EvaluateCommand.round(r.precision()));
            m.put("coverage", EvaluateCommand.round(r.coverage()));
            m.put("overlaps", r.overlaps());
            m.put("conflicts", r.conflicts());
            m.put("unique", r.unique());
            rows.add(m);
        }
        return rows;
    }

    static Map<String, Object> errorsJson(List<EvaluationError> errors) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (EvaluationError.Kind kind : EvaluationError.Kind.values()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (EvaluationError e : errors) {
                if (e.kind() != kind) {
                    continue;
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("doc", e.doc());
                m.put("start", e.gold() == null ? null : e.gold().span().start());
                m.put("end", e.gold() == null ? null : e.gold().span().end());
                m.put("text", e.text());
                m.put("category", e.category());
                m.put("rules", e.rules());
                rows.add(m);
            }
            out.put(kind == EvaluationError.Kind.FALSE_POSITIVE ? "false_positives" : "false_negatives", rows);
        }
        return out;
    }

    private EvaluationText() {
    }
}
