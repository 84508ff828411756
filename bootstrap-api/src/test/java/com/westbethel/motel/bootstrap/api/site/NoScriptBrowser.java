package com.westbethel.motel.bootstrap.api.site;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A browser without JavaScript for HTTP tests of the website: it keeps its cookies (the session), does not follow
 * redirects by itself (a test sees each one), and submits a page's forms as a browser would, hidden fields (the CSRF
 * token, an Idempotency-Key) included.
 */
final class NoScriptBrowser {

    private final HttpClient client;
    private final String base;

    NoScriptBrowser(int port) {
        this.base = "http://localhost:" + port;
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    Page get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** Follows one redirect, if the page is one. */
    Page follow(Page page) {
        return page.status() / 100 == 3 ? get(page.header("Location")) : page;
    }

    /** Submits the form as filled in the page, with {@code changes} typed over its fields. */
    Page submit(Element form, Map<String, String> changes) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name], select[name], textarea[name]")) {
            if (input.is("[type=checkbox], [type=radio]") && !input.hasAttr("checked")) {
                continue;
            }
            fields.put(input.attr("name"), input.is("textarea") ? input.text() : input.val());
        }
        fields.putAll(changes);
        String encoded = fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String action = form.attr("action").isEmpty() ? "/" : form.attr("action");
        if (form.attr("method").equalsIgnoreCase("post")) {
            return send(HttpRequest.newBuilder(uri(action)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(encoded)));
        }
        return get(action + (action.contains("?") ? "&" : "?") + encoded);
    }

    /** Searches the stay for two guests and presses the room type's Book button: the booking form of {@code /book}. */
    Page bookingForm(String roomType, LocalDate checkIn, LocalDate checkOut) {
        Page results = get("/?checkIn=" + checkIn + "&checkOut=" + checkOut + "&guests=2");
        Element offer = results.html().select("article.offer").stream().filter(article -> article.selectFirst("h3").text().equals(roomType))
                .findFirst().orElseThrow(() -> new AssertionError("no " + roomType + " offered from " + checkIn + " to " + checkOut));
        return submit(offer.selectFirst("form.book-form"), Map.of());
    }

    private URI uri(String path) {
        return URI.create(path.startsWith("http") ? path : base + path);
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").build(), HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.headers(), response.body(), Jsoup.parse(response.body(), base));
        } catch (IOException failed) {
            throw new IllegalStateException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    record Page(int status, HttpHeaders headers, String body, Document html) {

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** The message shown beside a field, from the {@code aria-describedby} the field names. */
        String errorFor(String field) {
            Element error = html.getElementById(field + "-error");
            return error == null ? null : error.text().replace("Error: ", "");
        }

        Element form(String selector) {
            Element form = html.selectFirst(selector);
            if (form == null) {
                throw new AssertionError("no form " + selector + " in " + html.title());
            }
            return form;
        }
    }
}
