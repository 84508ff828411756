package com.westbethel.motel.bootstrap.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.bootstrap.api.SiteBrowser.Page;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The website's shell (issue 11): its filter chain beside the API's, the session cookie, CSRF, the security headers, and
 * errors as pages for browsers while the API keeps problem+json.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SiteShellIT extends AbstractApiIT {

    static final String SITE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    SiteBrowser browser;

    @BeforeEach
    void openBrowser() {
        browser = new SiteBrowser(port);
    }

    @Test
    void a_page_that_does_not_exist_is_a_branded_404_page_with_the_site_headers() {
        Page page = browser.get("/no-such-page");

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("<html lang=\"en\"", "West Bethel Motel", "Page not found", "Skip to main content")
                .doesNotContain("Exception", "Tomcat", "\tat ");
        assertThat(page.header("Content-Security-Policy")).isEqualTo(SITE_POLICY).doesNotContain("unsafe-inline");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(browser.sessionCookie()).as("an error page needs no session").isEmpty();
    }

    @Test
    void the_api_answers_problem_json_even_to_a_browser_and_a_script_gets_problem_json_from_the_site() {
        Page api = browser.get("/api/v1/no-such-thing");
        HttpProbe.Reply script = http.get("/no-such-page");

        assertThat(api.status()).isEqualTo(401);
        assertThat(api.contentType()).startsWith("application/problem+json");
        assertThat(api.header("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
        assertThat(api.header("Set-Cookie")).as("the API stays stateless").isNull();
        assertThat(script.status()).isEqualTo(404);
        assertThat(script.contentType()).startsWith("application/problem+json");
    }

    @Test
    void a_wrong_method_on_a_page_is_a_405_page() {
        Page page = browser.get("/logout");

        assertThat(page.status()).isEqualTo(405);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.text()).contains("This page cannot do that");
    }

    @Test
    void what_tomcat_refuses_before_the_application_is_an_html_page_for_a_browser() throws IOException {
        RawHttp.Response refused = RawHttp.loopback(port).get("/account%00", "Accept: " + SiteBrowser.HTML);
        RawHttp.Response firewall = RawHttp.loopback(port).get("/account;x=1", "Accept: " + SiteBrowser.HTML);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("text/html");
        assertThat(refused.body()).contains("West Bethel Motel", "We could not read this request").doesNotContain("Tomcat");
        assertThat(firewall.status()).isEqualTo(400);
        assertThat(firewall.contentType()).startsWith("text/html");
    }

    @Test
    void the_login_page_opens_a_session_with_an_http_only_same_site_cookie_and_a_csrf_token() {
        Page login = browser.get("/login");

        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body()).contains("autocomplete=\"email\"", "autocomplete=\"current-password\"", "name=\"_csrf\"");
        String cookie = login.header("Set-Cookie");
        assertThat(cookie).startsWith("SESSION=").contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure");
        assertThat(login.header("Cache-Control")).contains("no-store");
    }

    @Test
    void the_session_cookie_is_secure_when_the_trusted_proxy_says_the_visitor_came_over_https() {
        Page login = browser.get("/login", "X-Forwarded-Proto", "https");

        assertThat(login.header("Set-Cookie")).contains("Secure", "HttpOnly", "SameSite=Lax");
        assertThat(login.header("Strict-Transport-Security")).contains("max-age=31536000");
    }

    @Test
    void a_form_sent_without_its_csrf_token_is_refused_with_a_page_saying_the_form_expired() {
        browser.get("/login");

        Page refused = browser.postExactly("/login", Map.of("email", Guests.ADMIN, "password", Guests.ADMIN_PASSWORD));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("text/html");
        assertThat(refused.text()).contains("This form has expired");
    }

    @Test
    void a_page_under_account_sends_an_anonymous_visitor_to_the_login_page_and_back() {
        Page redirect = browser.get("/account/sessions?x=1");

        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.location()).endsWith("/login?next=%2Faccount%2Fsessions%3Fx%3D1");
        assertThat(browser.get("/login?next=%2Faccount%2Fsessions%3Fx%3D1").inputValue("next")).contains("/account/sessions?x=1");
    }

    @Test
    void the_stylesheet_is_served_with_a_content_hash_cached_for_a_year_and_compressed() {
        Page login = browser.get("/login");
        String stylesheet = login.body().replaceAll("(?s).*href=\"(/site/site-[0-9a-f]{32}\\.css)\".*", "$1");

        Page css = browser.get(stylesheet, "Accept-Encoding", "gzip");

        assertThat(stylesheet).startsWith("/site/site-");
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.header("Cache-Control")).contains("max-age=31536000");
        assertThat(css.header("Content-Encoding")).isEqualTo("gzip");
    }
}
