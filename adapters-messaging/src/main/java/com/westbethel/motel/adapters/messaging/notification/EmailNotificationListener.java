package com.westbethel.motel.adapters.messaging.notification;

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
import com.westbethel.motel.application.notification.port.out.EmailOutbox;
import com.westbethel.motel.application.notification.port.out.NotificationPreferenceStore;
import com.westbethel.motel.application.notification.port.out.UnsubscribeLinks;
import com.westbethel.motel.domain.notification.EmailTemplates;
import com.westbethel.motel.domain.notification.NotificationChannel;
import com.westbethel.motel.domain.notification.NotificationType;
import com.westbethel.motel.domain.notification.UnsubscribeToken;
import com.westbethel.motel.domain.shared.EmailAddress;
import com.westbethel.motel.domain.shared.Money;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;

/**
 * Turns each notification event into an email in the outbox: the one path by which the motel's email
 * is queued. It runs in the publishing use case's transaction, so the email commits with the change.
 * Non-essential email goes only to guests who want it, in their language, with a signed one-click
 * unsubscribe link; the front desk, when configured, gets its own copy of booking mail.
 */
public class EmailNotificationListener {

    private static final Logger log = LoggerFactory.getLogger(EmailNotificationListener.class);

    private final EmailOutbox outbox;
    private final NotificationPreferenceStore preferences;
    private final UnsubscribeLinks links;
    private final Settings settings;

    public EmailNotificationListener(EmailOutbox outbox, NotificationPreferenceStore preferences, UnsubscribeLinks links, Settings settings) {
        this.outbox = outbox;
        this.preferences = preferences;
        this.links = links;
        this.settings = settings;
    }

