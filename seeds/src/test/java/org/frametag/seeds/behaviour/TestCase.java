package org.frametag.seeds.behaviour;

import java.util.List;

/**
 * One filling of a template: its sentences, one per variant, in the template's order.
 *
 * @param template  the template filled
 * @param sentences the sentences, one per variant
 */
record TestCase(Template template, List<String> sentences) {

    TestCase {
        sentences = List.copyOf(sentences);
    }
}
