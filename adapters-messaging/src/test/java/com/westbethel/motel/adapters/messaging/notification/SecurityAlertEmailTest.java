package com.westbethel.motel.adapters.messaging.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.notification.event.Recipient;
import com.westbethel.motel.application.notification.event.SecurityAlert;
import com.westbethel.motel.application.notification.event.SecurityAlert.Kind;
import com.westbethel.motel.application.notification.event.SecurityAlert.Travel;
import com.westbethel.motel.application.notification.port.out.EmailRenderer.RenderedEmail;
import com.westbethel.motel.application.notification.port.out.EmailTemplateOverrides.TemplateOverride;
import com.westbethel.motel.application.notification.service.NotificationEmails;
import com.westbethel.motel.application.notification.service.NotificationEmails.NotificationEmail;
import com.westbethel.motel.domain.identity.Device;
import com.westbethel.motel.domain.identity.UserId;
import com.westbethel.motel.domain.shared.EmailAddress;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A security alert carries facts; the template words them, in both parts, as the sentences below. */
class SecurityAlertEmailTest {

    private static final Recipient ANNA = new Recipient(UserId.random(), new EmailAddress("anna@example.com"), "Anna");
    private static final Instant AT = Instant.parse("2027-06-01T12:00:00Z");
    private static final Device PHONE = Device.of("198.51.100.24", "Safari on iPhone");

    private final NotificationEmails emails = new NotificationEmails("https://motel.example");
    private final ThymeleafEmailRenderer renderer = new ThymeleafEmailRenderer();

    @Test
    void each_kind_of_alert_is_worded_by_the_template_from_its_facts() {
        Map<SecurityAlert, String> sentences = Map.of(
                SecurityAlert.newDevice(ANNA, PHONE, AT),
                "A new device signed in to your account from 198.51.100.24 (Safari on iPhone). If it was not you, end that session under "
                        + "your account's sessions and change your password.",
                SecurityAlert.impossibleTravel(ANNA, PHONE, new Travel("Bethel, ME, US", "Sydney, AU"), AT),
                "Your account was used from Bethel, ME, US and, soon after, from Sydney, AU: farther apart than anyone travels in that time. "
                        + "If one of them was not you, change your password and end the sessions you do not recognise.",
                SecurityAlert.lockout(ANNA, PHONE, 5, AT),
                "Someone at 198.51.100.24 failed to log in to your account 5 times, so logins from there are paused. You can still log in "
                        + "from your own devices; if it was not you, consider a longer password.",
                SecurityAlert.of(ANNA, Kind.REFRESH_TOKEN_REUSE, AT),
                "A sign-in token of yours was used twice, which happens when it has been copied. We ended that session; if it was not you, "
                        + "change your password.",
                SecurityAlert.reauthenticationFailures(ANNA, 5, AT),
                "Someone signed in to your account gave a wrong password or code 5 times while changing your password or two-factor login. "
                        + "If it was not you, change your password and end the sessions you do not recognise.",
                SecurityAlert.of(ANNA, Kind.MFA_ENABLED, AT),
                "Two-factor login was turned on for your account. If it was not you, reset your password at once and contact the motel: "
                        + "someone may have enrolled their own authenticator.",
                SecurityAlert.of(ANNA, Kind.MFA_DISABLED, AT),
                "Two-factor login was turned off for your account. If it was not you, reset your password and turn it on again.",
                SecurityAlert.of(ANNA, Kind.BACKUP_CODES_REGENERATED, AT),
                "New backup codes were made for your account's two-factor login; the old ones no longer work. If it was not you, reset your "
                        + "password and contact the motel.",
                SecurityAlert.of(ANNA, Kind.MFA_RESET, AT),
                "An administrator removed two-factor login from your account and ended every session, at your request or for your account's "
                        + "safety. Log in again and set up two-factor login with your authenticator app. If you did not ask for this, contact "
                        + "the motel at once.");
        assertThat(sentences.keySet()).extracting(SecurityAlert::kind).containsExactlyInAnyOrder(Kind.values());

        sentences.forEach((alert, sentence) -> {
            RenderedEmail email = rendered(alert);

            assertThat(email.subject()).isEqualTo("Security alert for your West Bethel Motel account");
            assertThat(email.text()).as(alert.kind().code()).isEqualTo("Dear Anna,\n\n" + sentence
                    + "\n\nWarm regards,\nThe West Bethel Motel\nRoute 2, West Bethel, Maine\n");
            assertThat(textOf(email.html())).as(alert.kind().code()).contains("Dear Anna, " + sentence + " Warm regards,");
        });
    }

    @Test
    void a_device_without_a_user_agent_is_an_unknown_browser() {
        RenderedEmail email = rendered(SecurityAlert.newDevice(ANNA, Device.of("203.0.113.7", ""), AT));

        assertThat(email.text()).contains("from 203.0.113.7 (unknown browser).");
        assertThat(textOf(email.html())).contains("from 203.0.113.7 (unknown browser).");
    }

    @Test
    void an_administrators_version_words_the_alert_with_its_detail_placeholder() {
        // given: a version saved when {detail} was the alert's only wording
        TemplateOverride edited = new TemplateOverride("security-alert", "en", "Account alert", "<p>Hello {firstName}: {detail}</p>",
                "Hello {firstName}: {detail}", AT, "admin@example.com");
        Map<String, String> model = new HashMap<>(emails.of(SecurityAlert.lockout(ANNA, PHONE, 5, AT)).model());
        model.put("firstName", ANNA.firstName());

        // when
        RenderedEmail email = renderer.renderCandidate(edited, model);

        // then
        assertThat(email.text()).isEqualTo("Hello Anna: Someone at 198.51.100.24 failed to log in to your account 5 times, so logins from "
                + "there are paused. You can still log in from your own devices; if it was not you, consider a longer password.");
    }

    @Test
    void an_alert_queued_with_its_sentence_already_written_keeps_it() {
        // given: an email queued before alerts carried facts
        Map<String, String> queued = Map.of("firstName", "Anna", "email", "anna@example.com", "alert", "new-device",
                "detail", "A new device signed in to your account from 203.0.113.7 (Firefox on Linux).");

        // when
        RenderedEmail email = renderer.render("security-alert", Locale.ENGLISH, queued);

        // then
        assertThat(email.text()).contains("Dear Anna,\n\nA new device signed in to your account from 203.0.113.7 (Firefox on Linux).\n\n");
    }

    private RenderedEmail rendered(SecurityAlert alert) {
        NotificationEmail email = emails.of(alert);
        Map<String, String> model = new HashMap<>(email.model());
        model.put("firstName", ANNA.firstName());
        return renderer.render(email.template(), Locale.ENGLISH, model);
    }

    /** The words a reader sees: tags dropped, entities read, white space as one space. */
    private static String textOf(String html) {
        return html.replace("<br>", " ").replaceAll("<[^>]+>", "").replace("&#39;", "'").replace("&amp;", "&").replaceAll("\\s+", " ");
    }
}
