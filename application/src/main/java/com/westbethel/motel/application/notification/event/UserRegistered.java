package com.westbethel.motel.application.notification.event;

import java.time.Duration;

/** A guest registered; the email asks them to confirm their address with the one-time token. */
public record UserRegistered(Recipient recipient, String verificationToken, Duration expiresIn) implements NotificationEvent {
}
