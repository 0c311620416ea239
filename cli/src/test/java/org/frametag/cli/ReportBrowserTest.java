package org.frametag.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.frametag.api.ClassifiedDocument;
import org.frametag.api.Frametag;
import org.frametag.api.SentenceResult;
import org.frametag.core.io.DocumentReader;
import org.frametag.core.io.ReadResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;

/**
 * Opens generated reports in a real browser, Debian's headless Chromium driven by its own
 * chromedriver (nothing downloaded), one session for every check: the counts on the page are
 * the classification's, each category filter shows exactly that category's sentences, and a
 * document made of markup and script runs nothing. Leaves screenshots of the seeds report in
 * {@code target/}. Without Chromium it is skipped, except under CI, where it fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SEEDS = Path.of("..", "seeds", "docs");
    private static final Path SEEDS_GOLD = Path.of("..", "seeds", "gold", "seeds.gold.jsonl");
    private static final Path TARGET = Path.of("target");

    /** Selenium looks for its DevTools bindings of this Chromium; the test needs none. */
    private final Logger devtools = Logger.getLogger("org.openqa.selenium.devtools");
    private Path dir;
    private ChromeDriver browser;
    private Frametag frametag;
    private List<ClassifiedDocument> seeds;
    private Path seedsReport;
    private Path seedsGoldReport;

    @BeforeAll
    void startBrowser(@TempDir Path temp) throws Exception {
        dir = temp;
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && System.getenv("CI") != null) {
            fail("CI must run the browser test, but " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing (apt-get install chromium chromium-driver)");
        }
        assumeTrue(installed, "Chromium is not installed (apt-get install chromium chromium-driver)");
        devtools.setLevel(Level.SEVERE);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + dir.resolve("profile"), "--window-size=1000,700", "--lang=en");
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);

        seedsReport = dir.resolve("seeds.html");
        assertThat(Cli.run("report", "-o", seedsReport.toString(), SEEDS.toString()).exit()).isZero();
        seedsGoldReport = dir.resolve("seeds-gold.html");
        assertThat(Cli.run("report", "-o", seedsGoldReport.toString(), "--gold", SEEDS_GOLD.toString(), SEEDS.toString())
                .exit()).isZero();
        frametag = Frametag.loader().cacheIn(Path.of(System.getProperty("frametag.cache"))).load();
        seeds = DocumentReader.defaults().read(SEEDS).map(d -> frametag.classify(((ReadResult.Loaded) d).document())).toList();
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void seedsReportShowsTheClassificationsCountsAndFiltersByCategory() throws Exception {
        open(seedsReport);

        int sentences = seeds.stream().mapToInt(d -> d.sentences().size()).sum();
        long tagged = seeds.stream().flatMap(d -> d.sentences().stream()).filter(s -> !s.tags().isEmpty()).count();
        assertThat(text("#n-documents")).isEqualTo(String.valueOf(seeds.size()));
        assertThat(text("#n-sentences")).isEqualTo(String.valueOf(sentences));
        assertThat(text("#n-tagged")).isEqualTo(String.valueOf(tagged));
        assertThat(text("#status")).isEqualTo(sentences + " sentences in " + seeds.size() + " documents");
        List<String> categories = frametag.categories();
        for (int k = 0; k < categories.size(); k++) {
            String category = categories.get(k);
            List<String> expected = sentences(s -> s.categories().contains(category));
            assertThat(text("#bars-k" + k)).as(category).isEqualTo(String.valueOf(expected.size()));
            assertThat(text("#filters label.k" + k + " .count")).as(category).isEqualTo(String.valueOf(expected.size()));

            WebElement box = browser.findElement(By.cssSelector("#filters input[name=c][value='" + k + "']"));
            box.click();
            assertThat(visibleSentences()).as("sentences shown with the %s filter", category).isEqualTo(expected);
            box.click();
            assertThat(visibleSentences()).as("sentences shown with no filter").hasSize(sentences);
        }

        new Select(browser.findElement(By.name("show"))).selectByValue("t");
        assertThat(visibleSentences()).hasSize((int) tagged);
        browser.findElement(By.cssSelector("#filters button.clear")).click();
        assertThat(visibleSentences()).hasSize(sentences);

        browser.findElement(By.name("q")).sendKeys("ELECTION" + Keys.ENTER);
        assertThat(visibleSentences()).isEqualTo(sentences(s -> s.sentence().text().toLowerCase(Locale.ROOT).contains("election")));
        browser.findElement(By.cssSelector("#filters button.clear")).click();
        assertThat(visibleSentences()).hasSize(sentences);
        assertThat(severeLogs()).isEmpty();
    }

    @Test
    void rulesTableSortsAndLinksToTheSentencesOfARule() throws IOException {
        open(seedsGoldReport);
        screenshots();

        WebElement fired = browser.findElement(By.xpath("//table[contains(@class,'rules')]//th[.//button[.='fired']]"));
        fired.findElement(By.tagName("button")).click();
        fired.findElement(By.tagName("button")).click();
        assertThat(fired.getDomAttribute("aria-sort")).isEqualTo("descending");
        List<Integer> column = new ArrayList<>();
        for (WebElement cell : browser.findElements(By.cssSelector("table.rules tbody tr td:nth-of-type(2)"))) {
            column.add(Integer.parseInt(cell.getText()));
        }
        assertThat(column).isSortedAccordingTo((a, b) -> b - a);

        WebElement top = browser.findElement(By.cssSelector("table.rules tbody tr th a"));
        String rule = top.getText();
        top.click();
        assertThat(new Select(browser.findElement(By.name("rule"))).getFirstSelectedOption().getText()).startsWith(rule + " (");
        assertThat(visibleSentences()).isEqualTo(sentences(s -> s.tags().stream().anyMatch(t -> t.rule().equals(rule))));
        assertThat(severeLogs()).isEmpty();
    }

    @Test
    void hostileDocumentRendersAsTextAndRunsNothing() throws Exception {
        Path pack = Cli.pack(dir.resolve("pack"));
        Cli.edit(pack, "main.drl", "rule \"sovereignty\"", "rule \"</style><script>window.pwned='rule'</script>\"");
        Path docs = Files.createDirectories(dir.resolve("hostile"));
        String script = "<script>window.pwned = 'script'</script>";
        String text = "Foreign interference: " + script + " was feared. </style><style>body{display:none}</style> They "
                + "defend sovereignty \"><img src=x onerror=\"window.pwned='img'\"> today. Read <a href=\"javascript:"
                + "window.pwned='link'\">more</a> or javascript:window.pwned='bare' now.";
        Files.writeString(docs.resolve("page.txt"), text);
        Files.writeString(docs.resolve("lines.jsonl"), "{\"id\": \"\\\"><img src=x onerror=\\\"window.pwned='id'\\\">\", "
                + "\"url\": \"javascript:window.pwned='url'\", \"title\": \"<script>window.pwned='title'</script>\", "
                + "\"text\": \"Foreign interference is <b onmouseover=\\\"window.pwned='b'\\\">sovereignty</b>.\"}\n");
        Path report = dir.resolve("hostile.html");
        Cli r = Cli.run("report", "--rules", pack.toString(), "-o", report.toString(), docs.toString());
        assertThat(r.exit()).as(r.err()).isZero();

        open(report);
        assertThat(browser.findElements(By.tagName("script"))).hasSize(1);
        assertThat(browser.findElements(By.tagName("style"))).hasSize(1);
        assertThat(browser.findElements(By.tagName("img"))).isEmpty();
        assertThat(browser.findElements(By.tagName("b"))).isEmpty();
        for (WebElement tag : browser.findElements(By.cssSelector(".tag"))) {
            tag.click();
        }
        for (WebElement field : browser.findElements(By.cssSelector(".fields dd"))) {
            field.click();
        }
        JavascriptExecutor js = browser;
        assertThat(js.executeScript("return window.pwned === undefined")).isEqualTo(true);
        assertThat(js.executeScript("return Array.from(document.links).filter(a => a.protocol !== 'file:').length"))
                .isEqualTo(0L);
        assertThat(browser.findElement(By.tagName("body")).isDisplayed()).isTrue();
        assertThat(browser.findElements(By.cssSelector(".s .t")).stream().map(WebElement::getText).toList())
                .anyMatch(s -> s.contains(script))
                .anyMatch(s -> s.contains("<img src=x onerror="))
                .anyMatch(s -> s.contains("<a href=\"javascript:window.pwned='link'\">more</a>"));
        assertThat(browser.findElements(By.cssSelector("#docs h3")).stream().map(WebElement::getText))
                .containsExactly("\"><img src=x onerror=\"window.pwned='id'\">", "page");
        assertThat(browser.getPageSource()).contains("&lt;/style&gt;&lt;script&gt;window.pwned='rule'&lt;/script&gt;");
        assertThat(severeLogs()).isEmpty();
    }

    private void open(Path report) {
        browser.get(report.toAbsolutePath().toUri().toString());
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("data-ready")).as("the page's script ran").isNotNull();
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    /** The sentences on screen, as "document#sentence". */
    @SuppressWarnings("unchecked")
    private List<String> visibleSentences() {
        return (List<String>) browser.executeScript("return Array.from(document.querySelectorAll('.s'))"
                + ".filter(s => s.offsetParent !== null)"
                + ".map(s => s.closest('.doc').querySelector('h3').textContent + '#' + s.querySelector('.n').textContent)");
    }

    /** The seed sentences {@code wanted} accepts, as "document#sentence". */
    private List<String> sentences(Predicate<SentenceResult> wanted) {
        List<String> ids = new ArrayList<>();
        for (ClassifiedDocument d : seeds) {
            for (SentenceResult s : d.sentences()) {
                if (wanted.test(s)) {
                    ids.add(d.id() + "#" + s.sentence().index());
                }
            }
        }
        return ids;
    }

    private List<String> severeLogs() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
    }

    /** The overview, and a document with a tag's details open, as build artifacts. */
    private void screenshots() throws IOException {
        Files.createDirectories(TARGET);
        save("report-seeds-overview.png");
        WebElement tag = browser.findElement(By.cssSelector("#d0 .s.tagged .tag"));
        browser.executeScript("arguments[0].closest('.s').scrollIntoView({block: 'center'})", tag);
        tag.click();
        save("report-seeds.png");
    }

    private void save(String name) throws IOException {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), TARGET.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
