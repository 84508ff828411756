package com.westbethel.motel.application.notification.event;

import com.westbethel.motel.domain.shared.Money;
import java.time.Instant;
import java.util.UUID;

/** A payment succeeded; the guest gets a receipt. */
public record PaymentReceived(Recipient recipient, StayDetails stay, UUID payment, Money amount, Instant paidAt) implements NotificationEvent {
}
