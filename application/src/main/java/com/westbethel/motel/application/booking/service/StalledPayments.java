package com.westbethel.motel.application.booking.service;

import com.westbethel.motel.application.booking.port.in.Channel;
import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PaymentView;
import com.westbethel.motel.application.booking.port.out.PaymentGateway;
import com.westbethel.motel.application.booking.port.out.PaymentGateway.Charge;
import com.westbethel.motel.application.booking.port.out.Payments;
import com.westbethel.motel.application.booking.port.out.Payments.PendingPayment;
import com.westbethel.motel.application.operations.port.out.BusinessMetrics;
import com.westbethel.motel.application.support.Transactions;
import com.westbethel.motel.domain.booking.BookingId;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Payments left PENDING longer than {@link PaymentSettings#recoveryAfter()}: their process stopped between charging the card
 * and recording the outcome, or the processor did not answer within the client's timeout. The processor is asked what it
 * did under the payment's own key, with no transaction open, and the answer is recorded as the payment itself would have
 * ({@link PaymentOutcomes}). A key the processor never received is recorded as not charged: the attempt is older than the
 * threshold, which is at least twice the processor's timeout, so the request that charged it has long given up and closed
 * its connection, and a charge under that key will not begin now. Should one arrive all the same, its approval finds the
 * payment recorded and is refunded in full; it never confirms the booking, since the guest's next try is charged under a
 * key of its own.
 */
final class StalledPayments {

    static final String NOT_RECEIVED = "The payment was interrupted before the card was charged; nothing was charged. Please pay again.";

    private final Payments payments;
    private final PaymentGateway gateway;
    private final PaymentOutcomes outcomes;
    private final Transactions transactions;
    private final PaymentSettings settings;
    private final Clock clock;

    StalledPayments(Payments payments, PaymentGateway gateway, PaymentOutcomes outcomes, Transactions transactions, PaymentSettings settings,
            Clock clock) {
        this.payments = payments;
        this.gateway = gateway;
        this.outcomes = outcomes;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    /** Claims the oldest stalled payment of any booking (call it inside a transaction). */
    Optional<PendingPayment> claimOldest() {
        Instant now = clock.instant();
        return payments.claimStalled(now.minus(settings.recoveryAfter()), now, settings.recoveryAfter());
    }

    /** Claims a stalled payment of the booking (call it inside a transaction). */
    Optional<PendingPayment> claimOf(BookingId booking) {
        Instant now = clock.instant();
        return payments.claimStalled(booking, now.minus(settings.recoveryAfter()), now, settings.recoveryAfter());
    }

    /**
     * Asks the processor what became of the claimed payment and records it; throws when the processor cannot say. A lookup
     * that fails counts nothing: the charge it asks about counted its error when it got no answer, and a lookup is asked
     * again every recovery run, so counting each would make one charge a stream of errors ({@link BusinessMetrics#payment}).
     */
    Outcome<PaymentView> finish(PendingPayment payment, String actor, Optional<Channel> channel) {
        Charge charge = gateway.lookup(payment.gatewayKey()).orElse(new Charge.Declined(NOT_RECEIVED));
        return transactions.inTransaction(() -> outcomes.record(payment.paymentId(), charge, actor, channel));
    }
}
