package org.frametag.rules.format;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.frametag.api.ClassifiedDocument;
import org.frametag.api.SentenceResult;
import org.frametag.api.Tag;
import org.frametag.core.text.Span;
import org.frametag.core.text.TerminalText;

/**
 * For people: each tagged sentence with its categories and rules, the evidence words marked
 * (in colour on a terminal, in brackets otherwise), and the count per category at the end.
 * Control characters in the text are shown as escapes, never sent to the terminal.
 */
public final class TextResultWriter implements ResultWriter {

    private static final String BOLD_YELLOW = "\u001B[1;33m";
    private static final String CYAN = "\u001B[36m";
    private static final String DIM = "\u001B[2m";
    private static final String RESET = "\u001B[0m";
    private static final Pattern LINE_BREAK = Pattern.compile("\\s*\\R\\s*");

    private final Writer out;
    private final boolean colour;
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private int sentences;

    public TextResultWriter(Writer out, List<String> categories, boolean colour) {
        this.out = out;
        this.colour = colour;
        categories.forEach(c -> counts.put(c, 0));
    }

    @Override
    public void write(ClassifiedDocument document) throws IOException {
        String text = document.document().text();
        StringBuilder block = new StringBuilder();
        for (SentenceResult s : document.sentences()) {
            sentences++;
            if (s.tags().isEmpty()) {
                continue;
            }
            s.categories().forEach(c -> counts.merge(c, 1, Integer::sum));
            block.append(paint(DIM, document.id() + " #" + s.sentence().index()))
                    .append("  ").append(paint(CYAN, String.join(", ", s.categories()))).append('\n');
            block.append("  ").append(marked(text, s)).append('\n');
            for (Tag tag : s.tags()) {
                block.append("  ").append(paint(DIM, "- " + tag.category() + " by \"" + tag.rule() + "\""
                        + (tag.isContext() ? " (context from #" + tag.contextSentence().getAsInt() + ")" : "")))
                        .append('\n');
            }
            block.append('\n');
        }
        out.write(block.toString());
    }

    private String marked(String text, SentenceResult s) {
        TreeSet<Span> evidence = new TreeSet<>();
        s.tags().forEach(t -> evidence.addAll(t.evidence()));
        StringBuilder line = new StringBuilder();
        int at = s.sentence().start();
        for (Span e : merge(evidence)) {
            if (e.start() < at) {
                continue;
            }
            line.append(shown(text.substring(at, e.start())));
            line.append(colour ? BOLD_YELLOW + shown(e.coveredText(text)) + RESET : "[" + shown(e.coveredText(text)) + "]");
            at = e.end();
        }
        line.append(shown(text.substring(at, s.sentence().end())));
        return line.toString();
    }

    /** Text of a document on one line, its control characters shown as escapes. */
    private static String shown(String s) {
        return TerminalText.visible(LINE_BREAK.matcher(s).replaceAll(" "));
    }

    private static List<Span> merge(TreeSet<Span> spans) {
        java.util.ArrayList<Span> merged = new java.util.ArrayList<>();
        for (Span s : spans) {
            if (!merged.isEmpty() && merged.get(merged.size() - 1).end() >= s.start()) {
                Span last = merged.remove(merged.size() - 1);
                merged.add(new Span(last.start(), Math.max(last.end(), s.end())));
            } else {
                merged.add(s);
            }
        }
        return merged;
    }

    private String paint(String style, String s) {
        return colour ? style + shown(s) + RESET : shown(s);
    }

    @Override
    public void close() throws IOException {
        StringBuilder summary = new StringBuilder("Sentences: ").append(sentences).append('\n');
        counts.forEach((category, n) -> summary.append(String.format("  %-22s %d%n", category, n)));
        out.write(summary.toString());
        out.flush();
    }
}
