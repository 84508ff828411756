package com.westbethel.motel.bootstrap.api.site;

import com.westbethel.motel.bootstrap.api.site.SiteBrowser.AxeViolation;
import com.westbethel.motel.bootstrap.api.site.SiteBrowser.PageFigures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.stream.Collectors;

/**
 * {@code target/site-report.md}: one row per page checked with {@link SiteBrowser#assertPageBars} in this test run, in the order first checked (the
 * last check of a page wins), the figures issue 11's note quotes. Rewritten whole on every row, so that a run that stops
 * half-way still leaves what it measured.
 */
final class SiteReport {

    static final Path FILE = Path.of("target", "site-report.md");
    /** The page names of the harness's own fixtures, reported apart from the site's pages. */
    static final String FIXTURE_PREFIX = "harness-";

    private static final Map<String, String> ROWS = new LinkedHashMap<>();
    private static String browser = "";

    private SiteReport() {
    }

    static synchronized void record(String browserVersion, PageFigures figures, List<AxeViolation> phone, List<AxeViolation> desktop) {
        browser = browserVersion;
        String lcp = figures.largestContentfulPaintMillis() == null ? "none" : String.format(Locale.ROOT, "%.0f", figures.largestContentfulPaintMillis());
        String compressed = figures.uncompressed().isEmpty() ? "yes"
                : "no: " + figures.uncompressed().stream().map(url -> URI.create(url).getPath()).collect(Collectors.joining(", "));
        ROWS.put(figures.page(), String.format(Locale.ROOT, "| %s | `%s` | %.1f | %.1f | %s | %.3f | %s | %s | %s |", figures.page(),
                figures.path().replaceFirst("\\?.*", "?…"), figures.bytes() / 1024.0, figures.javaScriptBytes() / 1024.0, lcp, figures.layoutShift(),
                axe(phone), axe(desktop), compressed));
        write();
    }

    private static void table(StringBuilder report, boolean fixtures) {
        report.append("| page | path | transferred (KB) | JavaScript (KB) | LCP (ms) | CLS | axe at 390 px | axe at 1280 px | text compressed |\n")
                .append("| --- | --- | ---: | ---: | ---: | ---: | --- | --- | --- |\n");
        ROWS.forEach((page, row) -> {
            if (page.startsWith(FIXTURE_PREFIX) == fixtures) {
                report.append(row).append('\n');
            }
        });
    }

    /** "pass" with no serious or critical violation, else the rules; the lesser findings after them. */
    private static String axe(List<AxeViolation> violations) {
        String blocking = violations.stream().filter(AxeViolation::blocking).map(v -> "**" + v.impact() + " " + v.rule() + "**")
                .collect(Collectors.joining(", "));
        String lesser = violations.stream().filter(v -> !v.blocking()).map(v -> v.impact() + " " + v.rule()).collect(Collectors.joining(", "));
        return (blocking.isEmpty() ? "pass" : blocking) + (lesser.isEmpty() ? "" : " (" + lesser + ")");
    }

    private static void write() {
        StringBuilder report = new StringBuilder()
                .append("# Site pages: weight, speed, accessibility\n\n")
                .append("Written by the browser tests (`SiteBrowser.assertPageBars`) at ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                .append(", headless Chromium ").append(browser).append(" on this machine, HTTP cache off (a first visit), 1280 x 900 unless said.\n")
                .append("Bars: < 200 KB transferred (gzip), < 50 KB of JavaScript, CLS < 0.1, no serious or critical axe-core violation ")
                .append("(WCAG 2.0/2.1 A and AA) at 390 and at 1280 px; search page LCP < 1000 ms.\n\n");
        table(report, false);
        report.append("\n## The harness's own fixtures (SiteBrowserIT), not site pages: one meets the bars, one breaks each on purpose\n\n");
        table(report, true);
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
