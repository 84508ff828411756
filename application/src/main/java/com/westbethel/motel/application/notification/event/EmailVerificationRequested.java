package com.westbethel.motel.application.notification.event;

import java.time.Duration;

/** A guest asked for a new verification link (the old one is void). */
public record EmailVerificationRequested(Recipient recipient, String verificationToken, Duration expiresIn) implements NotificationEvent {
}
