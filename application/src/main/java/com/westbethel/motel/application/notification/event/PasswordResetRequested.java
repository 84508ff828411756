package com.westbethel.motel.application.notification.event;

import java.time.Duration;

/** Someone asked to reset a guest's password; the email carries the one-time reset token. */
public record PasswordResetRequested(Recipient recipient, String resetToken, Duration expiresIn) implements NotificationEvent {
}
