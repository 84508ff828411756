package com.westbethel.motel.bootstrap.api;

import static com.westbethel.motel.bootstrap.api.HttpProbe.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.bootstrap.api.HttpProbe.Reply;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/** Notification preferences, one-click unsubscribe links, and the administrators' email templates, over HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NotificationsApiIT extends AbstractApiIT {

    private static final String PREFERENCES = "/api/v1/users/me/notification-preferences";

    @Test
    void marketing_starts_off_essential_mail_cannot_be_turned_off_and_a_change_applies_whole_or_not_at_all() {
        String guest = guests.loggedInGuest("notified");
        assertThat(http.get(PREFERENCES).status()).isEqualTo(401);

        JsonNode defaults = http.get(PREFERENCES, guest).json();
        assertThat(defaults.path("locale").asString()).isEqualTo("en");
        assertThat(type(defaults, "MARKETING").path("email").asBoolean()).isFalse();
        assertThat(type(defaults, "LOYALTY").path("email").asBoolean()).isTrue();
        assertThat(type(defaults, "ACCOUNT_SECURITY").path("essential").asBoolean()).isTrue();
        assertThat(type(defaults, "BOOKINGS").path("sms").asBoolean()).isFalse();

        Reply refused = put(guest, Map.of("preferences", List.of(
                Map.of("type", "MARKETING", "channel", "EMAIL", "enabled", true),
                Map.of("type", "ACCOUNT_SECURITY", "channel", "EMAIL", "enabled", false))));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("detail").asString()).contains("essential");
        assertThat(type(http.get(PREFERENCES, guest).json(), "MARKETING").path("email").asBoolean()).as("nothing half-applied").isFalse();

        Reply updated = put(guest, Map.of("locale", "en", "preferences", List.of(
                Map.of("type", "MARKETING", "channel", "EMAIL", "enabled", true),
                Map.of("type", "LOYALTY", "channel", "EMAIL", "enabled", false),
                Map.of("type", "BOOKINGS", "channel", "SMS", "enabled", true))));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        JsonNode stored = http.get(PREFERENCES, guest).json();
        assertThat(type(stored, "MARKETING").path("email").asBoolean()).isTrue();
        assertThat(type(stored, "LOYALTY").path("email").asBoolean()).isFalse();
        assertThat(type(stored, "BOOKINGS").path("sms").asBoolean()).isTrue();
        assertThat(type(stored, "BOOKINGS").path("email").asBoolean()).isTrue();

        Reply french = put(guest, Map.of("locale", "fr"));
        assertThat(french.status()).isEqualTo(422);
        assertThat(french.json().path("errors").get(0).path("field").asString()).isEqualTo("locale");
        Reply unknownType = put(guest, Map.of("preferences", List.of(Map.of("type", "NEWSLETTER", "channel", "EMAIL", "enabled", true))));
        assertThat(unknownType.status()).isEqualTo(400);
        assertThat(unknownType.contentType()).startsWith("application/problem+json");
    }

    @Test
    void a_paid_booking_queues_confirmation_receipt_and_points_but_not_what_the_guest_turned_off() {
        String email = guests.verifiedGuest("notified");
        String guest = guests.accessToken(email);
        assertThat(put(guest, Map.of("preferences", List.of(Map.of("type", "LOYALTY", "channel", "EMAIL", "enabled", false)))).status())
                .isEqualTo(200);

        PaidBookings.payForABooking(http, guest);

        assertThat(queued(email, "booking-confirmation")).isEqualTo(1);
        assertThat(queued(email, "payment-receipt")).isEqualTo(1);
        assertThat(queued(email, "loyalty-points-earned")).as("loyalty email turned off").isZero();
        String reference = model(email, "booking-confirmation").path("reference").asString();
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM email_queue WHERE recipient = 'frontdesk@westbethelmotel.test' AND template = 'booking-confirmation'
                        AND model ->> 'reference' = :reference""")
                .param("reference", reference).query(Long.class).single()).as("the front desk's own copy").isEqualTo(1);
        assertThat(model(email, "booking-confirmation").path("unsubscribeUrl").isMissingNode()).as("essential mail has no unsubscribe").isTrue();
        assertThat(model(email, "payment-receipt").path("unsubscribeUrl").asString())
                .startsWith("http://localhost:8080/unsubscribe?token=");
    }

    @Test
    void the_one_click_unsubscribe_link_works_without_logging_in_and_cannot_be_forged() {
        String email = guests.verifiedGuest("notified");
        String guest = guests.accessToken(email);
        PaidBookings.payForABooking(http, guest);
        String link = model(email, "payment-receipt").path("unsubscribeUrl").asString();
        String token = URI.create(link).getQuery().substring("token=".length());
        String path = "/api/v1/notifications/unsubscribe?token=" + token;

        Reply page = http.get(path);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("a receipt for every payment").contains("method=\"post\"");
        assertThat(type(http.get(PREFERENCES, guest).json(), "PAYMENT_RECEIPTS").path("email").asBoolean()).as("a GET changes nothing").isTrue();

        String otherUser = UUID.randomUUID() + token.substring(36);
        String otherType = token.replace(".PAYMENT_RECEIPTS.", ".MARKETING.");
        String otherSignature = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        String essential = token.replace(".PAYMENT_RECEIPTS.", ".BOOKINGS.");
        for (String forged : List.of(otherUser, otherType, otherSignature, essential, "", "garbage")) {
            Reply refused = oneClick("/api/v1/notifications/unsubscribe?token=" + forged);
            assertThat(refused.status()).as(forged).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(http.get("/api/v1/notifications/unsubscribe?token=" + otherSignature).status()).isEqualTo(400);
        assertThat(type(http.get(PREFERENCES, guest).json(), "PAYMENT_RECEIPTS").path("email").asBoolean()).isTrue();

        Reply done = oneClick(path);
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(type(http.get(PREFERENCES, guest).json(), "PAYMENT_RECEIPTS").path("email").asBoolean()).isFalse();
        assertThat(jdbc.sql("""
                        SELECT source FROM notification_preferences p JOIN users u ON u.id = p.user_id
                        WHERE u.email = :email AND notification_type = 'PAYMENT_RECEIPTS'""")
                .param("email", email).query(String.class).single()).isEqualTo("unsubscribe-link");
        assertThat(oneClick(path).status()).as("a second click is harmless").isEqualTo(200);

        PaidBookings.payForABooking(http, guest);
        assertThat(queued(email, "payment-receipt")).as("no receipt after unsubscribing").isEqualTo(1);
        assertThat(queued(email, "booking-confirmation")).isEqualTo(2);
    }

    @Test
    void an_admin_previews_edits_and_reverts_a_template_and_a_broken_edit_is_refused() {
        String admin = guests.adminAccessToken();
        String guest = guests.loggedInGuest("notified");
        assertThat(http.get("/api/v1/admin/email-templates", guest).status()).isEqualTo(403);

        JsonNode list = http.get("/api/v1/admin/email-templates", admin).json();
        assertThat(list.findValuesAsString("name")).hasSize(11).contains("booking-confirmation", "loyalty-points-earned", "sign-up-attempt");

        Reply preview = http.get("/api/v1/admin/email-templates/booking-confirmation/preview", admin);
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.contentType()).startsWith("text/html");
        assertThat(preview.body()).contains("West Bethel Motel").contains("WB-7K2M9Q").contains("Ada");
        assertThat(preview.response().headers().firstValue("Content-Security-Policy").orElseThrow()).contains("style-src 'unsafe-inline'");
        assertThat(preview.response().headers().firstValue("X-Email-Subject").orElseThrow()).isEqualTo("Your stay is confirmed: WB-7K2M9Q");
        Reply text = http.get("/api/v1/admin/email-templates/password-reset/preview?format=text", admin);
        assertThat(text.contentType()).startsWith("text/plain");
        assertThat(text.body()).contains("https://westbethelmotel.example/reset-password?token=sample");
        assertThat(http.get("/api/v1/admin/email-templates/no-such-template/preview", admin).status()).isEqualTo(404);

        Reply broken = putTemplate(admin, "welcome-email", Map.of("subject", "Hello", "html", "<p>{bookingTotal}</p>", "text", "Hi"));
        assertThat(broken.status()).as(broken.body()).isEqualTo(422);
        assertThat(broken.contentType()).startsWith("application/problem+json");
        assertThat(broken.json().path("detail").asString()).contains("{bookingTotal} is not a value of this email");

        Reply saved = putTemplate(admin, "welcome-email", Map.of("subject", "Welcome home, {firstName}",
                "html", "<p>Dear <b>{firstName}</b>, the kettle is on.</p>", "text", "Dear {firstName}, the kettle is on."));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        try {
            Reply edited = http.get("/api/v1/admin/email-templates/welcome-email/preview", admin);
            assertThat(edited.body()).contains("the kettle is on").contains("<b>Ada</b>").contains("West Bethel Motel");
            assertThat(edited.response().headers().firstValue("X-Email-Subject").orElseThrow()).isEqualTo("Welcome home, Ada");
            assertThat(http.get("/api/v1/admin/email-templates", admin).json().toString()).contains("\"editedLanguages\":[\"en\"]");
        } finally {
            assertThat(http.delete("/api/v1/admin/email-templates/welcome-email", admin).status()).isEqualTo(204);
        }
        assertThat(http.get("/api/v1/admin/email-templates/welcome-email/preview", admin).body()).doesNotContain("the kettle is on");
        assertThat(http.delete("/api/v1/admin/email-templates/welcome-email", admin).status()).isEqualTo(404);
    }

    private Reply put(String bearer, Map<String, Object> body) {
        return http.send(http.request(PREFERENCES).header("Content-Type", "application/json").header("Authorization", "Bearer " + bearer)
                .PUT(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    private Reply putTemplate(String bearer, String name, Map<String, Object> body) {
        return http.send(http.request("/api/v1/admin/email-templates/" + name).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + bearer).PUT(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    /** What a mail client sends for RFC 8058 one-click unsubscribe. */
    private Reply oneClick(String path) {
        return http.send(http.request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")));
    }

    /** The preferences' entry for {@code type} (NOTIFICATION_TYPE). */
    static JsonNode type(JsonNode preferences, String type) {
        for (JsonNode item : preferences.path("types")) {
            if (type.equals(item.path("type").asString())) {
                return item;
            }
        }
        throw new AssertionError("no " + type + " in " + preferences);
    }

    private JsonNode model(String email, String template) {
        String model = jdbc.sql("SELECT model::text FROM email_queue WHERE recipient = :email AND template = :template ORDER BY created_at LIMIT 1")
                .param("email", email).param("template", template).query(String.class).single();
        return HttpProbe.parse(model);
    }
}
