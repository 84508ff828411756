package com.westbethel.motel.application.notification.service;

import static com.westbethel.motel.application.notification.service.InMemoryNotifications.LINKS;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.notification.event.BookingCancelled;
import com.westbethel.motel.application.notification.event.BookingConfirmed;
import com.westbethel.motel.application.notification.event.EmailVerificationRequested;
import com.westbethel.motel.application.notification.event.EmailVerified;
import com.westbethel.motel.application.notification.event.LoyaltyPointsEarned;
import com.westbethel.motel.application.notification.event.NotificationEvent;
import com.westbethel.motel.application.notification.event.PasswordChanged;
import com.westbethel.motel.application.notification.event.PasswordResetRequested;
import com.westbethel.motel.application.notification.event.PaymentFailed;
import com.westbethel.motel.application.notification.event.PaymentReceived;
import com.westbethel.motel.application.notification.event.Recipient;
import com.westbethel.motel.application.notification.event.SecurityAlert;
import com.westbethel.motel.application.notification.event.SignUpAttempted;
import com.westbethel.motel.application.notification.event.StayDetails;
import com.westbethel.motel.application.notification.event.UserRegistered;
import com.westbethel.motel.application.notification.port.out.EmailOutbox.OutgoingEmail;
import com.westbethel.motel.application.notification.service.InMemoryNotifications.InMemoryPreferences;
import com.westbethel.motel.application.notification.service.InMemoryNotifications.RecordingOutbox;
import com.westbethel.motel.domain.identity.Device;
import com.westbethel.motel.domain.identity.UserId;
import com.westbethel.motel.domain.loyalty.LoyaltyProgram;
import com.westbethel.motel.domain.notification.NotificationChannel;
import com.westbethel.motel.domain.notification.NotificationType;
import com.westbethel.motel.domain.notification.UnsubscribeToken;
import com.westbethel.motel.domain.shared.EmailAddress;
import com.westbethel.motel.domain.shared.Money;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each of the spec's events becomes the right email, for the addresses the notification policy names. */
class QueueNotificationEmailsServiceTest {

    private static final String MANAGE_URL = "https://westbethelmotel.example/manage/WB-7K2M9Q.signed";
    private static final Recipient ANNA = new Recipient(UserId.random(), new EmailAddress("anna@example.com"), "Anna");
    private static final EmailAddress FRONT_DESK = new EmailAddress("frontdesk@westbethelmotel.test");
    private static final Money TOTAL = new Money(new BigDecimal("189.00"), Currency.getInstance("USD"));
    private static final StayDetails STAY = new StayDetails("WB-7K2M9Q", "West Bethel Motel", "King Room", LocalDate.of(2026, 12, 18),
            LocalDate.of(2026, 12, 21), LocalTime.of(15, 0), LocalTime.of(11, 0), ZoneId.of("America/New_York"), 3, 2, TOTAL);

    private final RecordingOutbox outbox = new RecordingOutbox();
    private final InMemoryPreferences preferences = new InMemoryPreferences().with(ANNA.user().orElseThrow(), Locale.ENGLISH);
    private final QueueNotificationEmailsService service = new QueueNotificationEmailsService(outbox, preferences, LINKS,
            new QueueNotificationEmailsService.Settings("https://motel.example/", "https://motel.example/api/v1/notifications/unsubscribe",
                    List.of(FRONT_DESK)));

    @Test
    void each_event_becomes_its_template_addressed_to_the_guest_by_name() {
        Map<Class<? extends NotificationEvent>, String> expected = Map.ofEntries(
                Map.entry(UserRegistered.class, "email-verification"),
                Map.entry(EmailVerificationRequested.class, "email-verification"),
                Map.entry(EmailVerified.class, "welcome-email"),
                Map.entry(PasswordResetRequested.class, "password-reset"),
                Map.entry(PasswordChanged.class, "password-changed"),
                Map.entry(SecurityAlert.class, "security-alert"),
                Map.entry(SignUpAttempted.class, "sign-up-attempt"),
                Map.entry(BookingConfirmed.class, "booking-confirmation"),
                Map.entry(BookingCancelled.class, "booking-cancelled"),
                Map.entry(PaymentReceived.class, "payment-receipt"),
                Map.entry(PaymentFailed.class, "payment-failed"),
                Map.entry(LoyaltyPointsEarned.class, "loyalty-points-earned"));
        for (NotificationEvent event : everyEvent()) {
            // when
            outbox.queued.clear();
            service.queue(event);

            // then
            assertThat(outbox.queued).as(event.getClass().getSimpleName()).filteredOn(email -> email.recipient().equals(ANNA.email()))
                    .singleElement().satisfies(email -> {
                assertThat(email.template()).isEqualTo(expected.get(event.getClass()));
                assertThat(email.model()).containsEntry("firstName", "Anna").containsEntry("email", "anna@example.com");
                assertThat(email.model().keySet()).as("the template's variables").containsAll(EmailSamples.modelFor(email.template()).keySet());
            });
        }
    }

