package com.westbethel.motel.application.notification.event;

/**
 * Someone tried to open an account with an address that already has one. The owner is told by email, while
 * whoever tried gets the same answer as for a new address, so that sign-up reveals no account.
 */
public record SignUpAttempted(Recipient recipient) implements NotificationEvent {
}
