package org.frametag.api;

/**
 * A rule that failed on one document: it looped past the firing limit, tagged an unknown
 * category, or threw. Only that document is lost; the batch goes on.
 */
public final class RuleFailure extends RuntimeException {

    private final String rule;

    public RuleFailure(String rule, String message, Throwable cause) {
        super(message, cause);
        this.rule = rule;
    }

    /** The rule to blame, or {@code null} when no single rule is. */
    public String rule() {
        return rule;
    }
}
