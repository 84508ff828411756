package com.westbethel.motel.application.notification.event;

/**
 * Something on a guest's account they should know about at once.
 *
 * @param kind a short code, such as {@code new-device}, {@code lockout} or {@code mfa-disabled}
 * @param detail what happened and what to do, in a sentence or two
 */
public record SecurityAlert(Recipient recipient, String kind, String detail) implements NotificationEvent {
}
