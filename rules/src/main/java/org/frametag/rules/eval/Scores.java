package org.frametag.rules.eval;

/**
 * Precision, recall and F1 with the counts behind them. A category that neither gold nor
 * prediction uses scores 1.0: there was nothing to get wrong.
 */
public record Scores(double precision, double recall, double f1, int tp, int fp, int fn) {

    public static Scores of(int tp, int fp, int fn) {
        if (tp + fp + fn == 0) {
            return new Scores(1.0, 1.0, 1.0, 0, 0, 0);
        }
        double p = tp + fp == 0 ? 0.0 : (double) tp / (tp + fp);
        double r = tp + fn == 0 ? 0.0 : (double) tp / (tp + fn);
        double f = p + r == 0 ? 0.0 : 2 * p * r / (p + r);
        return new Scores(p, r, f, tp, fp, fn);
    }
}
