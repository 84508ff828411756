package com.westbethel.motel.adapters.messaging.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.westbethel.motel.application.notification.port.out.EmailRenderer.RenderedEmail;
import com.westbethel.motel.application.notification.port.out.EmailTemplateOverrides.TemplateOverride;
import com.westbethel.motel.application.notification.service.EmailSamples;
import com.westbethel.motel.application.support.InMemoryEmailTemplateOverrides;
import com.westbethel.motel.domain.notification.EmailTemplates;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ThymeleafEmailRendererTest {

    private final ThymeleafEmailRenderer renderer = new ThymeleafEmailRenderer();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2027-06-01T12:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the renderer reads instants only");
        }
    };

    @Test
    void every_template_renders_a_subject_an_html_part_in_the_layout_and_a_text_part() {
        for (String template : EmailTemplates.ALL) {
            Map<String, String> model = new HashMap<>(EmailSamples.modelFor(template));
            model.put("firstName", "<firstName>");
            RenderedEmail email = renderer.render(template, Locale.ENGLISH, model);

            assertThat(email.subject()).as(template).isNotBlank().doesNotContain("\n");
            assertThat(email.html()).as(template).contains("West Bethel Motel").contains("&lt;firstName&gt;").doesNotContain("<firstName>");
            assertThat(email.text()).as(template).contains("Dear <firstName>,");
        }
    }

    @Test
    void the_verification_email_carries_its_link_in_both_parts() {
        RenderedEmail email = renderer.render("email-verification", Locale.ENGLISH, Map.of("firstName", "Anna",
                "verificationUrl", "https://motel.example/verify-email?token=abc", "expiresInHours", "24"));

        assertThat(email.subject()).isEqualTo("Confirm your email address, Anna");
        assertThat(email.html()).contains("href=\"https://motel.example/verify-email?token=abc\"").contains("24");
        assertThat(email.text()).contains("https://motel.example/verify-email?token=abc");
    }

    @Test
    void a_guest_supplied_value_cannot_inject_markup_or_a_header() {
        RenderedEmail email = renderer.render("booking-cancelled", Locale.ENGLISH, Map.of("firstName", "<script>alert(1)</script>",
                "reference", "WB-ABC\r\nBcc: someone@evil.example", "roomType", "Queen", "checkIn", "a", "checkOut", "b", "refund", "0"));

        assertThat(email.html()).doesNotContain("<script>").contains("&lt;script&gt;");
        assertThat(email.subject()).doesNotContain("\r").doesNotContain("\n");
    }

    @Test
    void a_booking_confirmation_carries_the_stay_as_a_calendar_attachment() {
        RenderedEmail email = renderer.render("booking-confirmation", Locale.ENGLISH, EmailSamples.modelFor("booking-confirmation"));

        assertThat(email.attachments()).singleElement().satisfies(attachment -> {
            assertThat(attachment.filename()).isEqualTo("stay-WB-7K2M9Q.ics");
            assertThat(attachment.contentType()).startsWith("text/calendar");
            assertThat(new String(attachment.content(), StandardCharsets.UTF_8))
                    .contains("BEGIN:VEVENT").contains("DTSTART:20261218T200000Z").contains("DTEND:20261221T160000Z");
        });
        assertThat(renderer.render("booking-cancelled", Locale.ENGLISH, EmailSamples.modelFor("booking-cancelled")).attachments()).isEmpty();
    }

    @Test
    void the_confirmation_and_the_receipt_carry_the_link_that_manages_the_booking() {
        String link = "https://westbethelmotel.example/manage/sample";

        RenderedEmail confirmation = renderer.render("booking-confirmation", Locale.ENGLISH, EmailSamples.modelFor("booking-confirmation"));
        RenderedEmail receipt = renderer.render("payment-receipt", Locale.ENGLISH, EmailSamples.modelFor("payment-receipt"));

        assertThat(confirmation.html()).contains("href=\"" + link + "\"").contains("Manage your booking");
        assertThat(confirmation.text()).contains(link);
        assertThat(receipt.html()).contains("href=\"" + link + "\"");
        assertThat(receipt.text()).contains(link);
    }

    @Test
    void a_confirmation_retried_after_its_link_was_scrubbed_goes_without_the_link() {
        Map<String, String> model = new HashMap<>(EmailSamples.modelFor("booking-confirmation"));
        model.remove("manageUrl");

        RenderedEmail email = renderer.render("booking-confirmation", Locale.ENGLISH, model);

        assertThat(email.html()).doesNotContain("Manage your booking").contains("WB-7K2M9Q");
        assertThat(email.text()).doesNotContain("/manage/").contains("Warm regards");
    }

    @Test
    void a_guest_without_an_account_earns_no_points_and_the_confirmation_does_not_speak_of_them() {
        Map<String, String> model = new HashMap<>(EmailSamples.modelFor("booking-confirmation"));
        model.put("pointsEarned", "0");

        RenderedEmail email = renderer.render("booking-confirmation", Locale.ENGLISH, model);

        assertThat(email.html()).doesNotContain("loyalty points");
        assertThat(email.text()).doesNotContain("loyalty points");
        assertThat(renderer.render("booking-confirmation", Locale.ENGLISH, EmailSamples.modelFor("booking-confirmation")).text())
                .contains("You earned 1890 loyalty points.");
    }

    @Test
    void a_confirmation_whose_stay_cannot_be_put_in_a_calendar_still_goes_without_the_attachment() {
        Map<String, String> model = new HashMap<>(EmailSamples.modelFor("booking-confirmation"));
        model.remove("timeZone");

        RenderedEmail email = renderer.render("booking-confirmation", Locale.ENGLISH, model);

        assertThat(email.attachments()).isEmpty();
        assertThat(email.subject()).isEqualTo("Your stay is confirmed: WB-7K2M9Q");
    }

    @Test
    void non_essential_mail_shows_its_unsubscribe_link_and_hands_it_to_the_sender() {
        RenderedEmail receipt = renderer.render("payment-receipt", Locale.ENGLISH, EmailSamples.modelFor("payment-receipt"));
        RenderedEmail reset = renderer.render("password-reset", Locale.ENGLISH, EmailSamples.modelFor("password-reset"));

        String link = "https://westbethelmotel.example/unsubscribe?token=sample";
        assertThat(receipt.unsubscribeUrl()).contains(link);
        assertThat(receipt.html()).contains("href=\"" + link + "\"").contains("Unsubscribe");
        assertThat(receipt.text()).contains("Unsubscribe: " + link);
        assertThat(reset.unsubscribeUrl()).isEmpty();
        assertThat(reset.html()).doesNotContain("Unsubscribe");
    }

    @Test
    void a_language_without_templates_gets_english() {
        RenderedEmail email = renderer.render("welcome-email", Locale.FRENCH, EmailSamples.modelFor("welcome-email"));

        assertThat(email.subject()).isEqualTo("Welcome to the West Bethel Motel, Ada");
    }

    @Test
    void an_administrators_version_wins_over_the_shipped_template_inside_the_branded_layout() {
        InMemoryEmailTemplateOverrides overrides = new InMemoryEmailTemplateOverrides();
        ThymeleafEmailRenderer edited = new ThymeleafEmailRenderer(overrides, Duration.ZERO, Clock.systemUTC());
        overrides.save(new TemplateOverride("welcome-email", "en", "Welcome home, {firstName}", "<p>Hello <b>{firstName}</b> <i th:text=\"${T(java.lang.Runtime).getRuntime()}\">as written</i></p>",
                "Hello {firstName}", Instant.now(), "user:admin"));

        RenderedEmail email = edited.render("welcome-email", Locale.ENGLISH, Map.of("firstName", "<Ada>", "loginUrl", "https://x"));

        assertThat(email.subject()).isEqualTo("Welcome home, <Ada>");
        assertThat(email.html()).contains("<b>&lt;Ada&gt;</b>").contains("West Bethel Motel").contains("Route 2")
                .as("nothing in an edit is evaluated").contains("<i th:text=\"${T(java.lang.Runtime).getRuntime()}\">as written</i>");
        assertThat(email.text()).isEqualTo("Hello <Ada>");
        assertThat(edited.render("password-reset", Locale.ENGLISH, EmailSamples.modelFor("password-reset")).subject())
                .as("other templates stay shipped").isEqualTo("Reset your West Bethel Motel password");
    }

    @Test
    void a_broken_candidate_is_refused_with_the_reason() {
        TemplateOverride broken = new TemplateOverride("welcome-email", "en", "Hi", "<p>{bookingTotal}</p>", "Hi", Instant.now(), "admin");

        assertThatThrownBy(() -> renderer.renderCandidate(broken, EmailSamples.modelFor("welcome-email")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{bookingTotal} is not a value of this email")
                .hasMessageContaining("{loginUrl}");
    }

    @Test
    void when_the_edits_cannot_be_read_the_shipped_template_is_sent() {
        InMemoryEmailTemplateOverrides overrides = new InMemoryEmailTemplateOverrides();
        overrides.failing = true;
        ThymeleafEmailRenderer edited = new ThymeleafEmailRenderer(overrides, Duration.ZERO, Clock.systemUTC());

        assertThat(edited.render("welcome-email", Locale.ENGLISH, EmailSamples.modelFor("welcome-email")).subject())
                .isEqualTo("Welcome to the West Bethel Motel, Ada");
    }

    @Test
    void an_edit_reaches_the_emails_once_the_versions_read_are_older_than_the_maximum_age() {
        InMemoryEmailTemplateOverrides overrides = new InMemoryEmailTemplateOverrides();
        ThymeleafEmailRenderer edited = new ThymeleafEmailRenderer(overrides, Duration.ofMinutes(5), clock);
        assertThat(welcomeSubject(edited)).isEqualTo("Welcome to the West Bethel Motel, Ada");

        overrides.save(new TemplateOverride("welcome-email", "en", "Hello {firstName}", "<p>Hello</p>", "Hello", now.get(), "user:admin"));
        now.set(now.get().plus(Duration.ofMinutes(4)));
        String withinTheAge = welcomeSubject(edited);
        now.set(now.get().plus(Duration.ofMinutes(2)));
        String afterIt = welcomeSubject(edited);

        assertThat(withinTheAge).isEqualTo("Welcome to the West Bethel Motel, Ada");
        assertThat(afterIt).isEqualTo("Hello Ada");
    }

    @Test
    void while_the_edits_cannot_be_read_the_versions_last_read_are_sent_and_read_again_when_they_can() {
        InMemoryEmailTemplateOverrides overrides = new InMemoryEmailTemplateOverrides();
        ThymeleafEmailRenderer edited = new ThymeleafEmailRenderer(overrides, Duration.ofMinutes(5), clock);
        overrides.save(new TemplateOverride("welcome-email", "en", "Hello {firstName}", "<p>Hello</p>", "Hello", now.get(), "user:admin"));
        assertThat(welcomeSubject(edited)).isEqualTo("Hello Ada");

        overrides.failing = true;
        now.set(now.get().plus(Duration.ofMinutes(6)));
        String whileFailing = welcomeSubject(edited);
        overrides.failing = false;
        overrides.delete("welcome-email", "en");
        String recovered = welcomeSubject(edited);

        assertThat(whileFailing).isEqualTo("Hello Ada");
        assertThat(recovered).as("read again at the next email, not after another maximum age").isEqualTo("Welcome to the West Bethel Motel, Ada");
    }

    @Test
    void an_edit_escapes_every_character_that_means_markup_in_a_value() {
        TemplateOverride candidate = new TemplateOverride("welcome-email", "en", "Hi", "<p>{firstName}</p>", "Hi {firstName}", Instant.now(),
                "admin");

        RenderedEmail email = renderer.renderCandidate(candidate, Map.of("firstName", "<Tom> & \"Jerry's\" Café", "loginUrl", "https://x"));

        assertThat(email.html()).contains("<p>&lt;Tom&gt; &amp; &quot;Jerry&#39;s&quot; Café</p>");
        assertThat(email.text()).isEqualTo("Hi <Tom> & \"Jerry's\" Café");
    }

    @Test
    void an_unknown_template_is_refused() {
        assertThatThrownBy(() -> renderer.render("birthday-card", Locale.ENGLISH, Map.of())).hasMessageContaining("birthday-card");
    }

    private static String welcomeSubject(ThymeleafEmailRenderer renderer) {
        return renderer.render("welcome-email", Locale.ENGLISH, EmailSamples.modelFor("welcome-email")).subject();
    }
}
