package com.westbethel.motel.bootstrap.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.web.util.HtmlUtils;

/**
 * A browser for the website's HTTP tests, without the browser: it keeps cookies, asks for HTML as browsers do, does not
 * follow redirects (tests look at them), and sends forms with the CSRF token of the last page it read, as a form would.
 * The real-browser journeys use a real Chromium; this one checks what the server says, byte by byte.
 */
final class SiteBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private final int port;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;
    private final String forwardedFor;
    private String csrf;

    SiteBrowser(int port) {
        this(port, null);
    }

    /** A browser behind the trusted proxy at a client address of its own ({@code X-Forwarded-For}). */
    SiteBrowser(int port, String forwardedFor) {
        this.port = port;
        this.forwardedFor = forwardedFor;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    record Page(int status, String contentType, String body, HttpResponse<String> response) {

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        /** Where a redirect goes, as a path of the site. */
        String location() {
            return header("Location");
        }

        /** The text of the page with tags and entities taken out, for assertions on what a person reads. */
        String text() {
            return HtmlUtils.htmlUnescape(body.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " "));
        }

        /** The value of the input named {@code name}, as the page holds it. */
        Optional<String> inputValue(String name) {
            Matcher input = Pattern.compile("<input[^>]*name=\"" + Pattern.quote(name) + "\"[^>]*>").matcher(body);
            if (!input.find()) {
                return Optional.empty();
            }
            Matcher value = Pattern.compile("value=\"([^\"]*)\"").matcher(input.group());
            return Optional.of(value.find() ? HtmlUtils.htmlUnescape(value.group(1)) : "");
        }
    }

    Page get(String path) {
        return send(request(path).GET());
    }

    Page get(String path, String... headers) {
        return send(request(path).headers(headers).GET());
    }

    /** A form sent as the last page read would send it: its fields and that page's CSRF token. */
    Page post(String path, Map<String, String> fields) {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        if (csrf != null) {
            withToken.putIfAbsent("_csrf", csrf);
        }
        return postExactly(path, withToken);
    }

    /** A form with exactly these fields (no CSRF token unless one is among them). */
    Page postExactly(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The session cookie as the browser holds it, if any. */
    Optional<HttpCookie> sessionCookie() {
        return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("SESSION")).findFirst();
    }

    /** Forgets every cookie, as a new browser would have none. */
    void clearCookies() {
        cookies.getCookieStore().removeAll();
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", HTML);
        return forwardedFor == null ? builder : builder.header("X-Forwarded-For", forwardedFor);
    }

    Page send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            Page page = new Page(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body(), response);
            Matcher token = CSRF.matcher(page.body());
            if (token.find()) {
                csrf = token.group(1);
            }
            return page;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Logs in through the site's form (the login page first, for its CSRF token); the answer to the form. */
    Page logIn(String email, String password) {
        assertThat(get("/login").status()).isIn(200, 302);
        return post("/login", Map.of("email", email, "password", password));
    }
}
