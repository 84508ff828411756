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

    /**
     * How a payment was taken: CARD through the card processor (the website and the API); CASH or CARD_PRESENT (the motel's
     * own card terminal) at the front desk, which never reach the processor, so their refunds are given back at the desk.
     */
    enum PaymentMethod {
        CARD,
        CASH,
        CARD_PRESENT;

        /** Taken at the front desk rather than through the processor: its refund is given back there, in the same way. */
        public boolean atTheDesk() {
            return this != CARD;
        }
    }

    record PaymentView(UUID id, UUID bookingId, PaymentStatus status, Money amount, Optional<String> declineReason, Instant createdAt,
            PaymentMethod method) {

        public PaymentView {
            Objects.requireNonNull(method, "method");
        }

        /** A payment by card through the processor. */
        public PaymentView(UUID id, UUID bookingId, PaymentStatus status, Money amount, Optional<String> declineReason, Instant createdAt) {
            this(id, bookingId, status, amount, declineReason, createdAt, PaymentMethod.CARD);
        }
    }
}
