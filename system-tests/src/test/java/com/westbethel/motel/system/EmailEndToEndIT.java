package com.westbethel.motel.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The "done when", end to end: the packaged API and the packaged worker run as processes on a
 * database of their own; registration, verification, a password reset, a new device, a paid booking and
 * its cancellation each produce the right email, which the running worker delivers over SMTP; the links in the
 * delivered emails open the website's pages on the API (verification through the page's own button).
 */
class EmailEndToEndIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String PASSWORD = "lantern orchard velvet kayak";
    /** A test-only key, shared by the API and the worker as production shares MOTEL_SECURITY_MFAENCRYPTIONKEY. */
    private static final String OUTBOX_KEY = "q1vG0cZJ3bq5c2m8pQxW4tY7uI9oP0aS1dF2gH3jK4k=";

    @RegisterExtension
    static final ApiOnScratchDatabase motel = new ApiOnScratchDatabase("motel_e2e", "api", database -> List.of(
            "--spring.datasource.url=" + database.url(),
            "--motel.demo-data.enabled=true",
            "--motel.rate-limit.enabled=false",
            "--motel.security.bcrypt-strength=4",
            "--motel.public-url=https://motel.example",
            "--motel.notifications.front-desk-bcc=frontdesk@westbethelmotel.test",
            "--motel.security.mfa-encryption-key=" + OUTBOX_KEY));

    @Test
    void what_guests_do_reaches_their_inbox_through_the_running_worker() throws Exception {
        try (RunningApp worker = RunningApp.start("worker", "motel.worker.jar", List.of(
                "--spring.datasource.url=" + motel.database().url(),
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + SMTP.getSmtp().getPort(),
                "--motel.worker.email-delivery-interval=200ms",
                "--motel.worker.email-delivery-initial-delay=0s",
                // The API's key: reset links are sealed in the outbox and opened by the worker to send them.
                "--motel.security.mfa-encryption-key=" + OUTBOX_KEY))) {
            String email = "e2e-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

            // Registration: the verification email, then the welcome email once the link is followed.
            assertThat(post("/api/v1/auth/register", Map.of("email", email, "password", PASSWORD, "firstName", "Ingrid", "lastName", "Dahl"), null)
                    .statusCode()).isEqualTo(202);
            MimeMessage verification = awaitEmail(email, "Confirm your email address, Ingrid");
            // The link as delivered opens the website's page on the API; only its button verifies (a scanner's GET uses nothing).
            String verificationLink = link(GreenMailUtil.getBody(verification), "https://motel.example/verify-email");
            Website site = new Website();
            HttpResponse<String> landing = site.get(verificationLink);
            assertThat(landing.statusCode()).isEqualTo(200);
            assertThat(landing.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
            assertThat(landing.body()).contains("Verify my email");
            assertThat(post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD), null).statusCode())
                    .as("not verified by opening the link").isEqualTo(403);
            HttpResponse<String> verified = site.submit(landing.body(), "/verify-email");
            assertThat(verified.statusCode()).isEqualTo(200);
            assertThat(verified.body()).contains("Your email address is verified");
            awaitEmail(email, "Welcome to the West Bethel Motel, Ingrid");

            // A second device: a security alert.
            logIn(email, PASSWORD, "Firefox on Linux");
            logIn(email, PASSWORD, "Safari on iPhone");
            assertThat(GreenMailUtil.getBody(awaitEmail(email, "Security alert for your West Bethel Motel account"))).contains("Safari on iPhone");

            // A password reset: the reset email, then the password-changed email.
            assertThat(post("/api/v1/auth/forgot-password", Map.of("email", email), null).statusCode()).isBetween(200, 299);
            String resetLink = link(GreenMailUtil.getBody(awaitEmail(email, "Reset your West Bethel Motel password")),
                    "https://motel.example/reset-password");
            HttpResponse<String> resetPage = new Website().get(resetLink);
            assertThat(resetPage.statusCode()).isEqualTo(200);
            assertThat(resetPage.body()).contains("Choose a new password", "autocomplete=\"new-password\"");
            String resetToken = token(resetLink);
            String newPassword = "harbour pepper glacier trumpet";
            assertThat(post("/api/v1/auth/reset-password", Map.of("token", resetToken, "newPassword", newPassword), null).statusCode())
                    .isBetween(200, 299);
            awaitEmail(email, "Your password was changed");

            // A paid booking: confirmation (with the stay as a calendar entry, and a copy for the front desk), receipt and points.
            String access = logIn(email, newPassword, "Firefox on Linux");
            LocalDate checkIn = LocalDate.now(ZoneId.of("America/New_York")).plusDays(30 + ThreadLocalRandom.current().nextInt(300));
            String queen = find(get("/api/v1/room-types"), "Queen Room").path("id").asString();
            HttpResponse<String> booked = post("/api/v1/bookings", Map.of("roomTypeId", queen, "checkIn", checkIn.toString(),
                    "checkOut", checkIn.plusDays(2).toString(), "guests", 2), access);
            assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
            JsonNode booking = JSON.readTree(booked.body());
            String reference = booking.path("reference").asString();
            assertThat(post("/api/v1/bookings/" + booking.path("id").asString() + "/payments", Map.of("paymentToken", "tok_visa"), access)
                    .statusCode()).isEqualTo(201);

            MimeMessage confirmation = awaitEmail(email, "Your stay is confirmed: " + reference);
            String calendar = attachment(confirmation, "stay-" + reference + ".ics");
            assertThat(calendar).contains("BEGIN:VEVENT").contains("UID:" + reference + "@westbethelmotel.com");
            assertThat(confirmation.getHeader("List-Unsubscribe")).as("essential mail").isNull();
            awaitEmail("frontdesk@westbethelmotel.test", "Your stay is confirmed: " + reference);
            MimeMessage receipt = awaitEmail(email, "Receipt for booking " + reference);
            String unsubscribe = receipt.getHeader("List-Unsubscribe")[0];
            assertThat(unsubscribe).startsWith("<https://motel.example/unsubscribe?token=");
            HttpResponse<String> unsubscribePage = new Website().get(unsubscribe.substring(1, unsubscribe.length() - 1));
            assertThat(unsubscribePage.statusCode()).isEqualTo(200);
            assertThat(unsubscribePage.body()).contains("a receipt for every payment");
            assertThat(receipt.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
            awaitEmail(email, "You earned");

            // The cancellation.
            assertThat(post("/api/v1/bookings/" + booking.path("id").asString() + "/cancel", Map.of(), access).statusCode()).isEqualTo(200);
            awaitEmail(email, "Your booking " + reference + " is cancelled");

            assertThat(worker.log()).doesNotContain("ERROR");
        }
    }

    private static MimeMessage awaitEmail(String recipient, String subjectStart) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .alias("an email \"" + subjectStart + "...\" to " + recipient)
                .until(() -> find(recipient, subjectStart), Optional::isPresent)
                .orElseThrow();
    }

    private static Optional<MimeMessage> find(String recipient, String subjectStart) throws Exception {
        for (MimeMessage message : SMTP.getReceivedMessages()) {
            boolean addressed = List.of(message.getAllRecipients()).stream().anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
            if (addressed && message.getSubject().startsWith(subjectStart)) {
                return Optional.of(message);
            }
        }
        return Optional.empty();
    }

    /** The first link to {@code link} with its token in an email's body (quoted-printable), as the guest clicks it. */
    static String link(String body, String link) {
        Matcher matcher = Pattern.compile(Pattern.quote(link) + "\\?token=([A-Za-z0-9%_.~-]+)").matcher(body.replace("=\r\n", ""));
        assertThat(matcher.find()).as("a link to " + link + " in:\n" + body).isTrue();
        return link + "?token=" + matcher.group(1).replace("=3D", "=");
    }

    /** The token a link carries, decoded. */
    static String token(String link) {
        return URLDecoder.decode(URI.create(link).getRawQuery().substring("token=".length()), StandardCharsets.UTF_8);
    }

    /**
     * A browser on the website of the API under test, without JavaScript: it keeps the session cookie, opens a link of the
     * motel's public address on the API, and sends a page's form with its hidden fields (the CSRF token among them).
     */
    private static final class Website {

        private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

        /** Opens {@code link} (on {@code https://motel.example}, the motel's public address) on the API under test. */
        HttpResponse<String> get(String link) throws Exception {
            URI uri = URI.create(link);
            return client.send(page(uri.getRawPath() + "?" + uri.getRawQuery()).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        /** Sends the hidden fields of {@code page}'s forms to {@code action}, as its button does (their values are URL-safe tokens). */
        HttpResponse<String> submit(String page, String action) throws Exception {
            StringJoiner form = new StringJoiner("&");
            Matcher hidden = HIDDEN.matcher(page);
            while (hidden.find()) {
                form.add(hidden.group(1) + "=" + URLEncoder.encode(hidden.group(2), StandardCharsets.UTF_8));
            }
            return client.send(page(action).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(), HttpResponse.BodyHandlers.ofString());
        }

        private static HttpRequest.Builder page(String pathAndQuery) {
            return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + motel.api().port + pathAndQuery)).timeout(Duration.ofSeconds(20))
                    .header("Accept", "text/html");
        }
    }

    private static String attachment(MimeMessage message, String filename) throws Exception {
        return findAttachment((MimeMultipart) message.getContent(), filename);
    }

    private static String findAttachment(MimeMultipart multipart, String filename) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            Part part = multipart.getBodyPart(i);
            if (filename.equals(part.getFileName())) {
                return new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            }
            if (part.getContent() instanceof MimeMultipart nested) {
                String found = findAttachment(nested, filename);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String logIn(String email, String password, String userAgent) throws Exception {
        HttpResponse<String> response = HTTP.send(request("/api/v1/auth/login", null).header("User-Agent", userAgent)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("email", email, "password", password)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("accessToken").asString();
    }

    private static HttpResponse<String> post(String path, Object body, String bearer) throws Exception {
        return HTTP.send(request(path, bearer).POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode get(String path) throws Exception {
        return JSON.readTree(HTTP.send(request(path, null).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private static HttpRequest.Builder request(String path, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + motel.api().port + path))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json");
        return bearer == null ? request : request.header("Authorization", "Bearer " + bearer);
    }

    private static JsonNode find(JsonNode array, String name) {
        for (JsonNode item : array) {
            if (name.equals(item.path("name").asString())) {
                return item;
            }
        }
        throw new AssertionError("no " + name + " in " + array);
    }
}
