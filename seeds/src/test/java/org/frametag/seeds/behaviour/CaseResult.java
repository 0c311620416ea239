package org.frametag.seeds.behaviour;

import java.util.List;
import java.util.Set;

/**
 * A test case with the categories each of its sentences got, and whether they meet its template's
 * expectation.
 */
record CaseResult(TestCase testCase, List<Set<String>> tags, boolean passed) {

    CaseResult {
        tags = tags.stream().map(Set::copyOf).toList();
    }
}
