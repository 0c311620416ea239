package org.frametag.rules.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kie.api.definition.rule.Rule;

/**
 * The example sentences a rule carries in its metadata: {@code @example("...", "...")} lists
 * sentences the rule must tag, {@code @counterexample("...")} sentences it must not.
 *
 * @param rule            the rule's name
 * @param examples        sentences the rule must tag
 * @param counterexamples sentences the rule must leave alone
 */
public record RuleExamples(String rule, List<String> examples, List<String> counterexamples) {

    public static final String EXAMPLE = "example";
    public static final String COUNTEREXAMPLE = "counterexample";

    public RuleExamples {
        examples = List.copyOf(examples);
        counterexamples = List.copyOf(counterexamples);
    }

    public static RuleExamples of(Rule rule) {
        Map<String, Object> meta = rule.getMetaData();
        return new RuleExamples(rule.getName(), values(meta.get(EXAMPLE)), values(meta.get(COUNTEREXAMPLE)));
    }

    public boolean isEmpty() {
        return examples.isEmpty() && counterexamples.isEmpty();
    }

    /**
     * Drools hands a one-string annotation over unquoted and a several-string one as the raw
     * source text {@code "a", "b"}; both become a list here.
     */
    static List<String> values(Object raw) {
        if (raw == null) {
            return List.of();
        }
        String text = raw.toString().strip();
        if (!text.startsWith("\"")) {
            return text.isEmpty() ? List.of() : List.of(text);
        }
        List<String> values = new ArrayList<>();
        StringBuilder current = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (current == null) {
                if (c == '"') {
                    current = new StringBuilder();
                }
            } else if (c == '\\' && i + 1 < text.length()) {
                current.append(text.charAt(++i));
            } else if (c == '"') {
                values.add(current.toString());
                current = null;
            } else {
                current.append(c);
            }
        }
        return values;
    }
}
