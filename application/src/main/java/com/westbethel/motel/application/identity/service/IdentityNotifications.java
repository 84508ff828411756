package com.westbethel.motel.application.identity.service;

import com.westbethel.motel.application.notification.event.EmailVerificationRequested;
import com.westbethel.motel.application.notification.event.EmailVerified;
import com.westbethel.motel.application.notification.event.PasswordChanged;
import com.westbethel.motel.application.notification.event.PasswordResetRequested;
import com.westbethel.motel.application.notification.event.Recipient;
import com.westbethel.motel.application.notification.event.SecurityAlert;
import com.westbethel.motel.application.notification.event.SignUpAttempted;
import com.westbethel.motel.application.notification.event.UserRegistered;
import com.westbethel.motel.application.notification.port.out.NotificationEvents;
import com.westbethel.motel.domain.identity.OpaqueToken;
import com.westbethel.motel.domain.identity.User;
import java.time.Duration;
import java.time.Instant;

/**
 * What identity tells a guest about, published as events inside the use case's transaction. The events carry facts;
 * the email templates word them.
 */
record IdentityNotifications(NotificationEvents events) {

    void registered(User user, OpaqueToken token, Duration expiresIn) {
        events.publish(new UserRegistered(Recipient.of(user), token.value(), expiresIn));
    }

    void signUpAttempted(User owner) {
        events.publish(new SignUpAttempted(Recipient.of(owner)));
    }

    void verification(User user, OpaqueToken token, Duration expiresIn) {
        events.publish(new EmailVerificationRequested(Recipient.of(user), token.value(), expiresIn));
    }

    void welcome(User user) {
        events.publish(new EmailVerified(Recipient.of(user)));
    }

    void passwordReset(User user, OpaqueToken token, Duration expiresIn) {
        events.publish(new PasswordResetRequested(Recipient.of(user), token.value(), expiresIn));
    }

    void passwordChanged(User user, PasswordChanged.How how) {
        events.publish(new PasswordChanged(Recipient.of(user), how));
    }

    /** An alert that needs no facts beyond what happened, and when. */
    void securityAlert(User user, SecurityAlert.Kind kind, Instant at) {
        events.publish(SecurityAlert.of(Recipient.of(user), kind, at));
    }

    void reauthenticationFailures(User user, int failures, Instant at) {
        events.publish(SecurityAlert.reauthenticationFailures(Recipient.of(user), failures, at));
    }
}
