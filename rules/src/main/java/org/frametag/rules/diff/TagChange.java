package org.frametag.rules.diff;

import java.util.Set;
import org.frametag.rules.diff.TagSnapshot.SentenceTags;

/**
 * How one category changed on one sentence between two runs.
 *
 * @param sentence the sentence (as in the new run when it has it)
 * @param category the category that changed
 * @param kind     gained, lost, or still there but given by other rules
 * @param before   the rules that gave the category before (empty when gained)
 * @param after    the rules that give it now (empty when lost)
 * @param verdict  against gold labels: a fix, a regression, or unknown
 */
public record TagChange(SentenceTags sentence, String category, Kind kind, Set<String> before, Set<String> after,
                        Verdict verdict) {

    public enum Kind { GAINED, LOST, RULES_CHANGED }

    public enum Verdict {
        /** The change agrees with the gold labels. */
        FIX,
        /** The change disagrees with the gold labels. */
        REGRESSION,
        /** No gold label covers the sentence, or the category stayed. */
        UNKNOWN
    }

    public TagChange {
        before = Set.copyOf(before);
        after = Set.copyOf(after);
    }

    /** The rules responsible: the new ones for a gain, the old ones for a loss. */
    public Set<String> rules() {
        return kind == Kind.LOST ? before : after;
    }
}
