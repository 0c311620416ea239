package org.frametag.rules.eval;

import java.util.Map;

/**
 * Scores per category with micro averages (over all decisions) and macro averages (the mean
 * over categories, so rare categories weigh as much as common ones).
 */
public record EvaluationReport(Map<String, Scores> categories, Scores micro, Averages macro) {

    /** Macro averages carry no counts: they are means of per-category scores. */
    public record Averages(double precision, double recall, double f1) {
    }
}
