package com.westbethel.motel.bootstrap.api.site;

import static com.westbethel.motel.bootstrap.api.HttpProbe.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.westbethel.motel.bootstrap.api.HttpProbe;
import com.westbethel.motel.bootstrap.api.site.SiteBrowser.AxeViolation;
import com.westbethel.motel.bootstrap.api.site.SiteBrowser.PageFigures;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The browser harness's own test: a real Chromium runs axe-core, takes the screenshots and measures the pages, and each
 * figure is checked against what the page is known to hold (its fixture pages, {@link FixtureSite}); the emailed links
 * are those of the API's real emails; and the API running here compresses what it serves.
 */
class SiteBrowserIT extends AbstractSiteIT {

    static FixtureSite fixture;

    @BeforeAll
    static void serveFixture() {
        fixture = FixtureSite.start();
    }

    @AfterAll
    static void stopFixture() {
        fixture.close();
    }

    @Test
    void a_page_that_meets_the_bars_passes_them_measured_by_the_browser_with_its_screenshots_and_report_row_written() throws IOException {
        browser.open(fixture.url("/fixture/good.html"));
        assertThat(browser.waitFor("#scripted").getText()).as("the page's script ran").isEqualTo("Shown by the page's script.");

        PageFigures figures = browser.assertPageBars("harness-fixture");

        // What travelled is the gzip of each file plus its response headers (a few hundred bytes each, four responses).
        long zipped = gzipped("good.html") + gzipped("good.css") + gzipped("good.js");
        assertThat(figures.bytes()).isBetween(zipped, zipped + 4 * 1024);
        assertThat(figures.javaScriptBytes()).isBetween(gzipped("good.js"), gzipped("good.js") + 1024);
        assertThat(figures.uncompressed()).isEmpty();
        assertThat(figures.largestContentfulPaintMillis()).as("Largest Contentful Paint").isNotNull().isPositive().isLessThan(5000.0);
        assertThat(figures.layoutShift()).isZero();

        for (int width : new int[] {SiteBrowser.PHONE, SiteBrowser.DESKTOP}) {
            Path shot = SiteBrowser.SCREENSHOTS.resolve("harness-fixture-" + width + ".png");
            var image = ImageIO.read(shot.toFile());
            assertThat(image.getWidth()).as(shot.toString()).isEqualTo(width);
            // Full page: at 390 px the text wraps far below the 900 px window.
            assertThat(image.getHeight()).as(shot.toString()).isGreaterThan(width == SiteBrowser.PHONE ? 900 : 300);
        }
        assertThat(Files.readString(SiteReport.FILE)).contains("| harness-fixture | `/fixture/good.html` |");
    }

    @Test
    void a_page_that_breaks_the_bars_is_refused_with_each_fault_named() {
        browser.open(fixture.url("/plain/bad.html"));
        browser.waitFor("#pushed");

        PageFigures figures = browser.measure("harness-bad-fixture");
        assertThat(figures.javaScriptBytes()).as("100 KB of random text, uncompressed").isGreaterThan(FixtureSite.HEAVY_SCRIPT.length);
        assertThat(figures.bytes()).isGreaterThan(figures.javaScriptBytes() + 2048);
        assertThat(figures.uncompressed()).anyMatch(url -> url.endsWith("/plain/bad.html")).anyMatch(url -> url.endsWith("/plain/heavy.js"));
        assertThat(figures.layoutShift()).as("the block pushed in after the first paint").isGreaterThan(SiteBrowser.MAX_LAYOUT_SHIFT);

        List<AxeViolation> found = browser.axe();
        assertThat(found).extracting(AxeViolation::rule).contains("image-alt", "label", "color-contrast", "html-has-lang");
        assertThat(found).filteredOn(violation -> violation.rule().equals("image-alt")).singleElement()
                .satisfies(violation -> assertThat(violation.elements()).containsExactly("img"))
                .satisfies(violation -> assertThat(violation.blocking()).isTrue());
        assertThatThrownBy(() -> browser.checkAccessibility("harness-bad-fixture")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("image-alt").hasMessageContaining("color-contrast");
        assertThatThrownBy(() -> browser.assertPageBars("harness-bad-fixture")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("axe-core at 390 px");
    }

    @Test
    void forms_work_by_label_and_by_keyboard_alone() {
        browser.open(fixture.url("/fixture/good.html"));
        assertThat(browser.messageFor("Your name")).isEqualTo("As on your booking.");
        browser.fill("Your name", "Kari Holm").check("Send me the motel's news");
        assertThat(browser.value("Your name")).isEqualTo("Kari Holm");
        assertThat(browser.press("Send").path()).isEqualTo("/fixture/sent?name=Kari+Holm&news=yes");

        browser.open(fixture.url("/fixture/good.html"));
        browser.keyboard().tabToText("Skip to the content").tabToField("Your name").type("Ola").tabTo("input[type=checkbox]").space()
                .tabToText("Send").enter();
        assertThat(URLDecoder.decode(browser.path(), StandardCharsets.UTF_8)).isEqualTo("/fixture/sent?name=Ola&news=yes");
        assertThat(browser.title()).isEqualTo("Sent");
    }

    @Test
    void the_emailed_links_are_those_of_the_emails_the_api_queued_sealed_ones_opened() {
        HttpProbe http = new HttpProbe(port);
        String email = "harness-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        assertThat(http.post("/api/v1/auth/register", json(Map.of("email", email, "password", "lantern orchard velvet kayak",
                "firstName", "Kari", "lastName", "Holm"))).status()).isEqualTo(202);

        String verification = emails.link(email, "email-verification", "/verify-email");
        String token = jdbc.sql("SELECT model ->> 'token' FROM email_queue WHERE recipient = :email AND template = 'email-verification'")
                .param("email", email).query(String.class).single();
        assertThat(verification).isEqualTo("/verify-email?token=" + token);
        assertThat(http.post("/api/v1/auth/verify-email", json(Map.of("token", token))).status()).isEqualTo(200);

        http.post("/api/v1/auth/forgot-password", json(Map.of("email", email)));
        String reset = emails.link(email, "password-reset", "/reset-password");
        assertThat(reset).startsWith("/reset-password?token=");
        String resetToken = URLDecoder.decode(URI.create(reset).getRawQuery().substring("token=".length()), StandardCharsets.UTF_8);
        // The sealed link, opened: its token is the one the API takes.
        assertThat(http.post("/api/v1/auth/reset-password", json(Map.of("token", resetToken, "newPassword", "harbour pepper glacier trumpet")))
                .status()).isEqualTo(204);
    }

    @Test
    void the_api_compresses_what_it_serves_and_its_pages_are_measured_by_what_travelled() {
        browser.open("/swagger-ui/index.html");
        browser.waitFor(".swagger-ui .info");

        PageFigures figures = browser.measure("swagger-ui");

        assertThat(figures.uncompressed()).as("server.compression is on").isEmpty();
        // The Swagger UI's bundle is far over the site's JavaScript bar, and compressed to a fraction of its size.
        assertThat(figures.javaScriptBytes()).isGreaterThan(SiteBrowser.MAX_JAVASCRIPT_BYTES);
        assertThat(figures.bytes()).isGreaterThan(figures.javaScriptBytes());
        assertThat(figures.largestContentfulPaintMillis()).isNotNull().isPositive();
    }

    private static long gzipped(String fixtureFile) throws IOException {
        try (InputStream in = SiteBrowserIT.class.getResourceAsStream("/site-browser/fixture/" + fixtureFile)) {
            return FixtureSite.gzip(in.readAllBytes()).length;
        }
    }
}
