package com.westbethel.motel.application.notification.event;

import com.westbethel.motel.domain.shared.Money;
import java.time.Instant;
import java.util.UUID;

/**
 * A payment succeeded; the guest gets a receipt.
 *
 * @param manageUrl the signed link that manages the booking without an account (as secret as a reset link)
 */
public record PaymentReceived(Recipient recipient, StayDetails stay, UUID payment, Money amount, Instant paidAt, String manageUrl)
        implements NotificationEvent {

    @Override
    public String toString() {
        return "PaymentReceived[" + stay.reference() + ", payment " + payment + ", manage link redacted]";
    }
}
