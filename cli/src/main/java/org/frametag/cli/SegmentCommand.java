package org.frametag.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Iterator;
import java.util.concurrent.Callable;
import org.frametag.core.DocumentAnalyzer;
import org.frametag.core.io.ReadResult;
import org.frametag.core.text.AnalyzedDocument;
import org.frametag.core.text.Sentence;
import org.frametag.core.text.TerminalText;
import org.frametag.core.text.Token;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code frametag segment}: sentences and tokens only, no rules. */
@Command(name = "segment", mixinStandardHelpOptions = true,
        description = "Split documents into sentences (and tokens), with exact character offsets.")
public final class SegmentCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions inputs;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ReportFormat format;

    @Option(names = "--tokens", description = "Also print each sentence's tokens.")
    boolean tokens;

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DocumentAnalyzer analyzer = DocumentAnalyzer.news();
        int failed = 0;
        for (Iterator<ReadResult> it = inputs.read().iterator(); it.hasNext(); ) {
            ReadResult result = it.next();
            if (result instanceof ReadResult.Failed f) {
                err.println("frametag: " + f.problem());
                failed++;
                continue;
            }
            AnalyzedDocument document = analyzer.analyze(((ReadResult.Loaded) result).document());
            out.print(format == ReportFormat.JSONL ? jsonl(document) : text(document));
            StandardOutput.check(out);
        }
        return failed > 0 ? ExitCode.SOME_DOCUMENTS_FAILED : ExitCode.OK;
    }

    private String text(AnalyzedDocument document) {
        StringBuilder s = new StringBuilder();
        for (Sentence sentence : document.sentences()) {
            s.append(document.id()).append('#').append(sentence.index())
                    .append(" [").append(sentence.start()).append("..").append(sentence.end()).append(") ")
                    .append(sentence.text().replaceAll("\\s*\\R\\s*", " ")).append('\n');
            if (tokens) {
                s.append("    ");
                sentence.tokens().forEach(t -> s.append(t.text()).append(" | "));
                s.setLength(s.length() - 3);
                s.append('\n');
            }
        }
        return TerminalText.visible(s.toString());
    }

    private String jsonl(AnalyzedDocument document) throws java.io.IOException {
        StringWriter line = new StringWriter();
        try (JsonGenerator g = json.getFactory().createGenerator(line)) {
            g.writeStartObject();
            g.writeStringField("doc", document.id());
            g.writeArrayFieldStart("sentences");
            for (Sentence sentence : document.sentences()) {
                g.writeStartObject();
                g.writeNumberField("start", sentence.start());
                g.writeNumberField("end", sentence.end());
                g.writeStringField("text", sentence.text());
                if (tokens) {
                    g.writeArrayFieldStart("tokens");
                    for (Token t : sentence.tokens()) {
                        g.writeStartObject();
                        g.writeNumberField("start", t.start());
                        g.writeNumberField("end", t.end());
                        g.writeStringField("text", t.text());
                        g.writeStringField("norm", t.norm());
                        g.writeStringField("stem", t.stem());
                        g.writeStringField("kind", t.kind().name());
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return line + "\n";
    }
}
