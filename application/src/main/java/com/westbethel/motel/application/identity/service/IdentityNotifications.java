package com.westbethel.motel.application.identity.service;

import com.westbethel.motel.application.notification.port.out.EmailOutbox;
import com.westbethel.motel.application.notification.port.out.EmailOutbox.OutgoingEmail;
import com.westbethel.motel.domain.identity.OpaqueToken;
import com.westbethel.motel.domain.identity.User;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The emails identity sends, each with everything its template needs to be rendered later. */
final class IdentityEmails {

    private final EmailOutbox outbox;
    private final IdentitySettings settings;

    IdentityEmails(EmailOutbox outbox, IdentitySettings settings) {
        this.outbox = outbox;
        this.settings = settings;
    }

    void verification(User user, OpaqueToken token) {
        send("email-verification", user, Map.of(
                "verificationUrl", link("/verify-email", token),
                "token", token.value(),
                "expiresInHours", hours(settings.emailVerificationTtl())));
    }

    void welcome(User user) {
        send("welcome-email", user, Map.of("loginUrl", settings.publicUrl() + "/login"));
    }

    void passwordReset(User user, OpaqueToken token) {
        send("password-reset", user, Map.of(
                "resetUrl", link("/reset-password", token),
                "token", token.value(),
                "expiresInMinutes", String.valueOf(settings.passwordResetTtl().toMinutes())));
    }

    void passwordChanged(User user, String how) {
        send("password-changed", user, Map.of("how", how, "resetUrl", settings.publicUrl() + "/forgot-password"));
    }

    void securityAlert(User user, String alert, String detail) {
        send("security-alert", user, Map.of("alert", alert, "detail", detail));
    }

    private void send(String template, User user, Map<String, String> model) {
        Map<String, String> withName = new HashMap<>(model);
        withName.put("firstName", user.firstName());
        withName.put("email", user.email().value());
        outbox.enqueue(new OutgoingEmail(template, user.email(), Locale.ENGLISH, withName));
    }

    private String link(String path, OpaqueToken token) {
        return settings.publicUrl() + path + "?token=" + URLEncoder.encode(token.value(), StandardCharsets.UTF_8);
    }

    private static String hours(Duration duration) {
        return String.valueOf(duration.toHours());
    }
}
