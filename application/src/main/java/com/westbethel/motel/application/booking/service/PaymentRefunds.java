package com.westbethel.motel.application.booking.service;

import com.westbethel.motel.application.booking.port.out.PaymentGateway;
import com.westbethel.motel.application.booking.port.out.Payments;
import com.westbethel.motel.domain.booking.Booking;
import java.time.Clock;

/** Gives a cancelled booking's refund back through the processor that took the payment, once, and records it. */
record PaymentRefunds(Payments payments, PaymentGateway gateway, Clock clock) {

    void refund(Booking booking) {
        if (booking.refunded().isZero()) {
            return;
        }
        Payments.SucceededPayment payment = payments.succeededFor(booking.id())
                .orElseThrow(() -> new IllegalStateException("confirmed booking " + booking.id() + " has no successful payment"));
        gateway.refund(payment.gatewayReference(), booking.refunded(), "refund:" + booking.id());
        payments.recordRefund(payment.paymentId(), booking.refunded(), clock.instant());
    }
}
