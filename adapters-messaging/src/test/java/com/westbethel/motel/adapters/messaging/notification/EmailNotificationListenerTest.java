package com.westbethel.motel.adapters.messaging.notification;

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
import com.westbethel.motel.application.notification.port.out.NotificationPreferenceStore;
import com.westbethel.motel.domain.identity.UserId;
import com.westbethel.motel.domain.loyalty.LoyaltyProgram;
import com.westbethel.motel.domain.notification.NotificationChannel;
import com.westbethel.motel.domain.notification.NotificationPreferences;
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
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each of the spec's events becomes the right email, respecting the guest's preferences. */
class EmailNotificationListenerTest {

    private static final HmacUnsubscribeLinks LINKS = new HmacUnsubscribeLinks("a test unsubscribe key, 32 bytes".getBytes(StandardCharsets.UTF_8));
    private static final Recipient ANNA = new Recipient(new UserId(UUID.randomUUID()), new EmailAddress("anna@example.com"), "Anna");
    private static final Money TOTAL = new Money(new BigDecimal("189.00"), Currency.getInstance("USD"));
    private static final StayDetails STAY = new StayDetails("WB-7K2M9Q", "West Bethel Motel", "King Room", LocalDate.of(2026, 12, 18),
            LocalDate.of(2026, 12, 21), LocalTime.of(15, 0), LocalTime.of(11, 0), ZoneId.of("America/New_York"), 3, 2, TOTAL);

    private final List<OutgoingEmail> queued = new ArrayList<>();
    private final Preferences preferences = new Preferences();
    private final EmailNotificationListener listener = new EmailNotificationListener(queued::add, preferences, LINKS,
            new EmailNotificationListener.Settings("https://motel.example", "https://motel.example/api/v1/notifications/unsubscribe",
                    List.of(new EmailAddress("frontdesk@westbethelmotel.test"))));

