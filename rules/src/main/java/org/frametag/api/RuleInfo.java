package org.frametag.api;

import java.util.List;

/**
 * A rule of the pack as an analyst reads it: where it is written, what it tags, the concepts it
 * names and the sentences it must and must not tag.
 *
 * @param name            the rule's name, as tags report it
 * @param categories      the categories it tags by a literal, in source order (empty when it
 *                        computes them)
 * @param file            the DRL file, as a path inside the pack
 * @param line            the line of its {@code rule} keyword
 * @param concepts        the concepts its conditions compare with, in source order
 * @param examples        sentences it must tag ({@code @example})
 * @param counterexamples sentences it must leave alone ({@code @counterexample})
 */
public record RuleInfo(String name, List<String> categories, String file, int line, List<String> concepts,
                       List<String> examples, List<String> counterexamples) {

    public RuleInfo {
        categories = List.copyOf(categories);
        concepts = List.copyOf(concepts);
        examples = List.copyOf(examples);
        counterexamples = List.copyOf(counterexamples);
    }

    /** {@code file:line}, the form editors link to. */
    public String place() {
        return file + ":" + line;
    }
}
