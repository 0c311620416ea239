package org.frametag.seeds.behaviour;

import java.util.List;
import java.util.Set;

/**
 * What a template expects of the tags of its sentences. Each belongs to one test type, and fixes
 * how many sentence variants a test case of that type has.
 */
enum Expectation {

    /** MFT: the sentence carries the category. */
    TAG(TestType.MFT),

    /** MFT: the sentence does not carry the category. */
    NOT(TestType.MFT),

    /**
     * INV: every variant carries exactly the same set of categories. The whole set, not only the
     * template's category: a change that keeps the meaning may not change any tag.
     */
    SAME(TestType.INV),

    /** DIR: the original and the changed sentence both carry the category. */
    KEEP(TestType.DIR),

    /** DIR: the original carries the category and the changed sentence does not. */
    REMOVE(TestType.DIR),

    /** DIR: the original does not carry the category and the changed sentence does. */
    ADD(TestType.DIR);

    private final TestType type;

    Expectation(TestType type) {
        this.type = type;
    }

    TestType type() {
        return type;
    }

    /** Whether {@code variants} sentence templates suit this expectation. */
    boolean accepts(int variants) {
        return switch (type) {
            case MFT -> variants == 1;
            case INV -> variants >= 2;
            case DIR -> variants == 2;
        };
    }

    /** A description of the variants this expectation needs, for error messages. */
    String variantsNeeded() {
        return switch (type) {
            case MFT -> "one sentence template";
            case INV -> "two or more sentence templates";
            case DIR -> "two sentence templates (the original and the changed one)";
        };
    }

    /**
     * Whether the tags of a test case's sentences, in the order of its variants, meet this
     * expectation for {@code category}.
     */
    boolean holds(String category, List<Set<String>> tags) {
        return switch (this) {
            case TAG -> tags.get(0).contains(category);
            case NOT -> !tags.get(0).contains(category);
            case SAME -> tags.stream().distinct().count() == 1;
            case KEEP -> tags.get(0).contains(category) && tags.get(1).contains(category);
            case REMOVE -> tags.get(0).contains(category) && !tags.get(1).contains(category);
            case ADD -> !tags.get(0).contains(category) && tags.get(1).contains(category);
        };
    }
}
