package org.frametag.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.frametag.api.ClassifiedDocument;
import org.frametag.api.Evaluation;
import org.frametag.api.SentenceResult;
import org.frametag.api.Tag;
import org.frametag.core.io.InputProblem;
import org.frametag.core.text.Document;
import org.frametag.core.text.Origin;
import org.frametag.core.text.Sentence;
import org.frametag.core.text.Span;
import org.frametag.rules.diff.TagDiff;
import org.frametag.rules.diff.TagSnapshot;
import org.frametag.rules.eval.AlignedSentence;
import org.frametag.rules.eval.Evaluator;
import org.frametag.rules.eval.GoldSentence;
import org.frametag.rules.eval.RuleAnalysis;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

    private static final List<String> CATEGORIES = List.of("SOVEREIGNTY", "FOREIGN_INTERFERENCE");
    private static final List<String> RULES = List.of("sovereignty", "foreign interference", "pointer");

    /** A document split at every ". ", with {@code tags} per sentence index. */
    private static ClassifiedDocument document(String id, String text, Map<Integer, List<Tag>> tags) {
        return document(Document.of(id, text), tags);
    }

    private static ClassifiedDocument document(Document document, Map<Integer, List<Tag>> tags) {
        String text = document.text();
        List<SentenceResult> sentences = new ArrayList<>();
        int start = document.body().start();
        while (start < text.length()) {
            int dot = text.indexOf(". ", start);
            int end = dot < 0 ? text.length() : dot + 1;
            int index = sentences.size();
            sentences.add(new SentenceResult(new Sentence(index, new Span(start, end), text.substring(start, end), List.of()),
                    tags.getOrDefault(index, List.of()), List.of()));
            start = end + 1;
        }
        return new ClassifiedDocument(document, sentences);
    }

    /** A tag whose evidence is every occurrence of {@code words} in {@code text}. */
    private static Tag tag(String category, String rule, String text, String... words) {
        List<Span> evidence = new ArrayList<>();
        for (String w : words) {
            for (int i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) {
                evidence.add(new Span(i, i + w.length()));
            }
        }
        evidence.sort(null);
        return new Tag(category, rule, evidence);
    }

    private static HtmlReport.Contents contents(List<ClassifiedDocument> documents) {
        return new HtmlReport.Contents("frametag report", List.of("rules: test"), CATEGORIES, RULES, documents, List.of(),
                Optional.empty(), Optional.empty());
    }

    private static String render(HtmlReport.Contents contents) throws IOException {
        StringWriter out = new StringWriter();
        HtmlReport.write(contents, out);
        return out.toString();
    }

    private static String section(String html, String id) {
        int start = html.indexOf("<section class=\"doc\" id=\"" + id + "\"");
        assertThat(start).as("document " + id).isNotNegative();
        return html.substring(start, html.indexOf("</section>\n", start) + "</section>\n".length());
    }

    @Test
    void taggedSentenceIsHighlightedWithItsEvidenceUnderlinedAndAChipNamingRuleAndEvidence() throws IOException {
        String text = "They defend the sovereignty of the nation. Foreign interference, they said, is foreign. It rained.";
        ClassifiedDocument d = document("a", text, Map.of(
                0, List.of(tag("SOVEREIGNTY", "sovereignty", text, "sovereignty")),
                1, List.of(tag("FOREIGN_INTERFERENCE", "foreign interference", text, "Foreign interference", "foreign."),
                        new Tag("SOVEREIGNTY", "pointer", List.of(new Span(16, 27)), OptionalInt.of(0)))));

        assertThat(section(render(contents(List.of(d))), "d0")).isEqualTo("""
                <section class="doc" id="d0" data-n="3" data-c="0 1" data-r="0 1 2" data-f="t"><h3>a</h3>
                <p class="meta">3 sentences, 2 tagged</p>
                <div class="sents">
                <p class="s tagged k0" id="d0-s0" data-c="0" data-r="0" data-f="t"><a class="n" href="#d0-s0">0</a> \
                <span class="t">They defend the <u class="ev k0">sovereignty</u> of the nation.</span> \
                <span class="tags"><span class="tag k0" tabindex="0">SOVEREIGNTY<span class="tip" role="tooltip">\
                rule “sovereignty” · evidence: “sovereignty”</span></span></span></p>
                <p class="s tagged k0" id="d0-s1" data-c="0 1" data-r="1 2" data-f="t"><a class="n" href="#d0-s1">1</a> \
                <span class="t"><u class="ev k1">Foreign interference</u>, they said, is <u class="ev k1">foreign.</u></span> \
                <span class="tags"><a class="tag k0 ctx" href="#d0-s0">↩ SOVEREIGNTY<span class="tip" role="tooltip">\
                rule “pointer” · carried over from sentence 0 · evidence: “sovereignty”</span></a>\
                <span class="tag k1" tabindex="0">FOREIGN_INTERFERENCE<span class="tip" role="tooltip">\
                rule “foreign interference” · evidence: “Foreign interference”, “foreign.”</span></span></span></p>
                <p class="s" id="d0-s2"><a class="n" href="#d0-s2">2</a> <span class="t">It rained.</span></p>
                </div>
                </section>
                """);
    }

    @Test
    void overlappingEvidenceOfTwoCategoriesIsCutWhereEitherBeginsOrEnds() throws IOException {
        String text = "Foreign sovereign meddling.";
        ClassifiedDocument d = document("a", text, Map.of(0, List.of(
                tag("SOVEREIGNTY", "sovereignty", text, "sovereign"),
                tag("FOREIGN_INTERFERENCE", "foreign interference", text, "Foreign sovereign meddling"))));

        assertThat(section(render(contents(List.of(d))), "d0")).contains("<span class=\"t\"><u class=\"ev k1\">Foreign </u>"
                + "<u class=\"ev k0 multi\">sovereign</u><u class=\"ev k1\"> meddling</u>.</span>");
    }

    @Test
    void everyTextFromADocumentOrPackIsEscaped() throws IOException {
        String text = "A <script>alert(1)</script> and </style> and \"><img src=x onerror=alert(2)> here. "
                + "Click <a href=\"javascript:alert(3)\">me</a> now.";
        Document hostile = new Document("\"><img src=x onerror=alert(4)>", text, new Span(0, text.length()), Optional.empty(),
                Map.of("url", "javascript:alert(5)", "source", "https://example.org/a?b=1&c=2", "title", "<b>bold</b>"),
                new Origin("x", null));
        String rule = "</style><script>alert(6)</script>";
        ClassifiedDocument d = document(hostile, Map.of(0, List.of(tag("<i>CAT</i>", rule, text, "<script>"))));
        HtmlReport.Contents contents = new HtmlReport.Contents("<title>", List.of("about <b>"), CATEGORIES, List.of(rule),
                List.of(d), List.of(new InputProblem("<doc>", "<path>", 3, "<reason>")), Optional.empty(), Optional.empty());

        String html = render(contents);

        assertThat(html).doesNotContain("<img", "<b>", "<i>", "<a href=\"javascript", "<doc>", "<path>", "<reason>",
                "<title><title>");
        assertThat(count(html, "<script")).isEqualTo(1);
        assertThat(count(html, "</style>")).isEqualTo(2);
        assertThat(html).contains("<h3>&quot;&gt;&lt;img src=x onerror=alert(4)&gt;</h3>",
                "<span class=\"t\">A <u class=\"ev k2\">&lt;script&gt;</u>alert(1)&lt;/script&gt; and &lt;/style&gt; and "
                        + "&quot;&gt;&lt;img src=x onerror=alert(2)&gt; here.</span>",
                "Click &lt;a href=&quot;javascript:alert(3)&quot;&gt;me&lt;/a&gt; now.",
                "<dt>url</dt><dd>javascript:alert(5)</dd>",
                "<dt>source</dt><dd><a href=\"https://example.org/a?b=1&amp;c=2\" rel=\"noopener noreferrer\">"
                        + "https://example.org/a?b=1&amp;c=2</a></dd>",
                "<dt>title</dt><dd>&lt;b&gt;bold&lt;/b&gt;</dd>",
                "rule “&lt;/style&gt;&lt;script&gt;alert(6)&lt;/script&gt;”",
                "<option value=\"0\">&lt;/style&gt;&lt;script&gt;alert(6)&lt;/script&gt; (1)</option>",
                "&lt;i&gt;CAT&lt;/i&gt;",
                "<li>&lt;path&gt;:3 (&lt;doc&gt;): &lt;reason&gt;</li>");
    }

    @Test
    void onlyWebAddressesBecomeLinks() {
        assertThat(DocumentView.isWebAddress("https://example.org/x")).isTrue();
        assertThat(DocumentView.isWebAddress("HTTP://example.org")).isTrue();
        assertThat(DocumentView.isWebAddress("javascript:alert(1)")).isFalse();
        assertThat(DocumentView.isWebAddress("JavaScript://example.org/%0Aalert(1)")).isFalse();
        assertThat(DocumentView.isWebAddress("data:text/html,<script>")).isFalse();
        assertThat(DocumentView.isWebAddress(" https://example.org")).isFalse();
        assertThat(DocumentView.isWebAddress("/etc/passwd")).isFalse();
    }

    @Test
    void pageRunsOnlyItsOwnScriptAndLoadsNothing() throws IOException {
        String html = render(contents(List.of(document("a", "Sovereignty.", Map.of()))));

        Matcher policy = Pattern.compile("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">").matcher(html);
        assertThat(policy.find()).isTrue();
        assertThat(policy.group(1)).isEqualTo("default-src 'none'; style-src 'unsafe-inline'; script-src '"
                + HtmlReport.sha256(HtmlReport.script()) + "'");
        assertThat(html).contains("<script>" + HtmlReport.script() + "</script>");
        assertThat(html).doesNotContainPattern("(src|href)=\"(?!#)");
        assertThat(html).doesNotContainPattern("@import|url\\(");
    }

    @Test
    void documentsPastTheFirstPageWaitHidden() throws IOException {
        List<ClassifiedDocument> documents = new ArrayList<>();
        for (int i = 0; i <= HtmlReport.PAGE_SIZE; i++) {
            documents.add(document("doc" + i, "Sovereignty.", Map.of()));
        }
        String html = render(contents(documents));

        assertThat(section(html, "d" + (HtmlReport.PAGE_SIZE - 1))).startsWith(
                "<section class=\"doc\" id=\"d19\" data-n=\"1\"><h3>");
        assertThat(section(html, "d" + HtmlReport.PAGE_SIZE)).startsWith(
                "<section class=\"doc\" id=\"d20\" data-n=\"1\" hidden><h3>");
    }

    @Test
    void overviewCountsDocumentsSentencesAndTaggedSentencesPerCategory() throws IOException {
        String text = "Sovereignty matters. Foreign interference and sovereignty. Rain.";
        ClassifiedDocument a = document("a", text, Map.of(
                0, List.of(tag("SOVEREIGNTY", "sovereignty", text, "Sovereignty")),
                1, List.of(tag("SOVEREIGNTY", "sovereignty", text, "sovereignty."),
                        tag("FOREIGN_INTERFERENCE", "foreign interference", text, "Foreign interference"))));
        ClassifiedDocument b = document("b", "Nothing here.", Map.of());

        String html = render(new HtmlReport.Contents("frametag report", List.of(), CATEGORIES, RULES, List.of(a, b),
                List.of(new InputProblem("c", "c.txt", null, "empty document")), Optional.empty(), Optional.empty()));

        assertThat(html).contains("<dl class=\"counts\"><div><dt>documents</dt><dd id=\"n-documents\">2</dd></div>"
                + "<div><dt>sentences</dt><dd id=\"n-sentences\">4</dd></div>"
                + "<div><dt>tagged sentences</dt><dd id=\"n-tagged\">2</dd></div>"
                + "<div><dt>documents that failed</dt><dd id=\"n-failed\">1</dd></div></dl>");
        assertThat(html).contains("<text class=\"v\" id=\"bars-k0\" x=\"608\" y=\"17\">2</text>",
                "<text class=\"v\" id=\"bars-k1\" x=\"398\" y=\"43\">1</text>");
        assertThat(html).contains("<summary>1 document could not be read or classified</summary>\n<ul>\n"
                + "<li>c.txt (c): empty document</li>");
        assertThat(html).contains("No document has a date");
        assertThat(html).contains("<label class=\"k0\"><input type=\"checkbox\" name=\"c\" value=\"0\">"
                + "<span class=\"swatch\"></span>SOVEREIGNTY <span class=\"count\">2</span></label>");
        assertThat(html).contains("<select name=\"rule\"><option value=\"\">any rule</option>"
                + "<option value=\"0\">sovereignty (2)</option><option value=\"1\">foreign interference (1)</option></select>");
    }

    @Test
    void datedDocumentsGiveALinePerCategoryOverTheDays() throws IOException {
        String text = "Sovereignty matters.";
        List<ClassifiedDocument> documents = new ArrayList<>();
        for (String date : List.of("2024-03-01", "2024-03-03", "2024-03-03")) {
            Document d = new Document(date, text, new Span(0, text.length()), Optional.of(LocalDate.parse(date)), Map.of(),
                    new Origin(date, null));
            documents.add(document(d, Map.of(0, List.of(tag("SOVEREIGNTY", "sovereignty", text, "Sovereignty")))));
        }

        String html = render(contents(documents));

        assertThat(html).contains("by day (3 of 3 documents have a date)");
        assertThat(html).contains("<g class=\"k0 line\"><polyline points=\"48.0,114.0 396.0,216.0 744.0,12.0\"/>");
        assertThat(html).doesNotContain("<g class=\"k1 line\">");
        assertThat(html).contains("<tr><th scope=\"row\">2024-03-01</th><td>1</td><td>0</td></tr>\n"
                + "<tr><th scope=\"row\">2024-03-03</th><td>2</td><td>0</td></tr>");
        assertThat(Charts.Period.covering(LocalDate.parse("2024-01-01"), LocalDate.parse("2024-03-03")))
                .isEqualTo(Charts.Period.DAY);
        assertThat(Charts.Period.covering(LocalDate.parse("2024-01-01"), LocalDate.parse("2024-03-04")))
                .isEqualTo(Charts.Period.MONTH);
        assertThat(Charts.Period.covering(LocalDate.parse("2000-01-01"), LocalDate.parse("2024-03-04")))
                .isEqualTo(Charts.Period.YEAR);
    }

    @Test
    void goldMarksRightTagsFalsePositivesAndMissedLabelsInPlace() throws IOException {
        String text = "Foreign interference. Sovereignty here. Nothing. Meddling.";
        ClassifiedDocument d = document("a", text, Map.of(
                0, List.of(tag("FOREIGN_INTERFERENCE", "foreign interference", text, "Foreign interference")),
                1, List.of(tag("SOVEREIGNTY", "sovereignty", text, "Sovereignty"))));
        List<GoldSentence> gold = List.of(
                new GoldSentence("a", 0, new Span(0, 21), "Foreign interference.", Set.of("FOREIGN_INTERFERENCE"), Set.of()),
                new GoldSentence("a", 1, new Span(22, 39), "Sovereignty here.", Set.of(), Set.of()),
                new GoldSentence("a", 2, new Span(40, 48), "Nothing.", Set.of(), Set.of()),
                new GoldSentence("a", 3, new Span(49, 58), "Meddling.", Set.of("FOREIGN_INTERFERENCE"), Set.of()),
                new GoldSentence("gone", 0, new Span(0, 5), "Gone.", Set.of("SOVEREIGNTY"), Set.of()));

        String html = render(new HtmlReport.Contents("frametag report", List.of(), CATEGORIES, RULES, List.of(d), List.of(),
                Optional.of(new HtmlReport.Gold(gold, evaluate(gold, d))), Optional.empty()));

        String doc = section(html, "d0");
        assertThat(doc).startsWith("<section class=\"doc\" id=\"d0\" data-n=\"4\" data-c=\"0 1\" data-r=\"0 1\" data-f=\"t x\">");
        assertThat(doc).contains("<span class=\"tag k1 ok\" tabindex=\"0\">✓ FOREIGN_INTERFERENCE<span class=\"tip\" "
                + "role=\"tooltip\">rule “foreign interference” · evidence: “Foreign interference”<br>gold has FOREIGN_INTERFERENCE");
        assertThat(doc).contains("<p class=\"s tagged k0\" id=\"d0-s1\" data-c=\"0\" data-r=\"0\" data-f=\"t x\">");
        assertThat(doc).contains("<span class=\"tag k0 fp\" tabindex=\"0\">✗ SOVEREIGNTY<span class=\"tip\" role=\"tooltip\">"
                + "rule “sovereignty” · evidence: “Sovereignty”<br>gold does not have SOVEREIGNTY (a false positive)</span></span>");
        assertThat(doc).contains("<p class=\"s\" id=\"d0-s2\"><a class=\"n\" href=\"#d0-s2\">2</a> "
                + "<span class=\"t\">Nothing.</span></p>");
        assertThat(doc).contains("<p class=\"s\" id=\"d0-s3\" data-c=\"1\" data-f=\"x\"><a class=\"n\" href=\"#d0-s3\">3</a> "
                + "<span class=\"t\">Meddling.</span> <span class=\"tags\"><span class=\"tag k1 fn\" tabindex=\"0\">missed "
                + "FOREIGN_INTERFERENCE<span class=\"tip\" role=\"tooltip\">gold has FOREIGN_INTERFERENCE; no rule tagged this "
                + "sentence with it (a false negative)</span></span></span></p>");
        assertThat(html).contains("<p>Micro F1 <strong id=\"micro-f1\">0.400</strong>: 1 false positive, 2 false negatives.");
        assertThat(html).contains("Gold documents not among the inputs (all their labels count as missed): gone.");
        assertThat(html).contains("<summary>1 error with no classified sentence to mark</summary>\n<ul>\n"
                + "<li>false negative SOVEREIGNTY in gone [0..5): “Gone.”</li>");
        assertThat(html).contains("<tr><th scope=\"row\"><a href=\"#documents\" data-rule=\"0\">sovereignty</a></th>"
                + "<td><span class=\"swatch k0\"></span>SOVEREIGNTY</td><td>1</td><td>0</td><td>1</td><td>0.000</td>"
                + "<td>0.200</td><td>0</td><td>0</td><td>1</td></tr>");
        assertThat(html).contains("<option value=\"x\">false positives and negatives</option>");
    }

    private static Evaluation evaluate(List<GoldSentence> gold, ClassifiedDocument d) {
        Evaluator evaluator = new Evaluator(gold);
        List<AlignedSentence> aligned = evaluator.align(List.of(d));
        return new Evaluation(evaluator.evaluate(aligned, CATEGORIES),
                RuleAnalysis.rules(aligned, Map.of("sovereignty", "SOVEREIGNTY", "foreign interference", "FOREIGN_INTERFERENCE"),
                        CATEGORIES),
                RuleAnalysis.errors(aligned), List.of("gone"));
    }

    @Test
    void baselineChangesAreMarkedInPlaceAndListedByCategoryAndRule() throws IOException {
        String text = "They fought for independence. Foreign meddling was feared. Foreign interference.";
        ClassifiedDocument before = document("a", text, Map.of(
                1, List.of(tag("FOREIGN_INTERFERENCE", "foreign interference", text, "Foreign meddling")),
                2, List.of(tag("FOREIGN_INTERFERENCE", "foreign interference", text, "Foreign interference"))));
        ClassifiedDocument after = document("a", text, Map.of(
                0, List.of(tag("SOVEREIGNTY", "sovereignty", text, "independence")),
                2, List.of(tag("FOREIGN_INTERFERENCE", "pointer", text, "Foreign interference"))));
        HtmlReport.Baseline baseline = new HtmlReport.Baseline("old-pack",
                new TagDiff().compare(TagSnapshot.of(List.of(before)), TagSnapshot.of(List.of(after))));

        String html = render(new HtmlReport.Contents("frametag report", List.of(), CATEGORIES, RULES, List.of(after), List.of(),
                Optional.empty(), Optional.of(baseline)));

        String doc = section(html, "d0");
        assertThat(doc).contains("<span class=\"tag k0 gained\" tabindex=\"0\">+ SOVEREIGNTY<span class=\"tip\" "
                + "role=\"tooltip\">rule “sovereignty” · evidence: “independence”<br>gained since the baseline</span></span>");
        assertThat(doc).contains("<p class=\"s\" id=\"d0-s1\" data-c=\"1\" data-r=\"1\" data-f=\"g\">");
        assertThat(doc).contains("<span class=\"tag k1 lost\" tabindex=\"0\">− FOREIGN_INTERFERENCE<span class=\"tip\" "
                + "role=\"tooltip\">lost since the baseline; it was given by “foreign interference”</span></span>");
        assertThat(doc).contains("<span class=\"tag k1 moved\" tabindex=\"0\">~ FOREIGN_INTERFERENCE<span class=\"tip\" "
                + "role=\"tooltip\">rule “pointer” · evidence: “Foreign interference”<br>given by other rules than in the "
                + "baseline, by “foreign interference”</span></span>");
        assertThat(html).contains("<p>Baseline: old-pack. +1 gained, −1 lost, ~1 by other rules on "
                + "<span id=\"n-changed\">3 sentences</span>.");
        assertThat(html).contains("<summary><span class=\"swatch k1\"></span>FOREIGN_INTERFERENCE: +0 gained, −1 lost, "
                + "~1 by other rules</summary>\n<h3>− lost from “foreign interference” (1)</h3>\n<ul>\n"
                + "<li><a href=\"#d0-s1\">a #1</a> Foreign meddling was feared.</li>\n</ul>\n"
                + "<h3>~ now by “pointer”, was “foreign interference” (1)</h3>\n<ul>\n"
                + "<li><a href=\"#d0-s2\">a #2</a> Foreign interference.</li>\n</ul>\n</details>");
        assertThat(html).contains("<option value=\"g\">changes since the baseline</option>");
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
