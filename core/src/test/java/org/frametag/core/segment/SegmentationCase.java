package org.frametag.core.segment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One line of {@code segmentation/cases.tsv}: a category and a text with its expected
 * sentence boundaries marked by {@code ||}.
 */
record SegmentationCase(int line, String category, String input, List<String> expected) {

    static final String RESOURCE = "segmentation/cases.tsv";

    @Override
    public String toString() {
        return line + " " + category + ": " + input.replace("\n", "\\n").replace("\r", "\\r");
    }

    static List<SegmentationCase> load() throws IOException {
        String file;
        try (InputStream in = SegmentationCase.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("missing test resource " + RESOURCE);
            }
            file = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<SegmentationCase> cases = new ArrayList<>();
        String[] lines = file.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            String marked = line.substring(tab + 1).replace("\\n", "\n").replace("\\r", "\r");
            List<String> expected = Arrays.stream(marked.split("\\|\\|", -1))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .toList();
            cases.add(new SegmentationCase(n + 1, line.substring(0, tab), marked.replace("||", ""), expected));
        }
        return cases;
    }
}
