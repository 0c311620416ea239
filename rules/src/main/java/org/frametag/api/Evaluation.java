package org.frametag.api;

import java.util.List;
import org.frametag.rules.eval.EvaluationError;
import org.frametag.rules.eval.EvaluationReport;
import org.frametag.rules.eval.RuleStats;

/**
 * Tags scored against gold labels.
 *
 * @param scores  precision, recall and F1 per category, micro and macro
 * @param rules   per-rule statistics: fires, right and wrong, overlaps and conflicts with other rules
 * @param errors  every false positive and false negative with the rules involved, in document order
 * @param missing gold documents that were not among the classified ones (all their labels count as missed)
 */
public record Evaluation(EvaluationReport scores, List<RuleStats> rules, List<EvaluationError> errors, List<String> missing) {

    public Evaluation {
        rules = List.copyOf(rules);
        errors = List.copyOf(errors);
        missing = List.copyOf(missing);
    }
}
