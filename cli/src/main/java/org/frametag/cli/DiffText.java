package org.frametag.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.frametag.rules.diff.TagChange;

/**
 * Prints tag changes for a person: grouped by category, then by the rules responsible, with
 * counts, each sentence marked fix or regression when gold labels judged it.
 */
final class DiffText {

    private static final int TEXT_WIDTH = 120;

    static String render(List<TagChange> changes, List<String> categoryOrder, boolean judged) {
        if (changes.isEmpty()) {
            return "no tag changed\n";
        }
        Comparator<String> byPackOrder = Comparator.comparingInt((String c) -> {
            int i = categoryOrder.indexOf(c);
            return i < 0 ? Integer.MAX_VALUE : i;
        }).thenComparing(Comparator.naturalOrder());
        Map<String, List<TagChange>> byCategory = new TreeMap<>(byPackOrder);
        changes.forEach(c -> byCategory.computeIfAbsent(c.category(), k -> new ArrayList<>()).add(c));
        StringBuilder s = new StringBuilder();
        byCategory.forEach((category, list) -> {
            s.append(category).append(": ").append(counts(list, judged)).append('\n');
            Map<String, List<TagChange>> byRule = new LinkedHashMap<>();
            list.stream().sorted(Comparator.comparing(TagChange::kind))
                    .forEach(c -> byRule.computeIfAbsent(heading(c), k -> new ArrayList<>()).add(c));
            byRule.forEach((heading, group) -> {
                s.append("  ").append(heading).append(" (").append(group.size()).append(")\n");
                for (TagChange c : group) {
                    s.append("      ");
                    if (judged) {
                        s.append(String.format("%-11s ", c.verdict() == TagChange.Verdict.UNKNOWN ? "-"
                                : c.verdict().name().toLowerCase(Locale.ROOT)));
                    }
                    s.append(c.sentence().doc()).append('#').append(c.sentence().sentence()).append("  ")
                            .append(shorten(c.sentence().text())).append('\n');
                }
            });
        });
        int sentences = (int) changes.stream().map(c -> c.sentence().doc() + "#" + c.sentence().span()).distinct().count();
        s.append("total: ").append(counts(changes, judged)).append(" on ")
                .append(ValidateCommand.count(sentences, "sentence")).append('\n');
        return s.toString();
    }

    private static String heading(TagChange c) {
        String rules = quoted(c.rules());
        return switch (c.kind()) {
            case GAINED -> "+ gained by " + rules;
            case LOST -> "- lost from " + rules;
            case RULES_CHANGED -> "~ now by " + quoted(c.after()) + ", was " + quoted(c.before());
        };
    }

    private static String quoted(Set<String> rules) {
        return rules.stream().sorted().map(r -> "\"" + r + "\"").collect(Collectors.joining(", "));
    }

    static String counts(List<TagChange> changes, boolean judged) {
        long gained = changes.stream().filter(c -> c.kind() == TagChange.Kind.GAINED).count();
        long lost = changes.stream().filter(c -> c.kind() == TagChange.Kind.LOST).count();
        long moved = changes.size() - gained - lost;
        StringBuilder s = new StringBuilder("+" + gained + " -" + lost);
        if (moved > 0) {
            s.append(" ~").append(moved);
        }
        if (judged) {
            long fixes = changes.stream().filter(c -> c.verdict() == TagChange.Verdict.FIX).count();
            long regressions = changes.stream().filter(c -> c.verdict() == TagChange.Verdict.REGRESSION).count();
            s.append(" (").append(ValidateCommand.count((int) fixes, "fix").replace("fixs", "fixes")).append(", ")
                    .append(ValidateCommand.count((int) regressions, "regression")).append(')');
        }
        return s.toString();
    }

    private static String shorten(String text) {
        String line = text.replaceAll("\\s*\\R\\s*", " ");
        return line.length() <= TEXT_WIDTH ? line : line.substring(0, TEXT_WIDTH - 1) + "…";
    }

    private DiffText() {
    }
}
