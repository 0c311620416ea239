package org.frametag.api;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One rule held against one sentence: whether it fired and, for the concepts its conditions
 * name, which the sentence mentions and which it does not. A rule that saw all its concepts and
 * still did not fire failed on another condition (a distance, an order, an exclusion).
 *
 * @param rule    the rule
 * @param fired   whether it fired on the sentence: tagged it, or ruled a category or a word out there
 * @param seen    its concepts the sentence mentions, in the rule's order
 * @param missing its concepts the sentence does not mention, in the rule's order
 */
public record RuleCheck(RuleInfo rule, boolean fired, Set<String> seen, Set<String> missing) {

    public RuleCheck {
        seen = Collections.unmodifiableSet(new LinkedHashSet<>(seen));
        missing = Collections.unmodifiableSet(new LinkedHashSet<>(missing));
    }
}
