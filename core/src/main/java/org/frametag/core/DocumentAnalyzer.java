package org.frametag.core;

import java.util.ArrayList;
import java.util.List;
import org.frametag.core.segment.NewsSentenceSegmenter;
import org.frametag.core.segment.SentenceSegmenter;
import org.frametag.core.text.AnalyzedDocument;
import org.frametag.core.text.Document;
import org.frametag.core.text.Sentence;
import org.frametag.core.text.Span;
import org.frametag.core.token.NewsTokenizer;
import org.frametag.core.token.Tokenizer;

/** Turns a document into sentences and tokens. Stateless and safe to share between threads. */
public final class DocumentAnalyzer {

    private final SentenceSegmenter segmenter;
    private final Tokenizer tokenizer;

    public DocumentAnalyzer(SentenceSegmenter segmenter, Tokenizer tokenizer) {
        this.segmenter = segmenter;
        this.tokenizer = tokenizer;
    }

    /** The segmenter and tokenizer tuned for English news. */
    public static DocumentAnalyzer news() {
        return new DocumentAnalyzer(new NewsSentenceSegmenter(), new NewsTokenizer());
    }

    public Tokenizer tokenizer() {
        return tokenizer;
    }

    /**
     * The document's sentences without their tokens (each {@link Sentence#tokens()} is empty):
     * what {@code segment} prints unless tokens are asked for, at a fraction of the cost.
     */
    public AnalyzedDocument segment(Document document) {
        String text = document.text();
        List<Span> spans = segmenter.segment(text, document.body());
        List<Sentence> sentences = new ArrayList<>(spans.size());
        for (Span span : spans) {
            sentences.add(new Sentence(sentences.size(), span, span.coveredText(text), List.of()));
        }
        return new AnalyzedDocument(document, sentences);
    }

    public AnalyzedDocument analyze(Document document) {
        String text = document.text();
        List<Span> spans = segmenter.segment(text, document.body());
        List<Sentence> sentences = new ArrayList<>(spans.size());
        for (Span span : spans) {
            sentences.add(new Sentence(sentences.size(), span, span.coveredText(text), tokenizer.tokenize(text, span)));
        }
        return new AnalyzedDocument(document, sentences);
    }
}
