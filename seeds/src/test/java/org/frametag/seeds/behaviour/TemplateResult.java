package org.frametag.seeds.behaviour;

import java.util.List;

/** A template with the result of every test case it yielded. */
record TemplateResult(Template template, List<CaseResult> cases) {

    TemplateResult {
        cases = List.copyOf(cases);
    }

    long passed() {
        return cases.stream().filter(CaseResult::passed).count();
    }

    List<CaseResult> failures() {
        return cases.stream().filter(c -> !c.passed()).toList();
    }
}
