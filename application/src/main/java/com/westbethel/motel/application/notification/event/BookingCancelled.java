package com.westbethel.motel.application.notification.event;

import com.westbethel.motel.domain.shared.Money;

/** A booking was cancelled, with what was refunded. */
public record BookingCancelled(Recipient recipient, StayDetails stay, Money refund) implements NotificationEvent {
}
