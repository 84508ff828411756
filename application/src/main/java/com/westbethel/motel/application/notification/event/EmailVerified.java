package com.westbethel.motel.application.notification.event;

/** A guest confirmed their address: the account is ready, and the welcome email says so. */
public record EmailVerified(Recipient recipient) implements NotificationEvent {
}
