package org.frametag.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.frametag.api.Frametag;
import org.frametag.api.TermSuggestion;
import org.frametag.core.io.DocumentReader;
import org.frametag.core.io.Inputs;
import org.frametag.core.io.ReadResult;
import org.frametag.core.text.Document;
import org.frametag.core.text.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code frametag terms suggest LIST}: candidate entries for a term list, so an analyst grows it
 * from the vocabulary of its concept (WordNet) and from what a corpus actually says where a rule
 * nearly fired, and sees what each entry would change before adding it.
 */
@Command(name = "suggest", mixinStandardHelpOptions = true,
        description = {"Suggest entries for the term list LIST (terms/LIST.txt).",
                "Candidates are words WordNet relates to its entries and words that fill its place in corpus "
                        + "sentences where a rule nearly fired, each with its count in the corpus, an example, "
                        + "and the tags it would gain and lose there."})
public final class TermsSuggestCommand implements Callable<Integer> {

    private static final int EXAMPLE_WIDTH = 90;

    @Spec
    CommandSpec spec;

    @Mixin
    RulesOptions rules;

    @Parameters(paramLabel = "LIST", description = "The term list, by its file name without .txt (e.g. election).")
    String list;

    @Option(names = "--corpus", paramLabel = "PATH",
            description = "Documents to count candidates in and to find near misses in (files or folders; repeatable).")
    List<String> corpus = new ArrayList<>();

    @Option(names = {"-n", "--limit"}, paramLabel = "N", defaultValue = "30",
            description = "The most candidates to show (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ReportFormat format;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (limit < 1) {
            throw new CommandFailure("--limit must be at least 1, not " + limit);
        }
        Frametag frametag = rules.load(err);
        List<Document> documents = new ArrayList<>();
        int failed = 0;
        if (!corpus.isEmpty()) {
            DocumentReader reader = DocumentReader.defaults();
            try (Stream<ReadResult> read = reader.read(new Inputs(List.of(), List.of()).expand(corpus, System.in))) {
                for (ReadResult result : (Iterable<ReadResult>) read::iterator) {
                    if (result instanceof ReadResult.Loaded loaded) {
                        documents.add(loaded.document());
                    } else if (result instanceof ReadResult.Failed f) {
                        err.println("frametag: " + f.problem());
                        failed++;
                    }
                }
            }
        }
        List<TermSuggestion> suggestions;
        try {
            suggestions = frametag.suggestTerms(list, documents, limit);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(e.getMessage());
        }
        if (format == ReportFormat.JSONL) {
            ObjectMapper json = new ObjectMapper().disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
            for (TermSuggestion s : suggestions) {
                out.println(json.writeValueAsString(s));
            }
        } else {
            out.print(TerminalText.visible(table(suggestions, !documents.isEmpty())));
        }
        out.flush();
        return failed > 0 ? ExitCode.SOME_DOCUMENTS_FAILED : ExitCode.OK;
    }

    private static String table(List<TermSuggestion> suggestions, boolean counted) {
        StringBuilder text = new StringBuilder();
        int width = suggestions.stream().mapToInt(s -> s.entry().length()).max().orElse(5);
        width = Math.max(width, "entry".length());
        String header = counted ? "%-" + width + "s  %-10s  %5s  %6s  %4s  %s%n" : "%-" + width + "s  %-10s  %s%n";
        text.append(counted
                ? String.format(header, "entry", "source", "count", "gained", "lost", "from / example")
                : String.format(header, "entry", "source", "from"));
        for (TermSuggestion s : suggestions) {
            String source = s.source().name().toLowerCase(Locale.ROOT);
            if (counted) {
                text.append(String.format(header, s.entry(), source, s.count(), "+" + s.gained(), "-" + s.lost(), s.from()));
                if (!s.example().isEmpty()) {
                    text.append(" ".repeat(width + 37)).append(shorten(s.example())).append('\n');
                }
            } else {
                text.append(String.format(header, s.entry(), source, s.from()));
            }
        }
        if (suggestions.isEmpty()) {
            text.append("(no candidates)\n");
        }
        return text.toString();
    }

    private static String shorten(String sentence) {
        String flat = sentence.replaceAll("\\s+", " ").strip();
        return flat.length() <= EXAMPLE_WIDTH ? "\"" + flat + "\"" : "\"" + flat.substring(0, EXAMPLE_WIDTH - 3) + "...\"";
    }
}