    @Test
    void links_carry_the_one_time_token_to_the_site_and_a_reset_link_is_sealed() {
        // when
        service.queue(new UserRegistered(ANNA, "tok+en/1", Duration.ofHours(24)));
        service.queue(new PasswordResetRequested(ANNA, "reset-token", Duration.ofMinutes(60)));

        // then
        assertThat(outbox.queued.get(0).model()).containsEntry("verificationUrl", "https://motel.example/verify-email?token=tok%2Ben%2F1")
                .containsEntry("expiresInHours", "24").containsEntry("token", "tok+en/1");
        assertThat(outbox.queued.get(1).model()).containsEntry("resetUrl", "https://motel.example/reset-password?token=reset-token")
                .containsEntry("expiresInMinutes", "60");
        // Finding 8: the reset link, which sets a password, is sealed in the outbox until sent.
        assertThat(outbox.queued.get(1).sealed()).containsExactlyInAnyOrder("resetUrl", "token");
        assertThat(outbox.queued.get(0).sealed()).isEmpty();
    }

    @Test
    void booking_mail_goes_to_the_front_desk_as_its_own_copy_with_the_stay_as_the_calendar_entry_needs_it() {
        // when
        service.queue(new BookingConfirmed(ANNA, STAY, 1890, MANAGE_URL));

        // then
        OutgoingEmail email = outbox.queued.get(0);
        assertThat(outbox.queued).extracting(OutgoingEmail::recipient).containsExactly(ANNA.email(), FRONT_DESK);
        Map<String, String> withoutTheLink = new java.util.HashMap<>(email.model());
        withoutTheLink.remove("manageUrl");
        assertThat(outbox.queued.get(1).model()).as("the same mail, less the guest's manage link").isEqualTo(withoutTheLink);
        assertThat(email.bcc()).isEmpty();
        assertThat(email.model()).containsEntry("reference", "WB-7K2M9Q").containsEntry("propertyName", "West Bethel Motel")
                .containsEntry("checkIn", "2026-12-18").containsEntry("checkInTime", "15:00").containsEntry("timeZone", "America/New_York")
                .containsEntry("total", "189.00 USD").containsEntry("pointsEarned", "1890").doesNotContainKey("unsubscribeUrl");
    }

    @Test
    void the_link_that_manages_a_booking_is_sealed_in_the_outbox_like_a_reset_link() {
        // when
        service.queue(new BookingConfirmed(ANNA, STAY, 1890, MANAGE_URL));
        service.queue(new PaymentReceived(ANNA, STAY, UUID.randomUUID(), TOTAL, Instant.now(), MANAGE_URL));

        // then
        assertThat(outbox.queued).filteredOn(email -> email.recipient().equals(ANNA.email())).hasSize(2).allSatisfy(email -> {
            assertThat(email.model()).containsEntry("manageUrl", MANAGE_URL);
            assertThat(email.sealed()).containsExactly("manageUrl");
        });
        assertThat(new BookingConfirmed(ANNA, STAY, 1890, MANAGE_URL).toString()).doesNotContain(MANAGE_URL);
    }

    @Test
    void the_front_desks_copy_carries_no_manage_link_nor_any_sealed_value() {
        // given
        Recipient mia = Recipient.withoutAccount(new EmailAddress("mia@example.com"), "Mia");

        // when
        service.queue(new BookingConfirmed(mia, STAY, 0, MANAGE_URL));
        service.queue(new BookingConfirmed(ANNA, STAY, 1890, MANAGE_URL));

        // then
        assertThat(outbox.queued).filteredOn(email -> email.recipient().equals(FRONT_DESK)).hasSize(2).allSatisfy(copy -> {
            assertThat(copy.model()).doesNotContainKey("manageUrl").containsEntry("reference", "WB-7K2M9Q");
            assertThat(copy.model().values()).noneMatch(value -> value.contains(MANAGE_URL));
            assertThat(copy.sealed()).isEmpty();
        });
        assertThat(outbox.queued).filteredOn(email -> email.recipient().equals(mia.email())).singleElement()
                .satisfies(guests -> assertThat(guests.model()).containsEntry("manageUrl", MANAGE_URL));
    }

