package com.westbethel.motel.application.booking.service;

import com.westbethel.motel.application.booking.port.in.BookingView.DeskRefund;
import com.westbethel.motel.application.booking.port.out.PaymentGateway;
import com.westbethel.motel.application.booking.port.out.Payments;
import com.westbethel.motel.domain.booking.Booking;
import java.time.Clock;
import java.util.Optional;

/**
 * Gives a cancelled booking's refund back the way its payment was taken, once, and records it: a card charged through the
 * processor is refunded through it; a payment taken at the front desk (cash, or the motel's own card terminal) never went
 * through the processor, which has nothing to refund, so the refund is only recorded and the desk gives the money back.
 */
record PaymentRefunds(Payments payments, PaymentGateway gateway, Clock clock) {

    /** @return what the desk must give back by hand; empty when nothing was refunded or the processor gave it back */
    Optional<DeskRefund> refund(Booking booking) {
        if (booking.refunded().isZero()) {
            return Optional.empty();
        }
        Payments.SucceededPayment payment = payments.succeededFor(booking.id())
                .orElseThrow(() -> new IllegalStateException("confirmed booking " + booking.id() + " has no successful payment"));
        if (!payment.method().atTheDesk()) {
            PaymentGateway.Refund made = gateway.refund(payment.gatewayReference(), booking.refunded(), key(booking));
            if (!made.amount().equals(booking.refunded())) {
                // The key was used before for another amount: refuse, so that the motel's transaction rolls back rather
                // than record (and tell the guest) a refund the processor did not make.
                throw new IllegalStateException("the processor's refund %s under %s is %s, not %s".formatted(made.reference(), key(booking),
                        made.amount(), booking.refunded()));
            }
        }
        payments.recordRefund(payment.paymentId(), booking.refunded(), clock.instant());
        return payment.method().atTheDesk() ? Optional.of(new DeskRefund(booking.refunded(), payment.method())) : Optional.empty();
    }

    /**
     * One key per booking and amount: a refund retried for the same amount (a rolled-back cancellation sent again) is made
     * once, while one for another amount (the policy's refund rolled back, then the fee waived) is not answered with the first.
     */
    static String key(Booking booking) {
        return "refund:" + booking.id() + ":" + booking.refunded().amount().toPlainString();
    }
}
