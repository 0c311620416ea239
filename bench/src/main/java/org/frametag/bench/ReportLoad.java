package org.frametag.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.text.StringEscapeUtils;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * How fast a browser opens an HTML report, next to a baseline opened in the same run: the
 * corpus's text alone as a plain page (one paragraph per document, no markup, nothing hidden).
 * Also the report with every document shown at once, to see what paging saves, and how long
 * the page takes to filter, search and turn a page. Debian's headless Chromium, driven by the
 * system chromedriver; best of N fresh loads.
 *
 * <p>Usage: {@code ReportLoad REPORT.html CORPUS.jsonl [REPEATS]}.
 */
public final class ReportLoad {

    private static final String TIMINGS = """
            const nav = performance.getEntriesByType('navigation')[0];
            const paint = performance.getEntriesByName('first-contentful-paint')[0];
            return {ready: nav.domContentLoadedEventEnd, load: nav.loadEventEnd,
                    paint: paint ? paint.startTime : -1, heap: performance.memory ? performance.memory.usedJSHeapSize : -1};
            """;

    private static final String INTERACTIONS = """
            const time = action => { const t = performance.now(); action(); document.body.offsetHeight; return performance.now() - t; };
            const form = document.getElementById('filters');
            const box = form.querySelector('input[name=c][value="1"]');
            const category = time(() => box.click());
            const clear = time(() => box.click());
            form.elements.q.value = 'election';
            const search = time(() => form.requestSubmit());
            form.elements.q.value = '';
            form.requestSubmit();
            const next = document.querySelector('.pager button:last-child');
            const page = time(() => next.click());
            return {category: category, clear: clear, search: search, page: page};
            """;

    private ReportLoad() {
    }

    public static void main(String[] args) throws Exception {
        Path report = Path.of(args[0]);
        Path corpus = Path.of(args[1]);
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path work = Files.createTempDirectory("frametag-report-load");
        Path plain = work.resolve("plain.html");
        int documents = plainPage(corpus, plain);
        Path unpaged = work.resolve("unpaged.html");
        Files.writeString(unpaged, Files.readString(report).replace(" hidden><h3>", "><h3>"));

        System.out.printf(Locale.ROOT, "report: %s, %d documents, %.1f MB (%.1f MB gzipped); plain page %.1f MB%n",
                report.getFileName(), documents, Files.size(report) / 1e6, gzipped(report) / 1e6, Files.size(plain) / 1e6);
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + work.resolve("profile"), "--window-size=1280,900", "--enable-precise-memory-info");
        ChromeDriver browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build(), options);
        try {
            System.out.printf("%-40s %12s %12s %12s %10s%n", "page, best of " + repeats, "first paint", "DOM ready",
                    "load event", "JS heap");
            double base = best(browser, plain, repeats, "plain text of the corpus (baseline)");
            double paged = best(browser, report, repeats, "report, 20 documents a page");
            double all = best(browser, unpaged, Math.min(repeats, 2), "report, every document shown");
            System.out.printf(Locale.ROOT, "ratio report / plain text, load event: %.2f; every document shown / paged: %.2f%n",
                    paged / base, all / paged);
            browser.get(report.toUri().toString());
            @SuppressWarnings("unchecked")
            Map<String, Number> t = (Map<String, Number>) browser.executeScript(INTERACTIONS);
            System.out.printf(Locale.ROOT, "in the report: check a category %.0f ms, uncheck it %.0f ms, search a word %.0f ms, "
                    + "next page %.0f ms%n", t.get("category").doubleValue(), t.get("clear").doubleValue(),
                    t.get("search").doubleValue(), t.get("page").doubleValue());
        } finally {
            browser.quit();
        }
    }

    /** Loads {@code page} afresh {@code repeats} times and prints the best; returns the best load event in ms. */
    private static double best(ChromeDriver browser, Path page, int repeats, String name) {
        double paint = Double.MAX_VALUE;
        double ready = Double.MAX_VALUE;
        double load = Double.MAX_VALUE;
        double heap = 0;
        for (int i = 0; i < repeats; i++) {
            browser.get("about:blank");
            browser.get(page.toUri().toString());
            @SuppressWarnings("unchecked")
            Map<String, Number> t = (Map<String, Number>) browser.executeScript(TIMINGS);
            paint = Math.min(paint, t.get("paint").doubleValue());
            ready = Math.min(ready, t.get("ready").doubleValue());
            load = Math.min(load, t.get("load").doubleValue());
            heap = Math.max(heap, t.get("heap").doubleValue());
        }
        System.out.printf(Locale.ROOT, "%-40s %10.2f s %10.2f s %10.2f s %7.0f MB%n", name, paint / 1000, ready / 1000,
                load / 1000, heap / 1e6);
        return load;
    }

    /** The corpus's text as a page: a heading and a paragraph per document. Returns the number of documents. */
    private static int plainPage(Path corpus, Path page) throws IOException {
        ObjectMapper json = new ObjectMapper();
        int documents = 0;
        try (BufferedReader in = Files.newBufferedReader(corpus); Writer out = Files.newBufferedWriter(page)) {
            out.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>corpus</title></head><body>\n");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode d = json.readTree(line);
                out.write("<h3>" + StringEscapeUtils.escapeHtml4(d.path("id").asText()) + "</h3>\n<p>"
                        + StringEscapeUtils.escapeHtml4(d.path("text").asText()) + "</p>\n");
                documents++;
            }
            out.write("</body></html>\n");
        }
        return documents;
    }

    private static long gzipped(Path file) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(Files.readAllBytes(file));
        }
        return bytes.size();
    }
}