    @Test
    void non_essential_mail_respects_the_guests_choice_and_carries_a_signed_unsubscribe_link() {
        // when
        service.queue(new LoyaltyPointsEarned(ANNA, "WB-7K2M9Q", 1890, 2340, LoyaltyProgram.Tier.SILVER));

        // then
        String link = outbox.queued.get(0).model().get("unsubscribeUrl");
        String token = URLDecoder.decode(URI.create(link).getRawQuery().substring("token=".length()), StandardCharsets.UTF_8);
        assertThat(link).startsWith("https://motel.example/api/v1/notifications/unsubscribe?token=");
        assertThat(LINKS.verify(token)).contains(new UnsubscribeToken(ANNA.user().orElseThrow().value(), NotificationType.LOYALTY));
        assertThat(outbox.queued).hasSize(1);

        // given
        outbox.queued.clear();
        preferences.save(ANNA.user().orElseThrow(), preferences.find(ANNA.user().orElseThrow()).with(NotificationType.LOYALTY, NotificationChannel.EMAIL, false)
                .with(NotificationType.PAYMENT_RECEIPTS, NotificationChannel.EMAIL, false), "account", Instant.now());

        // when
        service.queue(new LoyaltyPointsEarned(ANNA, "WB-7K2M9Q", 1890, 2340, LoyaltyProgram.Tier.SILVER));
        service.queue(new PaymentReceived(ANNA, STAY, UUID.randomUUID(), TOTAL, Instant.now(), MANAGE_URL));
        service.queue(new BookingConfirmed(ANNA, STAY, 1890, MANAGE_URL));
        service.queue(SecurityAlert.newDevice(ANNA, Device.of("203.0.113.7", "Firefox on Linux"), Instant.now()));

        // then
        assertThat(outbox.queued).filteredOn(email -> email.recipient().equals(ANNA.email())).extracting(OutgoingEmail::template)
                .as("essential mail goes out whatever the choices").containsExactly("booking-confirmation", "security-alert");
    }

    @Test
    void the_email_is_in_the_guests_language() {
        // given
        preferences.saveLocale(ANNA.user().orElseThrow(), Locale.forLanguageTag("nb"));

        // when
        service.queue(new EmailVerified(ANNA));

        // then
        assertThat(outbox.queued.get(0).locale()).isEqualTo(Locale.forLanguageTag("nb"));
    }

    @Test
    void a_security_alert_carries_its_facts_for_the_template_to_word_and_every_fact_is_there_for_an_edited_version() {
        // when
        service.queue(SecurityAlert.lockout(ANNA, Device.of("192.0.2.66", "curl/8"), 5, Instant.parse("2027-06-01T12:00:00Z")));
        service.queue(SecurityAlert.of(ANNA, SecurityAlert.Kind.MFA_DISABLED, Instant.parse("2027-06-01T12:05:00Z")));

        // then
        assertThat(outbox.queued.get(0).model()).containsEntry("alert", "lockout").containsEntry("ipAddress", "192.0.2.66")
                .containsEntry("device", "curl/8").containsEntry("failures", "5").containsEntry("occurredAt", "2027-06-01T12:00:00Z")
                .containsEntry("location", "").containsEntry("previousLocation", "");
        assertThat(outbox.queued.get(1).model()).containsEntry("alert", "mfa-disabled").containsEntry("ipAddress", "")
                .containsEntry("failures", "").doesNotContainKey("detail");
    }

    private static List<NotificationEvent> everyEvent() {
        return List.of(
                new UserRegistered(ANNA, "t1", Duration.ofHours(24)),
                new EmailVerificationRequested(ANNA, "t2", Duration.ofHours(24)),
                new EmailVerified(ANNA),
                new PasswordResetRequested(ANNA, "t3", Duration.ofHours(1)),
                new PasswordChanged(ANNA, PasswordChanged.How.CHANGED),
                SecurityAlert.lockout(ANNA, Device.of("192.0.2.66", "curl/8"), 5, Instant.now()),
                new SignUpAttempted(ANNA),
                new BookingConfirmed(ANNA, STAY, 1890, MANAGE_URL),
                new BookingCancelled(ANNA, STAY, TOTAL),
                new PaymentReceived(ANNA, STAY, UUID.randomUUID(), TOTAL, Instant.now(), MANAGE_URL),
                new PaymentFailed(ANNA, STAY, "The card was declined."),
                new LoyaltyPointsEarned(ANNA, "WB-7K2M9Q", 1890, 2340, LoyaltyProgram.Tier.SILVER));
    }
}
