package org.frametag.cli.report;

import java.util.List;

/**
 * One colour per category, from Okabe and Ito's palette, which people with any common colour
 * vision deficiency can tell apart. Colour is never the only cue: every tag also carries its
 * category's name. Past seven categories the colours repeat with dashed outlines.
 */
final class Palette {

    /** Colour and the text colour that reads on it. */
    private record Colour(String fill, String ink) {
    }

    private static final List<Colour> COLOURS = List.of(
            new Colour("#0072B2", "#fff"),   // blue
            new Colour("#E69F00", "#000"),   // orange
            new Colour("#009E73", "#000"),   // bluish green
            new Colour("#D55E00", "#000"),   // vermilion
            new Colour("#56B4E9", "#000"),   // sky blue
            new Colour("#CC79A7", "#000"),   // reddish purple
            new Colour("#F0E442", "#000"));  // yellow

    /** The rules giving category {@code i} its colour: class {@code k}i sets {@code --k}, {@code --kt} and {@code --kb}. */
    static String css(int categories) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < categories; i++) {
            Colour c = COLOURS.get(i % COLOURS.size());
            s.append(".k").append(i).append("{--k:").append(c.fill()).append(";--kt:").append(c.ink())
                    .append(";--kb:").append(i < COLOURS.size() ? "solid" : "dashed").append("}\n");
        }
        return s.toString();
    }

    private Palette() {
    }
}