    @Test
    void each_event_becomes_its_template() {
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
            queued.clear();
            listener.on(event);
            assertThat(queued).as(event.getClass().getSimpleName()).filteredOn(email -> email.recipient().equals(ANNA.email()))
                    .singleElement().satisfies(email -> {
                assertThat(email.template()).isEqualTo(expected.get(event.getClass()));
                assertThat(email.recipient()).isEqualTo(ANNA.email());
                assertThat(email.model()).containsEntry("firstName", "Anna").containsEntry("email", "anna@example.com");
            });
        }
    }

    @Test
    void links_carry_the_one_time_token_to_the_site() {
        listener.on(new UserRegistered(ANNA, "tok+en/1", Duration.ofHours(24)));
        listener.on(new PasswordResetRequested(ANNA, "reset-token", Duration.ofMinutes(60)));

        assertThat(queued.get(0).model()).containsEntry("verificationUrl", "https://motel.example/verify-email?token=tok%2Ben%2F1")
                .containsEntry("expiresInHours", "24").containsEntry("token", "tok+en/1");
        assertThat(queued.get(1).model()).containsEntry("resetUrl", "https://motel.example/reset-password?token=reset-token")
                .containsEntry("expiresInMinutes", "60");
        // Finding 8: the reset link, which sets a password, is sealed in the outbox until sent.
        assertThat(queued.get(1).sealed()).containsExactlyInAnyOrder("resetUrl", "token");
        assertThat(queued.get(0).sealed()).isEmpty();
    }

    @Test
    void booking_mail_goes_to_the_front_desk_as_its_own_copy_and_has_what_the_calendar_needs() {
        listener.on(new BookingConfirmed(ANNA, STAY, 1890));

        OutgoingEmail email = queued.get(0);
        assertThat(queued).extracting(OutgoingEmail::recipient)
                .containsExactly(ANNA.email(), new EmailAddress("frontdesk@westbethelmotel.test"));
        assertThat(queued.get(1).model()).isEqualTo(email.model());
        assertThat(email.bcc()).isEmpty();
        assertThat(email.model()).containsEntry("reference", "WB-7K2M9Q").containsEntry("propertyName", "West Bethel Motel")
                .containsEntry("checkIn", "2026-12-18").containsEntry("checkInTime", "15:00").containsEntry("timeZone", "America/New_York")
                .containsEntry("total", "189.00 USD").containsEntry("pointsEarned", "1890").doesNotContainKey("unsubscribeUrl");
        assertThat(StayCalendar.forBooking(email.model(), Instant.now())).contains("UID:WB-7K2M9Q@westbethelmotel.com");
    }

    @Test
    void non_essential_mail_respects_the_guests_choice_and_carries_a_signed_unsubscribe_link() {
        listener.on(new LoyaltyPointsEarned(ANNA, "WB-7K2M9Q", 1890, 2340, LoyaltyProgram.Tier.SILVER));
        String link = queued.get(0).model().get("unsubscribeUrl");
        String token = URLDecoder.decode(URI.create(link).getRawQuery().substring("token=".length()), StandardCharsets.UTF_8);
        assertThat(link).startsWith("https://motel.example/api/v1/notifications/unsubscribe?token=");
        assertThat(LINKS.verify(token)).contains(new UnsubscribeToken(ANNA.user().value(), NotificationType.LOYALTY));
        assertThat(queued).hasSize(1);

        queued.clear();
        preferences.choices = preferences.choices.with(NotificationType.LOYALTY, NotificationChannel.EMAIL, false)
                .with(NotificationType.PAYMENT_RECEIPTS, NotificationChannel.EMAIL, false);
        listener.on(new LoyaltyPointsEarned(ANNA, "WB-7K2M9Q", 1890, 2340, LoyaltyProgram.Tier.SILVER));
        listener.on(new PaymentReceived(ANNA, STAY, UUID.randomUUID(), TOTAL, Instant.now()));
        listener.on(new BookingConfirmed(ANNA, STAY, 1890));
        listener.on(new SecurityAlert(ANNA, "new-device", "A new device signed in."));

        assertThat(queued).filteredOn(email -> email.recipient().equals(ANNA.email())).extracting(OutgoingEmail::template)
                .as("essential mail goes out whatever the choices").containsExactly("booking-confirmation", "security-alert");
    }

    @Test
    void the_email_is_in_the_guests_language() {
        preferences.locale = Locale.forLanguageTag("nb");
        listener.on(new EmailVerified(ANNA));

        assertThat(queued.get(0).locale()).isEqualTo(Locale.forLanguageTag("nb"));
    }

    private static List<NotificationEvent> everyEvent() {
        return List.of(
                new UserRegistered(ANNA, "t1", Duration.ofHours(24)),
                new EmailVerificationRequested(ANNA, "t2", Duration.ofHours(24)),
                new EmailVerified(ANNA),
                new PasswordResetRequested(ANNA, "t3", Duration.ofHours(1)),
                new PasswordChanged(ANNA, PasswordChanged.How.CHANGED),
                new SecurityAlert(ANNA, "lockout", "Someone failed to log in five times."),
                new SignUpAttempted(ANNA),
                new BookingConfirmed(ANNA, STAY, 1890),
                new BookingCancelled(ANNA, STAY, TOTAL),
                new PaymentReceived(ANNA, STAY, UUID.randomUUID(), TOTAL, Instant.now()),
                new PaymentFailed(ANNA, STAY, "The card was declined."),
                new LoyaltyPointsEarned(ANNA, "WB-7K2M9Q", 1890, 2340, LoyaltyProgram.Tier.SILVER));
    }

    private static final class Preferences implements NotificationPreferenceStore {

        private NotificationPreferences choices = NotificationPreferences.defaults();
        private Locale locale = Locale.ENGLISH;
        private final Map<UserId, NotificationPreferences> saved = new HashMap<>();

        @Override
        public NotificationPreferences find(UserId user) {
            return choices;
        }

        @Override
        public NotificationPreferences findForUpdate(UserId user) {
            return find(user);
        }

        @Override
        public void save(UserId user, NotificationPreferences preferences, String source, Instant at) {
            saved.put(user, preferences);
        }

        @Override
        public Optional<Locale> locale(UserId user) {
            return Optional.of(locale);
        }

        @Override
        public void saveLocale(UserId user, Locale chosen) {
            locale = chosen;
        }
    }
}
