package org.frametag.seeds.behaviour;

import java.util.List;
import java.util.stream.Stream;

/**
 * The outcome of a run of the suite: every template's results, and the problems that kept
 * templates or lexicons from running (each one a failure of the suite).
 *
 * @param categories the categories, in report order
 * @param templates  the results per template, in file order
 * @param errors     file, line and problem of every template or lexicon that could not run
 */
record SuiteResult(List<String> categories, List<TemplateResult> templates, List<String> errors) {

    SuiteResult {
        categories = List.copyOf(categories);
        templates = List.copyOf(templates);
        errors = List.copyOf(errors);
    }

    PassRate rate(String category, TestType type) {
        return of(category, type)
                .map(t -> new PassRate(t.passed(), t.cases().size()))
                .reduce(new PassRate(0, 0), PassRate::plus);
    }

    /** Templates of one category and type. */
    Stream<TemplateResult> of(String category, TestType type) {
        return templates.stream().filter(t -> t.template().category().equals(category) && t.template().type() == type);
    }

    /** Sentences classified for one category and type, counted once per case and variant. */
    long sentences(String category, TestType type) {
        return of(category, type).mapToLong(t -> t.cases().size() * (long) t.template().variants().size()).sum();
    }
}
