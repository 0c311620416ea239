package org.frametag.rules.examples;

import java.util.ArrayList;
import java.util.List;
import org.frametag.api.ClassifiedDocument;
import org.frametag.api.Tag;
import org.frametag.core.text.Document;
import org.frametag.rules.engine.Classifier;

/**
 * Runs every rule's examples through the whole pack: an example passes when its own rule tags
 * it (or, for a rule of word senses or exclusions, rules something out in it), a counterexample
 * when its own rule does not. Each example is its own document, so examples cannot influence
 * one another.
 */
public final class ExampleRunner {

    /** The outcome of a run: how many examples ran and which failed. */
    public record Report(int examples, List<ExampleFailure> failures, List<String> rulesWithoutExamples) {

        public Report {
            failures = List.copyOf(failures);
            rulesWithoutExamples = List.copyOf(rulesWithoutExamples);
        }

        public boolean passed() {
            return failures.isEmpty();
        }
    }

    private final Classifier classifier;

    public ExampleRunner(Classifier classifier) {
        this.classifier = classifier;
    }

    /** Every rule's examples, sorted by rule name. */
    public List<RuleExamples> examples() {
        return classifier.examples();
    }

    public Report run() {
        int count = 0;
        List<ExampleFailure> failures = new ArrayList<>();
        List<String> without = new ArrayList<>();
        for (RuleExamples rule : classifier.examples()) {
            if (rule.examples().isEmpty()) {
                without.add(rule.rule());
            }
            for (String example : rule.examples()) {
                count++;
                check(rule.rule(), example, true, failures);
            }
            for (String counter : rule.counterexamples()) {
                count++;
                check(rule.rule(), counter, false, failures);
            }
        }
        return new Report(count, failures, without);
    }

    private void check(String rule, String sentence, boolean shouldTag, List<ExampleFailure> failures) {
        ClassifiedDocument result = classifier.classify(Document.of("example", sentence));
        List<Tag> tags = result.sentences().stream().flatMap(s -> s.tags().stream()).toList();
        boolean tagged = tags.stream().anyMatch(t -> t.rule().equals(rule))
                || result.sentences().stream().flatMap(s -> s.vetoes().stream()).anyMatch(v -> v.rule().equals(rule));
        if (tagged != shouldTag) {
            failures.add(new ExampleFailure(rule, sentence, shouldTag,
                    tags.stream().map(t -> t.rule() + " (" + t.category() + ")").distinct().toList()));
        }
    }
}
