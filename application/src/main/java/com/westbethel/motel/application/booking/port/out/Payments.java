package com.westbethel.motel.application.booking.port.out;

import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PaymentStatus;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PaymentView;
import com.westbethel.motel.application.booking.port.in.ViewBookingsUseCase.RefundView;
import com.westbethel.motel.domain.booking.BookingId;
import com.westbethel.motel.domain.shared.Money;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Payments and refunds as recorded. */
public interface Payments {

    void record(PaymentView payment, Optional<String> gatewayReference);

    /** A payment about to be charged, PENDING until its outcome is recorded; the processor charges it under the key. */
    void recordPending(PaymentView payment, String gatewayKey);

    /** The outcome of a PENDING payment (SUCCEEDED with the processor's reference, or DECLINED with the reason). */
    void complete(UUID paymentId, PaymentStatus status, Optional<String> gatewayReference, Optional<String> declineReason, Instant at);

    /** PENDING payments created before the instant, oldest first: their process stopped before recording the outcome. */
    List<PendingPayment> pendingSince(Instant before, int limit);

    Optional<PaymentView> find(UUID paymentId);

    /** The booking's successful payment and the processor's reference for it. */
    Optional<SucceededPayment> succeededFor(BookingId booking);

    void recordRefund(UUID paymentId, Money amount, Instant at);

    /** Every payment attempt for the booking, oldest first. */
    List<PaymentView> ofBooking(BookingId booking);

    /** What was given back for the booking's payments, oldest first. */
    List<RefundView> refundsOf(BookingId booking);

    record PendingPayment(UUID paymentId, UUID bookingId, String gatewayKey) {
    }

    record SucceededPayment(UUID paymentId, Money amount, String gatewayReference) {
    }
}
