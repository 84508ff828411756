package com.westbethel.motel.bootstrap.api.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real headless Chromium (Debian's, driven through its own ChromeDriver) on the site, with what the site's quality bars
 * need: axe-core in the page, full-page screenshots at 390 and 1280 px, and the page's weight and speed as the browser's
 * own performance API reports them. One per test class ({@link AbstractSiteIT}). The HTTP cache is off, so every page
 * loads as on a first visit and its weight counts everything it needs.
 */
final class SiteBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** A phone's width and a desktop's: the widths of the screenshots and of the accessibility checks. */
    static final int PHONE = 390;
    static final int DESKTOP = 1280;
    private static final int HEIGHT = 900;
    /** The quality bars of issue 11: gzip-transferred bytes per page, JavaScript bytes, cumulative layout shift. */
    static final long MAX_PAGE_BYTES = 200 * 1024;
    static final long MAX_JAVASCRIPT_BYTES = 50 * 1024;
    static final double MAX_LAYOUT_SHIFT = 0.1;
    static final Path SCREENSHOTS = Path.of("target", "site-screenshots");
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String AXE_SOURCE = resource("/axe/axe.min.js");
    private static final String MEASURE_SCRIPT = resource("/site-browser/measure.js");

    private final ChromeDriver driver;
    private final String baseUrl;
    private final Keyboard keyboard = new Keyboard();

    private SiteBrowser(ChromeDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    /**
     * Starts Chromium on the site at {@code baseUrl} ({@code http://localhost:port}), its window 1280 x 900, its cache
     * off. The browser and the driver are the installed ones, named by path, so Selenium Manager never looks for (or
     * downloads) another; absent, the test fails (in CI too: browser tests are never skipped).
     */
    static SiteBrowser start(String baseUrl) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("The browser tests need Debian's Chromium at " + CHROMIUM + " and its driver at " + CHROMEDRIVER
                    + ": run scripts/browser.sh (it installs the packages chromium and chromium-driver)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=" + DESKTOP + "," + HEIGHT,
                "--lang=en-US", "--no-first-run", "--disable-extensions", "--disable-background-networking", "--disable-sync");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30)).pageLoadTimeout(Duration.ofSeconds(30));
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
        return new SiteBrowser(driver, baseUrl);
    }

    /** A new visitor: no cookies (so no session), the desktop width. */
    void forgetVisitor() {
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    /** The Chromium version, as the browser says it. */
    String version() {
        return String.valueOf(driver.getCapabilities().getBrowserVersion());
    }

    // ---- pages -------------------------------------------------------------------------------------------------

    /** Opens {@code path} on the site ({@code "/login"}, {@code "/verify-email?token=..."}), or an absolute URL. */
    SiteBrowser open(String path) {
        driver.get(path.startsWith("http://") || path.startsWith("https://") ? path : baseUrl + path);
        return loaded();
    }

    /** The path and query of the page shown: {@code "/bookings/42/review"}. */
    String path() {
        URI current = URI.create(driver.getCurrentUrl());
        return current.getRawPath() + (current.getRawQuery() == null ? "" : "?" + current.getRawQuery());
    }

    String title() {
        return driver.getTitle();
    }

    /** The visible text of the whole page. */
    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** The visible text of the first element {@code css} selects (the test fails if none does). */
    String text(String css) {
        return find(css).getText();
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /**
     * Waits (up to 10 s) until an element {@code css} selects is shown: for what a script adds to the page (one it replaces
     * meanwhile is looked for again).
     */
    WebElement waitFor(String css) {
        return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
    }

    /** The driver itself, for what this class does not offer. */
    ChromeDriver driver() {
        return driver;
    }

    // ---- forms: fields are found by their visible label, as a person finds them ---------------------------------

    /**
     * The form control whose visible {@code <label>} reads {@code label}: the label that reads it exactly, else the first
     * that begins with it ("Email" finds "Email (required)").
     */
    WebElement field(String label) {
        // Looked for again while the page is still being replaced: Chrome may drop a node between finding and reading it.
        return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).ignoring(WebDriverException.class)
                .withMessage(() -> "a visible label \"" + label + "\" on " + path())
                .until(d -> fieldNow(label));
    }

    private WebElement fieldNow(String label) {
        List<WebElement> labels = driver.findElements(By.tagName("label")).stream()
                .filter(candidate -> candidate.isDisplayed() && candidate.getText().strip().startsWith(label)).toList();
        if (labels.isEmpty()) {
            return null;
        }
        WebElement found = labels.stream().filter(candidate -> candidate.getText().strip().equals(label)).findFirst().orElse(labels.get(0));
        String target = found.getAttribute("for");
        if (target != null && !target.isBlank()) {
            return driver.findElement(By.id(target));
        }
        return found.findElement(By.cssSelector("input, select, textarea"));
    }

    /** Types {@code value} into the field labelled {@code label}, replacing what it held. */
    SiteBrowser fill(String label, String value) {
        WebElement field = field(label);
        field.clear();
        field.sendKeys(value);
        return this;
    }

    /** Picks the option showing {@code option} in the list labelled {@code label}. */
    SiteBrowser choose(String label, String option) {
        new Select(field(label)).selectByVisibleText(option);
        return this;
    }

    /** Ticks the checkbox or radio button labelled {@code label} (a click on its label, as a person does). */
    SiteBrowser check(String label) {
        if (!field(label).isSelected()) {
            field(label).click();
        }
        return this;
    }

    /** What the field labelled {@code label} holds now: what the guest typed must survive a refused form. */
    String value(String label) {
        return field(label).getDomProperty("value");
    }

    /**
     * The message next to the field labelled {@code label}: the text of the elements its {@code aria-describedby} names
     * (where the site puts a field's error, so that a screen reader says it too); empty when there is none.
     */
    String messageFor(String label) {
        String describedBy = field(label).getDomAttribute("aria-describedby");
        List<String> texts = new ArrayList<>();
        if (describedBy != null) {
            for (String id : describedBy.trim().split("\\s+")) {
                driver.findElements(By.id(id)).forEach(element -> texts.add(element.getText().strip()));
            }
        }
        return String.join(" ", texts).strip();
    }

    /**
     * Clicks the button reading {@code text} (a {@code <button>} or a submit input) and waits for the next page: when the
     * button sends a form, until the page it was on is gone (a form is sent a moment after the click, so the old page can
     * still look loaded when the click returns).
     */
    SiteBrowser press(String text) {
        WebElement button = driver.findElements(By.cssSelector("button, input[type=submit]")).stream()
                .filter(candidate -> candidate.isDisplayed() && text.equals(label(candidate))).findFirst()
                .orElseThrow(() -> new AssertionError("no button \"" + text + "\" on " + path()));
        return press(button);
    }

    /** Clicks {@code button}, one of several that read alike, and waits for the next page as {@link #press(String)} does. */
    SiteBrowser press(WebElement button) {
        boolean sendsForm = Boolean.TRUE.equals(driver.executeScript("return arguments[0].type === 'submit' && arguments[0].form !== null", button));
        return clickAndWait(button, sendsForm);
    }

    /** Follows the link reading {@code text} and waits for the next page (unless the link only leads elsewhere on this one). */
    SiteBrowser follow(String text) {
        WebElement link = driver.findElement(By.linkText(text));
        String href = Objects.toString(link.getDomProperty("href"), "");
        boolean samePage = href.contains("#") && withoutFragment(href).equals(withoutFragment(driver.getCurrentUrl()));
        return clickAndWait(link, !samePage);
    }

    private SiteBrowser clickAndWait(WebElement element, boolean leavesThePage) {
        WebElement page = driver.findElement(By.tagName("html"));
        element.click();
        if (leavesThePage) {
            new WebDriverWait(driver, WAIT).until(d -> isGone(page));
        }
        return loaded();
    }

    /**
     * {@link ExpectedConditions#stalenessOf}, but also for Chromium's other word for it: asked about a node of a page it has
     * just left, it can answer "unknown error: ... Node with given id does not belong to the document" instead of a stale
     * element reference.
     */
    static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException gone) {
            return true;
        } catch (WebDriverException error) {
            if (String.valueOf(error.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw error;
        }
    }

    private static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }

    private static String label(WebElement button) {
        return button.getTagName().equals("input") ? Objects.toString(button.getDomProperty("value"), "").strip() : button.getText().strip();
    }

    private SiteBrowser loaded() {
        new WebDriverWait(driver, WAIT).until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        return this;
    }

    // ---- keyboard only --------------------------------------------------------------------------------------------

    /** The keyboard alone, as a guest without a mouse uses the site. */
    Keyboard keyboard() {
        return keyboard;
    }

    /** Tab, Shift+Tab, Enter, Space and typing, on whatever has the focus. */
    final class Keyboard {

        private static final int MAX_TABS = 200;

        /** Presses Tab until the focus is on an element {@code css} selects; fails when 200 presses never reach one. */
        Keyboard tabTo(String css) {
            for (int presses = 0; presses < MAX_TABS; presses++) {
                if (Boolean.TRUE.equals(driver.executeScript("return document.activeElement !== null && document.activeElement.matches(arguments[0])", css))) {
                    return this;
                }
                tab();
            }
            throw new AssertionError("Tab never reaches " + css + " on " + path() + " (" + MAX_TABS + " presses)");
        }

        /** Presses Tab until the focus is on a link or button reading {@code text}. */
        Keyboard tabToText(String text) {
            for (int presses = 0; presses < MAX_TABS; presses++) {
                WebElement focused = focused();
                if (focused != null && text.equals(label(focused))) {
                    return this;
                }
                tab();
            }
            throw new AssertionError("Tab never reaches \"" + text + "\" on " + path() + " (" + MAX_TABS + " presses)");
        }

        /** Presses Tab until the focus is on the field labelled {@code label}. */
        Keyboard tabToField(String label) {
            WebElement field = field(label);
            for (int presses = 0; presses < MAX_TABS; presses++) {
                if (field.equals(focused())) {
                    return this;
                }
                tab();
            }
            throw new AssertionError("Tab never reaches the field \"" + label + "\" on " + path() + " (" + MAX_TABS + " presses)");
        }

        Keyboard tab() {
            return keys(Keys.TAB);
        }

        Keyboard shiftTab() {
            return keys(Keys.chord(Keys.SHIFT, Keys.TAB));
        }

        /** Enter on the focused element; waits for the page it may load. */
        Keyboard enter() {
            keys(Keys.ENTER);
            loaded();
            return this;
        }

        /**
         * Enter on the focused link or button that leads to another page (or sends a form): waits until that page has
         * replaced this one, since a form is sent a moment after the key.
         */
        Keyboard enterForNextPage() {
            WebElement page = driver.findElement(By.tagName("html"));
            keys(Keys.ENTER);
            new WebDriverWait(driver, WAIT).until(d -> isGone(page));
            loaded();
            return this;
        }

        /** Space on the focused element (ticks a checkbox, presses a button); waits for the page it may load. */
        Keyboard space() {
            keys(Keys.SPACE);
            loaded();
            return this;
        }

        /** Types {@code text} into the focused element. */
        Keyboard type(String text) {
            return keys(text);
        }

        /** The element with the focus (null on none). */
        WebElement focused() {
            return (WebElement) driver.executeScript("return document.activeElement === document.body ? null : document.activeElement");
        }

        private Keyboard keys(CharSequence keys) {
            new Actions(driver).sendKeys(keys).perform();
            return this;
        }
    }

    // ---- quality bars -----------------------------------------------------------------------------------------------

    /**
     * Runs axe-core (WCAG 2.0 and 2.1, A and AA) in the page at the width it has now, and fails on any serious or critical
     * violation, naming each rule and the elements concerned. The violations it found, of any impact.
     */
    List<AxeViolation> checkAccessibility(String pageName) {
        List<AxeViolation> violations = axe();
        List<AxeViolation> blocking = violations.stream().filter(AxeViolation::blocking).toList();
        assertThat(blocking).as("axe-core: serious or critical WCAG 2.1 AA violations on " + pageName + " (" + path() + ")").isEmpty();
        return violations;
    }

    /** What axe-core finds in the page at the width it has now (WCAG 2.0 and 2.1, A and AA), of any impact. */
    List<AxeViolation> axe() {
        if (!Boolean.TRUE.equals(driver.executeScript("return typeof window.axe === 'object'"))) {
            driver.executeScript(AXE_SOURCE);
        }
        Object result = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}, resultTypes: ['violations']})
                    .then(results => done(JSON.stringify(results.violations.map(violation => ({
                        id: violation.id, impact: violation.impact, help: violation.help,
                        targets: violation.nodes.slice(0, 5).map(node => node.target.join(' '))})))))
                    .catch(error => done('axe failed: ' + error));""");
        String json = String.valueOf(result);
        if (!json.startsWith("[")) {
            throw new AssertionError(json);
        }
        List<AxeViolation> violations = new ArrayList<>();
        for (JsonNode violation : JSON.readTree(json)) {
            List<String> targets = new ArrayList<>();
            violation.path("targets").forEach(target -> targets.add(target.asString()));
            violations.add(new AxeViolation(violation.path("id").asString(), violation.path("impact").asString(),
                    violation.path("help").asString(), targets));
        }
        return violations;
    }

    /** One rule axe-core found broken, with (up to five of) the elements that break it. */
    record AxeViolation(String rule, String impact, String help, List<String> elements) {

        boolean blocking() {
            return impact.equals("serious") || impact.equals("critical");
        }

        @Override
        public String toString() {
            return impact + " " + rule + " (" + help + ") at " + elements;
        }
    }

    /** Full-page screenshots of the page at 390 px and at 1280 px, in {@code target/site-screenshots/<page>-<width>.png}. */
    List<Path> screenshot(String pageName) {
        List<Path> written = new ArrayList<>();
        for (int width : new int[] {PHONE, DESKTOP}) {
            atWidth(width);
            written.add(screenshotAtCurrentWidth(pageName + "-" + width));
        }
        atWidth(DESKTOP);
        return written;
    }

    /** Lays the page out {@code width} CSS pixels wide, as a phone (touch, the page's viewport meta) below 600. */
    SiteBrowser atWidth(int width) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", HEIGHT, "deviceScaleFactor", 1, "mobile", width < 600));
        driver.executeAsyncScript("const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => done()));");
        return this;
    }

    private Path screenshotAtCurrentWidth(String name) {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        double width = ((Number) size.get("width")).doubleValue();
        double height = Math.min(((Number) size.get("height")).doubleValue(), 16_000);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".png");
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The weight and speed of the page as loaded (measure before anything is clicked: input ends the largest-contentful-
     * paint measurement), from the browser's performance API: bytes transferred for the document and everything it loaded
     * (Navigation and Resource Timing {@code transferSize}: gzip-compressed, headers included), JavaScript bytes among them,
     * Largest Contentful Paint, and the layout shifts that no input caused, summed.
     */
    PageFigures measure(String pageName) {
        String json = String.valueOf(driver.executeAsyncScript(MEASURE_SCRIPT));
        JsonNode measured = JSON.readTree(json);
        long bytes = 0;
        long javaScript = 0;
        List<String> uncompressed = new ArrayList<>();
        for (JsonNode entry : measured.path("entries")) {
            long transferred = entry.path("transfer").asLong();
            bytes += transferred;
            String name = entry.path("name").asString();
            String type = entry.path("type").asString();
            String contentType = entry.path("contentType").asString("");
            boolean script = type.equals("script") || contentType.contains("javascript") || URI.create(name).getPath().endsWith(".js");
            if (script) {
                javaScript += transferred;
            }
            boolean text = script || type.equals("navigation") || type.equals("css") || contentType.startsWith("text/")
                    || URI.create(name).getPath().endsWith(".css");
            long decoded = entry.path("decoded").asLong();
            if (text && decoded > 2048 && entry.path("encoded").asLong() >= decoded) {
                uncompressed.add(name);
            }
        }
        JsonNode lcp = measured.path("lcp");
        return new PageFigures(pageName, path(), bytes, javaScript, lcp.isNumber() ? lcp.asDouble() : null, measured.path("cls").asDouble(),
                uncompressed);
    }

    /**
     * The page as issue 11's bars want it, checked on the page as loaded: its figures ({@link #measure}); axe-core at 1280
     * and at 390 px; screenshots at both widths; a row in {@code target/site-report.md}; then the bars: no serious or
     * critical axe violation, under 200 KB transferred with under 50 KB of JavaScript, every text response over 2 KB
     * compressed, layout shift under 0.1. (The 1 s Largest Contentful Paint bar is the search page's: its test asserts it.)
     */
    PageFigures assertPageBars(String pageName) {
        PageFigures figures = measure(pageName);
        List<AxeViolation> desktop = axe();
        atWidth(PHONE);
        List<AxeViolation> phone = axe();
        screenshotAtCurrentWidth(pageName + "-" + PHONE);
        atWidth(DESKTOP);
        screenshotAtCurrentWidth(pageName + "-" + DESKTOP);
        SiteReport.record(version(), figures, phone, desktop);
        assertThat(phone.stream().filter(AxeViolation::blocking).toList())
                .as("axe-core at %d px: serious or critical violations on %s (%s)", PHONE, pageName, figures.path()).isEmpty();
        assertThat(desktop.stream().filter(AxeViolation::blocking).toList())
                .as("axe-core at %d px: serious or critical violations on %s (%s)", DESKTOP, pageName, figures.path()).isEmpty();
        assertThat(figures.bytes()).as("bytes transferred for %s (%s)", pageName, figures.path()).isLessThan(MAX_PAGE_BYTES);
        assertThat(figures.javaScriptBytes()).as("JavaScript bytes of %s (%s)", pageName, figures.path()).isLessThan(MAX_JAVASCRIPT_BYTES);
        assertThat(figures.uncompressed()).as("text responses over 2 KB sent uncompressed for %s (server.compression)", pageName).isEmpty();
        assertThat(figures.layoutShift()).as("layout shift of %s (%s)", pageName, figures.path()).isLessThan(MAX_LAYOUT_SHIFT);
        return figures;
    }

    /**
     * A page's weight and speed. {@code largestContentfulPaintMillis} is null when the page painted no content the browser
     * counts (an empty page); {@code uncompressed} lists the text responses over 2 KB that came without compression.
     */
    record PageFigures(String page, String path, long bytes, long javaScriptBytes, Double largestContentfulPaintMillis, double layoutShift,
            List<String> uncompressed) {
    }

    @Override
    public void close() {
        driver.quit();
    }

    private static String resource(String name) {
        try (InputStream in = SiteBrowser.class.getResourceAsStream(name)) {
            return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
