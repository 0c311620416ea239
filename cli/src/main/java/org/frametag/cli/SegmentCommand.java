package org.frametag.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.frametag.api.ClassifiedDocument;
import org.frametag.api.Outcome;
import org.frametag.api.SentenceResult;
import org.frametag.core.DocumentAnalyzer;
import org.frametag.core.text.AnalyzedDocument;
import org.frametag.core.text.Document;
import org.frametag.core.text.Sentence;
import org.frametag.core.text.TerminalText;
import org.frametag.core.text.Token;
import org.frametag.rules.batch.BatchRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code frametag segment}: sentences (and tokens, when asked) only, no rules. Runs on the
 * worker pool and ordered writer of {@code classify}, so the output is the same for any
 * {@code --jobs}, and tokenizes only with {@code --tokens}.
 */
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

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", converter = Positive.IntValue.class,
            description = "Worker threads (default: the number of cores).")
    Integer jobs;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DocumentAnalyzer analyzer = DocumentAnalyzer.news();
        int workers = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        BatchRunner runner = new BatchRunner(document -> segmented(analyzer, document), workers);
        int failed = 0;
        try (BatchedOutput batches = new BatchedOutput(new NonClosingWriter(out), () -> StandardOutput.check(out));
             JsonGenerator json = format == ReportFormat.JSONL ? generator(batches.writer()) : null;
             Stream<Outcome> outcomes = runner.classify(inputs.read(), document -> false)) {
            for (Outcome outcome : (Iterable<Outcome>) outcomes::iterator) {
                if (outcome instanceof Outcome.Failed f) {
                    err.println("frametag: " + f.problem());
                    failed++;
                    continue;
                }
                ClassifiedDocument document = ((Outcome.Classified) outcome).document();
                if (json != null) {
                    batches.write(() -> jsonl(document, json));
                } else {
                    batches.write(() -> batches.writer().write(text(document)));
                }
            }
        }
        return failed > 0 ? ExitCode.SOME_DOCUMENTS_FAILED : ExitCode.OK;
    }

    /** The document's sentences, tokenized only when the tokens are printed, as a document without tags. */
    private ClassifiedDocument segmented(DocumentAnalyzer analyzer, Document document) {
        AnalyzedDocument analyzed = tokens ? analyzer.analyze(document) : analyzer.segment(document);
        List<SentenceResult> sentences = new ArrayList<>(analyzed.sentences().size());
        for (Sentence sentence : analyzed.sentences()) {
            sentences.add(new SentenceResult(sentence, List.of(), List.of(), List.of()));
        }
        return new ClassifiedDocument(document, sentences);
    }

    private String text(ClassifiedDocument document) {
        StringBuilder s = new StringBuilder();
        for (SentenceResult result : document.sentences()) {
            Sentence sentence = result.sentence();
            s.append(document.id()).append('#').append(sentence.index())
                    .append(" [").append(sentence.start()).append("..").append(sentence.end()).append(") ");
            oneLine(sentence.text(), s);
            s.append('\n');
            if (tokens) {
                s.append("    ");
                sentence.tokens().forEach(t -> s.append(t.text()).append(" | "));
                s.setLength(s.length() - 3);
                s.append('\n');
            }
        }
        return TerminalText.visible(s.toString());
    }

    /**
     * Appends {@code text} with each line break and the whitespace around it made one space: what
     * {@code text.replaceAll("\\s*\\R\\s*", " ")} gives, without a regular expression per sentence.
     */
    static void oneLine(String text, StringBuilder out) {
        int n = text.length();
        int copied = 0;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (!isSpace(c) && !isBreak(c)) {
                i++;
                continue;
            }
            int j = i;
            while (j < n && isSpace(text.charAt(j))) {
                j++;
            }
            int end = -1;
            if (j < n && isBreak(text.charAt(j))) {
                end = j + 1;
                while (end < n && isSpace(text.charAt(end))) {
                    end++;
                }
            } else {
                for (int k = i; k < j; k++) {
                    if (isBreak(text.charAt(k))) {
                        end = j;
                        break;
                    }
                }
            }
            if (end < 0) {
                i = Math.max(j, i + 1);
                continue;
            }
            out.append(text, copied, i).append(' ');
            copied = end;
            i = end;
        }
        out.append(text, copied, n);
    }

    /** {@code \s} of a regular expression: ASCII whitespace. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** {@code \R} of a regular expression: a line break ({@code \r\n} is two breaks here, and both are spaces too). */
    private static boolean isBreak(char c) {
        return c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    /** One generator for the whole run, writing straight into the output; each document is flushed into it whole. */
    private static JsonGenerator generator(Writer out) throws IOException {
        JsonGenerator g = new JsonFactory().createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
        g.setRootValueSeparator(null);
        return g;
    }

    private void jsonl(ClassifiedDocument document, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("doc", document.id());
        g.writeArrayFieldStart("sentences");
        for (SentenceResult result : document.sentences()) {
            Sentence sentence = result.sentence();
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
        g.writeRaw('\n');
        g.flush();
    }
}
