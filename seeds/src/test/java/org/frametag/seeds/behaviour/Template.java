package org.frametag.seeds.behaviour;

import java.util.List;

/**
 * One line of a template file: a test of one category that expands into many test cases.
 *
 * @param source      file and line, for reports
 * @param capability  the heading ({@code ## ...}) the line stands under, or "" before any
 * @param expectation what the sentences' tags must be; it fixes the test type
 * @param category    the category tested
 * @param variants    the sentence templates of a case: one (MFT), the original and the changed
 *                    one (DIR), or two or more (INV)
 * @param samples     the most test cases to draw from the template's fillings
 */
record Template(String source, String capability, Expectation expectation, String category,
                List<SentencePattern> variants, int samples) {

    Template {
        variants = List.copyOf(variants);
    }

    TestType type() {
        return expectation.type();
    }

    /** The variants as written, joined for display. */
    String text() {
        return String.join("  =>  ", variants.stream().map(SentencePattern::text).toList());
    }
}
