package com.westbethel.motel.application.booking.port.in;

import com.westbethel.motel.domain.shared.Money;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** A guest pays for a held booking; it becomes CONFIRMED and earns loyalty points. */
public interface PayForBookingUseCase {

    Outcome<PaymentView> pay(PayForBookingCommand command);

    /**
     * @param idempotencyKey the client's Idempotency-Key, if sent; a retry with it returns the first payment
     * @param channel where the payment was made (the website, the API, the front desk), for the metrics
     */
    record PayForBookingCommand(Actor guest, UUID bookingId, String paymentToken, Optional<String> idempotencyKey, Channel channel) {

        public PayForBookingCommand {
            Objects.requireNonNull(guest, "guest");
            Objects.requireNonNull(bookingId, "bookingId");
            Objects.requireNonNull(paymentToken, "paymentToken");
            Objects.requireNonNull(idempotencyKey, "idempotencyKey");
            Objects.requireNonNull(channel, "channel");
        }

        /** The card's token is the processor's secret: never in a log line. */
        @Override
        public String toString() {
            return "PayForBookingCommand[" + bookingId + " by " + guest.auditName() + ", payment token redacted]";
        }
    }

    /**
     * PENDING while the processor is charging the card (or until the worker learns what it did); REFUNDED: charged after the
     * attempt had been recorded as not charged (a processor slower than the recovery's threshold), so refunded in full.
     */
    enum PaymentStatus { PENDING, SUCCEEDED, DECLINED, REFUNDED }

    record PaymentView(UUID id, UUID bookingId, PaymentStatus status, Money amount, Optional<String> declineReason, Instant createdAt) {
    }
}
