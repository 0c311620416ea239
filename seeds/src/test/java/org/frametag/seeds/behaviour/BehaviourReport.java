package org.frametag.seeds.behaviour;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The suite's results for people: a markdown table of pass rates per category and test type, the
 * suite's size, and a listing of every failing template with example sentences and the tags
 * they got, for whoever fixes the rules.
 */
final class BehaviourReport {

    private BehaviourReport() {
    }

    /** Pass rates per category and type, with the thresholds, as a markdown table. */
    static String passRates(SuiteResult result, Thresholds thresholds) {
        StringBuilder out = new StringBuilder();
        out.append("| category | MFT | INV | DIR |\n| --- | ---: | ---: | ---: |\n");
        PassRate[] totals = {new PassRate(0, 0), new PassRate(0, 0), new PassRate(0, 0)};
        for (String category : result.categories()) {
            out.append("| ").append(category);
            for (TestType type : TestType.values()) {
                PassRate rate = result.rate(category, type);
                totals[type.ordinal()] = totals[type.ordinal()].plus(rate);
                out.append(" | ").append(cell(rate, thresholds.of(category, type)));
            }
            out.append(" |\n");
        }
        out.append("| **all**");
        for (PassRate total : totals) {
            out.append(" | ").append(cell(total, OptionalDouble.empty()));
        }
        return out.append(" |\n").toString();
    }

    private static String cell(PassRate rate, OptionalDouble threshold) {
        String cell = String.format(Locale.ROOT, "%.1f%% (%d/%d)", 100 * rate.value(), rate.passed(), rate.total());
        return threshold.isPresent() ? cell + String.format(Locale.ROOT, ", min %.2f", threshold.getAsDouble()) : cell;
    }

    /** Templates and sentences per category and type, as a markdown table. */
    static String shape(SuiteResult result) {
        StringBuilder out = new StringBuilder();
        out.append("| category | templates (MFT/INV/DIR) | sentences MFT | sentences INV | sentences DIR | sentences |\n");
        out.append("| --- | ---: | ---: | ---: | ---: | ---: |\n");
        long[] all = new long[4];
        for (String category : result.categories()) {
            long[] templates = new long[3];
            long[] sentences = new long[3];
            for (TestType type : TestType.values()) {
                templates[type.ordinal()] = result.of(category, type).count();
                sentences[type.ordinal()] = result.sentences(category, type);
                all[type.ordinal()] += sentences[type.ordinal()];
            }
            long sum = sentences[0] + sentences[1] + sentences[2];
            all[3] += sum;
            out.append(String.format(Locale.ROOT, "| %s | %d/%d/%d | %d | %d | %d | %d |%n", category,
                    templates[0], templates[1], templates[2], sentences[0], sentences[1], sentences[2], sum));
        }
        out.append(String.format(Locale.ROOT, "| **all** | %d | %d | %d | %d | %d |%n",
                result.templates().size(), all[0], all[1], all[2], all[3]));
        return out.toString();
    }

    /** The whole report as a markdown page. */
    static String markdown(SuiteResult result, Thresholds thresholds) {
        StringBuilder out = new StringBuilder("# Behaviour tests\n\n");
        out.append("Pass rates per category and test type: cases passed of cases run, and the threshold "
                + "from `thresholds.properties`.\n\n");
        out.append(passRates(result, thresholds)).append('\n');
        out.append("## Size\n\nA sentence is counted once per test case and variant; identical sentences are "
                + "classified once.\n\n");
        out.append(shape(result)).append('\n');
        List<String> violations = thresholds.violations(result);
        if (!result.errors().isEmpty() || !violations.isEmpty()) {
            out.append("## Problems\n\n");
            result.errors().forEach(e -> out.append("- ").append(e).append('\n'));
            violations.forEach(v -> out.append("- ").append(v).append('\n'));
            out.append('\n');
        }
        out.append("## Failing templates\n\n");
        out.append(failingTemplates(result).stream()
                .map(t -> String.format(Locale.ROOT, "- `%s` %s %s %s: %d of %d failed%n", t.template().source(),
                        t.template().category(), t.template().type(), t.template().expectation(), t.failures().size(),
                        t.cases().size()))
                .collect(Collectors.joining()));
        return out.toString();
    }

    /** Templates with at least one failing case: by category, type and share failed, worst first. */
    static List<TemplateResult> failingTemplates(SuiteResult result) {
        return result.templates().stream()
                .filter(t -> !t.failures().isEmpty())
                .sorted(Comparator.<TemplateResult>comparingInt(t -> result.categories().indexOf(t.template().category()))
                        .thenComparing(t -> t.template().type())
                        .thenComparing(t -> -(double) t.failures().size() / t.cases().size()))
                .toList();
    }

    /**
     * Every failing template with up to {@code examples} failing cases: each sentence with the
     * categories it got.
     */
    static String failures(SuiteResult result, int examples) {
        List<TemplateResult> failing = failingTemplates(result);
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Behaviour tests: %d of %d templates have failing cases.%n",
                failing.size(), result.templates().size()));
        out.append("Each: category, test type and expectation, where the template is, what it tests, the template, "
                + "how many cases failed, and examples with the categories each sentence got.\n");
        for (String error : result.errors()) {
            out.append("ERROR ").append(error).append('\n');
        }
        for (TemplateResult t : failing) {
            Template template = t.template();
            out.append('\n').append(String.format(Locale.ROOT, "%s %s %s  %s%s%n", template.category(), template.type(),
                    template.expectation(), template.source(),
                    template.capability().isEmpty() ? "" : "  (" + template.capability() + ")"));
            for (SentencePattern variant : template.variants()) {
                out.append("  template: ").append(variant.text()).append('\n');
            }
            out.append(String.format(Locale.ROOT, "  failed %d of %d cases%n", t.failures().size(), t.cases().size()));
            for (CaseResult failure : spread(t.failures(), examples)) {
                for (int v = 0; v < failure.tags().size(); v++) {
                    out.append(v == 0 ? "  - " : "    ").append(failure.testCase().sentences().get(v))
                            .append("  -> ").append(show(failure.tags().get(v))).append('\n');
                }
            }
        }
        return out.toString();
    }

    /** Up to {@code count} items spread over {@code items}, so examples show its variety, not its first fillings. */
    static <T> List<T> spread(List<T> items, int count) {
        if (items.size() <= count) {
            return items;
        }
        return IntStream.range(0, count).mapToObj(i -> items.get(i * items.size() / count)).toList();
    }

    private static String show(Set<String> categories) {
        return categories.isEmpty() ? "[]" : categories.stream().sorted().collect(Collectors.joining(", ", "[", "]"));
    }
}
