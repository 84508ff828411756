package com.westbethel.motel.application.notification.event;

/** A booking was paid and is confirmed: the spec's "booking created" (an unpaid hold is not yet a booking to announce). */
public record BookingConfirmed(Recipient recipient, StayDetails stay, long pointsEarned) implements NotificationEvent {
}
