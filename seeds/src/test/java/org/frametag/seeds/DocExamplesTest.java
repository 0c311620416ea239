package org.frametag.seeds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.frametag.cli.Main;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The command outputs the README and the analyst's guide quote are real: each block marked
 * {@code <!-- output checked by DocExamplesTest -->} starts with {@code $ frametag ARGS} (optionally
 * piped through {@code head -N} or {@code grep [-A N] 'RE'}) and holds exactly what that command
 * prints, run in a folder set up as the guide says. The outputs follow the bundled pack, so a pack
 * change that moves a line number or a count fails here; run with {@code -Dframetag.refreshDocs=true}
 * to write the new outputs into the documents, then read the diff.
 */
class DocExamplesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path README = ROOT.resolve("README.md");
    private static final Path WORKFLOW = ROOT.resolve("docs/analyst-workflow.md");
    private static final String MARKER = "<!-- output checked by DocExamplesTest";
    private static final Pattern SHELL_WORD = Pattern.compile("'([^']*)'|\"([^\"]*)\"|(\\S+)");
    private static final boolean REFRESH = Boolean.getBoolean("frametag.refreshDocs");
    /** What each command printed, so blocks that filter the same command's output run it once. */
    private static final Map<List<String>, String> RUNS = new HashMap<>();
    /** How long a run of {@code watch} took: compared as any time. */
    private static final Pattern TIMES = Pattern.compile("\\(\\d+\\.\\d+ s\\)");

    /** The analyst's working folder: the exported packs, the edited one, the README's sample file. */
    @TempDir
    static Path work;

    @BeforeAll
    static void setUpAsTheGuideSays() throws IOException {
        run("rules", "export", work.resolve("my-pack").toString());
        run("rules", "export", work.resolve("baseline-pack").toString());
        Files.writeString(work.resolve("my-pack/terms/sovereignty.txt"), String.join("\n", addedTerms()) + "\n",
                StandardOpenOption.APPEND);
        Files.writeString(work.resolve("vote.txt"), "Officials warned of meddling in the vote.\n");
    }

    /** The lines step 2 of the guide adds to the sovereignty term list. */
    private static List<String> addedTerms() throws IOException {
        String guide = Files.readString(WORKFLOW);
        int at = guide.indexOf("<!-- appended to my-pack/terms/sovereignty.txt -->\n```\n");
        assertThat(at).as("the guide's step 2 names the lines it adds").isNotNegative();
        int start = guide.indexOf("```\n", at) + 4;
        return guide.substring(start, guide.indexOf("```", start)).lines().toList();
    }

    @Test
    void theReadmeWalkThroughMakesTheGuidesEdit() throws IOException {
        String edit = "printf '" + String.join("\\n", addedTerms()) + "\\n' >> my-pack/terms/sovereignty.txt";

        assertThat(Files.readString(README)).contains("./frametag rules export my-pack ", "./frametag rules export baseline-pack ", edit);
    }

    @Test
    void theGuideQuotesRealOutput() throws IOException {
        List<String> outputs = check(WORKFLOW);

        assertThat(String.join("\n", outputs))
                .as("the guide's edit should still break a counterexample and cause a regression; if the pack changed"
                        + " so that it does not, pick other words for step 2 (and the README's walk-through)")
                .contains("FAIL ", "counterexample tagged: ", "regression  ");
    }

    @Test
    void theReadmeQuotesRealOutput() throws IOException {
        assertThat(check(README)).isNotEmpty();
    }

    /** Runs every marked block of {@code document} and compares (or, refreshing, rewrites) its output; returns the outputs. */
    private static List<String> check(Path document) throws IOException {
        String text = Files.readString(document);
        StringBuilder refreshed = new StringBuilder();
        List<String> outputs = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        int from = 0;
        for (int at = text.indexOf(MARKER); at >= 0; at = text.indexOf(MARKER, at + 1)) {
            int fence = text.indexOf("```\n", text.indexOf("-->", at));
            String indent = text.substring(text.lastIndexOf('\n', fence) + 1, fence);
            int open = fence + 4;
            int close = text.indexOf(indent + "```\n", open);
            String block = text.substring(open, close).replace("\n" + indent, "\n").substring(indent.length());
            String command = block.lines().findFirst().orElse("");
            assertThat(command).as("a checked block starts with the command").startsWith("$ frametag ");
            String options = text.substring(at, text.indexOf("-->", at));
            String args = command.substring("$ frametag ".length());
            String expected = command + "\n" + (options.contains(": watch") ? watch(args) : output(args, options.contains("json wrapped")));
            outputs.add(expected);
            if (!TIMES.matcher(expected).replaceAll("(t s)").equals(TIMES.matcher(block).replaceAll("(t s)"))) {
                stale.add("expected:\n" + expected + "\nbut the document shows:\n" + block);
            }
            refreshed.append(text, from, open).append(expected.indent(indent.length()));
            from = close;
        }
        refreshed.append(text.substring(from));
        if (REFRESH) {
            Files.writeString(document, refreshed.toString());
        } else {
            assertThat(stale).as(document.getFileName() + " quotes output that the commands no longer print;"
                    + " refresh it with -Dframetag.refreshDocs=true and read the diff").isEmpty();
        }
        return outputs;
    }

    /** What {@code frametag COMMAND [| filter]} prints in the working folder, paths as the user typed them. */
    private static String output(String commandLine, boolean wrapped) {
        String[] pipeline = commandLine.split(" \\| ");
        List<String> args = words(pipeline[0]).stream().map(DocExamplesTest::located).toList();
        if (pipeline[0].startsWith("rules export ")) {
            args = words(pipeline[0]).stream().map(w -> w.startsWith("rules") || w.equals("export") ? w
                    : work.resolve("fresh").resolve(w).toString()).toList();
        }
        List<String> lines = RUNS.computeIfAbsent(args, a -> run(a.toArray(String[]::new))).lines().toList();
        for (int i = 1; i < pipeline.length; i++) {
            lines = filter(words(pipeline[i]), lines);
        }
        if (wrapped) {
            lines = lines.stream().map(DocExamplesTest::wrapped).toList();
        }
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }

    /**
     * What {@code watch} prints as the guide tells it: a first run on the pack as exported, then
     * the save of step 2's edit, then a save that leaves a rule unfinished.
     */
    private static String watch(String args) throws IOException {
        Path folder = work.resolve("watch");
        Path pack = folder.resolve("my-pack");
        run("rules", "export", pack.toString());
        List<String> command = new ArrayList<>(words(args).stream()
                .map(w -> w.equals("my-pack") ? pack.toString() : located(w)).toList());
        command.addAll(List.of("--max-changes", "2"));
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        Thread watching = new Thread(() -> cli.execute(command.toArray(String[]::new)));
        watching.start();
        try {
            await(out, "(Ctrl-C to stop)");
            Files.writeString(pack.resolve("terms/sovereignty.txt"), String.join("\n", addedTerms()) + "\n", StandardOpenOption.APPEND);
            await(out, "== run 2 ==");
            Pattern finished = Pattern.compile("== run 2 ==.*\\(\\d+\\.\\d+ s\\)", Pattern.DOTALL);
            while (!finished.matcher(out.toString()).find()) {
                await(out, "== run 2 ==");
            }
            Files.writeString(pack.resolve("sovereignty.drl"), "\nrule \"unfinished\" when $s : Sentence( then end\n",
                    StandardOpenOption.APPEND);
            watching.join(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertThat(watching.isAlive()).as("watch ends after two changes").isFalse();
        return out.toString().replace(folder + "/", "").replace(work + "/", "").replace(ROOT + "/", "");
    }

    private static void await(StringWriter out, String text) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!out.toString().contains(text)) {
            assertThat(System.nanoTime()).as("waiting for watch to print " + text + "; it printed:\n" + out).isLessThan(deadline);
            Thread.sleep(20);
        }
        Thread.sleep(20);
    }

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.execute(args);
        return (out.toString() + err).replace(work.resolve("fresh") + "/", "").replace(work + "/", "").replace(ROOT + "/", "");
    }

    private static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        Matcher m = SHELL_WORD.matcher(command);
        while (m.find()) {
            words.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
        }
        return words;
    }

    /** A path of the guide, in the working folder (packs, samples) or in the repository (seeds). */
    private static String located(String word) {
        if (word.matches("(my-pack|baseline-pack|vote\\.txt)(/.*)?")) {
            return work.resolve(word).toString();
        }
        return word.startsWith("seeds/") ? ROOT.resolve(word).toString() : word;
    }

    /** {@code head -N} or {@code grep [-A N] [-E] 'RE'}, as the shell would apply them. */
    private static List<String> filter(List<String> filter, List<String> lines) {
        if (filter.get(0).equals("head")) {
            return lines.subList(0, Math.min(lines.size(), Integer.parseInt(filter.get(1).substring(1))));
        }
        assertThat(filter.get(0)).as("a filter of a checked block").isEqualTo("grep");
        int after = filter.contains("-A") ? Integer.parseInt(filter.get(filter.indexOf("-A") + 1)) : 0;
        Pattern pattern = Pattern.compile(filter.get(filter.size() - 1));
        List<String> kept = new ArrayList<>();
        int until = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (pattern.matcher(lines.get(i)).find()) {
                if (after > 0 && !kept.isEmpty() && i > until + 1) {
                    kept.add("--");
                }
                until = Math.max(until, i + after);
            }
            if (i <= until) {
                kept.add(lines.get(i));
            }
        }
        return kept;
    }

    /** A JSON Lines record wrapped for reading: the sentence on one line, then each tag on its own. */
    private static String wrapped(String jsonLine) {
        try {
            ObjectMapper json = new ObjectMapper();
            ObjectNode record = (ObjectNode) json.readTree(jsonLine);
            JsonNode tags = record.remove("tags");
            StringBuilder s = new StringBuilder(json.writeValueAsString(record));
            s.setLength(s.length() - 1);
            s.append(",\n \"tags\":[");
            for (int i = 0; i < tags.size(); i++) {
                s.append(i == 0 ? "" : ",\n         ").append(json.writeValueAsString(tags.get(i)));
            }
            return s.append("]}").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
