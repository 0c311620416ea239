package org.frametag.seeds.behaviour;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs templates against a classifier: fills every template, classifies each distinct sentence
 * once, and checks every test case against its template's expectation. A template that cannot be
 * filled is an error of the run, never a silent pass.
 */
final class BehaviourSuite {

    private final CaseGenerator generator;
    private final SentenceClassifier classifier;

    BehaviourSuite(CaseGenerator generator, SentenceClassifier classifier) {
        this.generator = generator;
        this.classifier = classifier;
    }

    /**
     * Runs {@code templates} of {@code categories}; {@code earlierErrors} (from reading templates and
     * lexicons) are carried into the result.
     */
    SuiteResult run(List<String> categories, List<Template> templates, List<String> earlierErrors) {
        List<String> errors = new ArrayList<>(earlierErrors);
        Map<Template, List<TestCase>> cases = new LinkedHashMap<>();
        for (Template template : templates) {
            try {
                cases.put(template, generator.generate(template));
            } catch (IllegalArgumentException e) {
                String error = template.source() + ": " + e.getMessage();
                if (!errors.contains(error)) {
                    errors.add(error);
                }
            }
        }
        Map<String, Set<String>> tags = cases.values().stream()
                .flatMap(List::stream)
                .flatMap(c -> c.sentences().stream())
                .distinct()
                .parallel()
                .collect(Collectors.toConcurrentMap(Function.identity(), classifier::categories));
        List<TemplateResult> results = new ArrayList<>();
        cases.forEach((template, filled) -> results.add(new TemplateResult(template, filled.stream().map(c -> {
            List<Set<String>> got = c.sentences().stream().map(tags::get).toList();
            return new CaseResult(c, got, template.expectation().holds(template.category(), got));
        }).toList())));
        return new SuiteResult(categories, results, errors);
    }
}
