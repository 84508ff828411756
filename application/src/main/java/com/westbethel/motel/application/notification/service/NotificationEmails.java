package com.westbethel.motel.application.notification.service;

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
import com.westbethel.motel.application.notification.event.SecurityAlert;
import com.westbethel.motel.application.notification.event.SignUpAttempted;
import com.westbethel.motel.application.notification.event.StayDetails;
import com.westbethel.motel.application.notification.event.UserRegistered;
import com.westbethel.motel.domain.identity.Device;
import com.westbethel.motel.domain.shared.Money;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The email each notification event sends: its template, and the facts the template words, as text (with links into the
 * site). No sentence is written here: the templates hold the words, so a translated template translates the whole email.
 * {@link EmailSamples} shows the same variables with made-up values.
 */
public final class NotificationEmails {

    private final String siteUrl;

    /** @param siteUrl where guests reach the motel's site (verification, reset and login pages) */
    public NotificationEmails(String siteUrl) {
        Objects.requireNonNull(siteUrl, "siteUrl");
        this.siteUrl = siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
    }

    /**
     * @param sealed the model entries that are one-time secrets (a reset link), kept encrypted in the outbox until sent
     */
    public record NotificationEmail(String template, Map<String, String> model, Set<String> sealed) {

        public NotificationEmail {
            model = Map.copyOf(model);
            sealed = Set.copyOf(sealed);
        }

        NotificationEmail(String template, Map<String, String> model) {
            this(template, model, Set.of());
        }

        /** The model holds links and tokens (a reset link is one): only the template's name goes into a log line. */
        @Override
        public String toString() {
            return "NotificationEmail[" + template + ", model redacted]";
        }
    }

    public NotificationEmail of(NotificationEvent event) {
        if (event instanceof UserRegistered registered) {
            return verification(registered.verificationToken(), registered.expiresIn());
        }
        if (event instanceof EmailVerificationRequested requested) {
            return verification(requested.verificationToken(), requested.expiresIn());
        }
        if (event instanceof EmailVerified) {
            return new NotificationEmail("welcome-email", Map.of("loginUrl", siteUrl + "/login"));
        }
        if (event instanceof PasswordResetRequested reset) {
            // The link sets a password: the outbox keeps it encrypted until the worker sends it.
            return new NotificationEmail("password-reset", Map.of(
                    "resetUrl", link("/reset-password", reset.resetToken()),
                    "token", reset.resetToken(),
                    "expiresInMinutes", String.valueOf(reset.expiresIn().toMinutes())), Set.of("resetUrl", "token"));
        }
        if (event instanceof PasswordChanged changed) {
            return new NotificationEmail("password-changed", Map.of(
                    "how", changed.how().name().toLowerCase(Locale.ROOT), "resetUrl", siteUrl + "/forgot-password"));
        }
        if (event instanceof SignUpAttempted) {
            return new NotificationEmail("sign-up-attempt", Map.of("loginUrl", siteUrl + "/login", "resetUrl", siteUrl + "/forgot-password"));
        }
        if (event instanceof SecurityAlert alert) {
            return new NotificationEmail("security-alert", securityAlert(alert));
        }
        if (event instanceof BookingConfirmed confirmed) {
            Map<String, String> model = stay(confirmed.stay());
            model.put("pointsEarned", String.valueOf(confirmed.pointsEarned()));
            // The link opens the booking without a password: sealed in the outbox like a reset link.
            model.put("manageUrl", confirmed.manageUrl());
            return new NotificationEmail("booking-confirmation", model, Set.of("manageUrl"));
        }
        if (event instanceof BookingCancelled cancelled) {
            Map<String, String> model = stay(cancelled.stay());
            model.put("refund", format(cancelled.refund()));
            return new NotificationEmail("booking-cancelled", model);
        }
        if (event instanceof PaymentReceived paid) {
            Map<String, String> model = stay(paid.stay());
            model.put("amount", format(paid.amount()));
            model.put("payment", paid.payment().toString());
            model.put("paidAt", paid.paidAt().toString());
            model.put("manageUrl", paid.manageUrl());
            return new NotificationEmail("payment-receipt", model, Set.of("manageUrl"));
        }
        if (event instanceof PaymentFailed failed) {
            Map<String, String> model = stay(failed.stay());
            model.put("reason", failed.reason());
            return new NotificationEmail("payment-failed", model);
        }
        if (event instanceof LoyaltyPointsEarned earned) {
            return new NotificationEmail("loyalty-points-earned", Map.of(
                    "reference", earned.bookingReference(),
                    "points", String.valueOf(earned.points()),
                    "balance", String.valueOf(earned.balance()),
                    "tier", earned.tier().name()));
        }
        throw new IllegalArgumentException("no email for " + event.getClass().getSimpleName());
    }

    private NotificationEmail verification(String token, Duration expiresIn) {
        return new NotificationEmail("email-verification", Map.of(
                "verificationUrl", link("/verify-email", token),
                "token", token,
                "expiresInHours", String.valueOf(expiresIn.toHours())));
    }

    /** Every fact, empty where this kind has none, so that an administrator's version of the template may use any of them. */
    private static Map<String, String> securityAlert(SecurityAlert alert) {
        Map<String, String> model = new HashMap<>();
        model.put("alert", alert.kind().code());
        model.put("occurredAt", alert.occurredAt().toString());
        model.put("ipAddress", alert.device().map(Device::ipAddress).orElse(""));
        model.put("device", alert.device().map(Device::userAgent).orElse(""));
        model.put("previousLocation", alert.travel().map(SecurityAlert.Travel::from).orElse(""));
        model.put("location", alert.travel().map(SecurityAlert.Travel::to).orElse(""));
        model.put("failures", alert.failures().isPresent() ? String.valueOf(alert.failures().getAsInt()) : "");
        return model;
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
        return siteUrl + path + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    private static String format(Money money) {
        return money.amount().toPlainString() + " " + money.currency().getCurrencyCode();
    }
}