    @EventListener
    public void on(NotificationEvent event) {
        Email email = email(event);
        NotificationType type = EmailTemplates.typeOf(email.template());
        Recipient recipient = event.recipient();
        if (!type.essential() && !preferences.find(recipient.user()).allows(type, NotificationChannel.EMAIL)) {
            log.debug("{} not emailed to user {}: they turned {} email off", email.template(), recipient.user(), type);
            return;
        }
        Map<String, String> model = new HashMap<>(email.model());
        model.put("firstName", recipient.firstName());
        model.put("email", recipient.email().value());
        if (!type.essential()) {
            String token = links.sign(new UnsubscribeToken(recipient.user().value(), type));
            model.put("unsubscribeUrl", settings.unsubscribeUrl() + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        }
        Locale locale = preferences.locale(recipient.user()).orElse(Locale.ENGLISH);
        outbox.enqueue(new OutgoingEmail(email.template(), recipient.email(), locale, model, List.of(), List.of(), email.sealed()));
        if (type == NotificationType.BOOKINGS) {
            // The front desk's copy is an email of its own rather than a blind copy: an address the relay refuses
            // then costs the front desk its copy, never the guest their confirmation.
            for (EmailAddress frontDesk : settings.frontDesk()) {
                outbox.enqueue(new OutgoingEmail(email.template(), frontDesk, Locale.ENGLISH, model));
            }
        }
    }

    private Email email(NotificationEvent event) {
        if (event instanceof UserRegistered registered) {
            return verification(registered.verificationToken(), registered.expiresIn());
        }
        if (event instanceof EmailVerificationRequested requested) {
            return verification(requested.verificationToken(), requested.expiresIn());
        }
        if (event instanceof EmailVerified) {
            return new Email("welcome-email", Map.of("loginUrl", settings.siteUrl() + "/login"));
        }
        if (event instanceof PasswordResetRequested reset) {
            // The link sets a password: the outbox keeps it encrypted until the worker sends it.
            return new Email("password-reset", Map.of(
                    "resetUrl", link("/reset-password", reset.resetToken()),
                    "token", reset.resetToken(),
                    "expiresInMinutes", String.valueOf(reset.expiresIn().toMinutes())), Set.of("resetUrl", "token"));
        }
        if (event instanceof PasswordChanged changed) {
            return new Email("password-changed", Map.of(
                    "how", changed.how().name().toLowerCase(Locale.ROOT), "resetUrl", settings.siteUrl() + "/forgot-password"));
        }
        if (event instanceof SignUpAttempted) {
            return new Email("sign-up-attempt", Map.of("loginUrl", settings.siteUrl() + "/login", "resetUrl", settings.siteUrl() + "/forgot-password"));
        }
        if (event instanceof SecurityAlert alert) {
            return new Email("security-alert", Map.of("alert", alert.kind(), "detail", alert.detail()));
        }
        if (event instanceof BookingConfirmed confirmed) {
            Map<String, String> model = stay(confirmed.stay());
            model.put("pointsEarned", String.valueOf(confirmed.pointsEarned()));
            return new Email("booking-confirmation", model);
        }
        if (event instanceof BookingCancelled cancelled) {
            Map<String, String> model = stay(cancelled.stay());
            model.put("refund", format(cancelled.refund()));
            return new Email("booking-cancelled", model);
        }
        if (event instanceof PaymentReceived paid) {
            Map<String, String> model = stay(paid.stay());
            model.put("amount", format(paid.amount()));
            model.put("payment", paid.payment().toString());
            model.put("paidAt", paid.paidAt().toString());
            return new Email("payment-receipt", model);
        }
        if (event instanceof PaymentFailed failed) {
            Map<String, String> model = stay(failed.stay());
            model.put("reason", failed.reason());
            return new Email("payment-failed", model);
        }
        if (event instanceof LoyaltyPointsEarned earned) {
            return new Email("loyalty-points-earned", Map.of(
                    "reference", earned.bookingReference(),
                    "points", String.valueOf(earned.points()),
                    "balance", String.valueOf(earned.balance()),
                    "tier", earned.tier().name()));
        }
        throw new IllegalArgumentException("no email for " + event.getClass().getSimpleName());
    }

    private Email verification(String token, Duration expiresIn) {
        return new Email("email-verification", Map.of(
                "verificationUrl", link("/verify-email", token),
                "token", token,
                "expiresInHours", String.valueOf(expiresIn.toHours())));
    }

    private static Map<String, String> stay(StayDetails stay) {
        Map<String, String> model = new HashMap<>();
        model.put("reference", stay.reference());
        model.put("propertyName", stay.propertyName());
        model.put("roomType", stay.roomType());
        model.put("checkIn", stay.checkIn().toString());
        model.put("checkOut", stay.checkOut().toString());
        model.put("checkInTime", stay.checkInTime().toString());
        model.put("checkOutTime", stay.checkOutTime().toString());
        model.put("timeZone", stay.timeZone().getId());
        model.put("nights", String.valueOf(stay.nights()));
        model.put("guests", String.valueOf(stay.guests()));
        model.put("total", format(stay.total()));
        return model;
    }

    private String link(String path, String token) {
        return settings.siteUrl() + path + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    private static String format(Money money) {
        return money.amount().toPlainString() + " " + money.currency().getCurrencyCode();
    }

    private record Email(String template, Map<String, String> model, Set<String> sealed) {

        Email(String template, Map<String, String> model) {
            this(template, model, Set.of());
        }
    }

    /**
     * @param siteUrl where guests reach the motel's site (verification and reset pages)
     * @param unsubscribeUrl the API's one-click unsubscribe endpoint
     * @param frontDesk sent a copy of booking mail; empty for none
     */
    public record Settings(String siteUrl, String unsubscribeUrl, List<EmailAddress> frontDesk) {

        public Settings {
            siteUrl = withoutTrailingSlash(Objects.requireNonNull(siteUrl, "siteUrl"));
            Objects.requireNonNull(unsubscribeUrl, "unsubscribeUrl");
            frontDesk = List.copyOf(frontDesk);
        }

        private static String withoutTrailingSlash(String url) {
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }
    }
}
