package com.westbethel.motel.application.notification.event;

/** A payment was declined; the booking still waits for one. */
public record PaymentFailed(Recipient recipient, StayDetails stay, String reason) implements NotificationEvent {
}
