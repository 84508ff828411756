package com.westbethel.motel.application.booking.port.out;

import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PaymentMethod;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PaymentStatus;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PaymentView;
import com.westbethel.motel.application.booking.port.in.ViewBookingsUseCase.RefundView;
import com.westbethel.motel.domain.booking.BookingId;
import com.westbethel.motel.domain.shared.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Payments and refunds as recorded. */
public interface Payments {

    void record(PaymentView payment, Optional<String> gatewayReference);

    /**
     * A payment taken at the front desk ({@code payment.method()} CASH or CARD_PRESENT): SUCCEEDED at once, completed at its
     * creation, with no processor key or reference.
     */
    void recordDeskPayment(PaymentView payment);

    /** A payment about to be charged, PENDING until its outcome is recorded; the processor charges it under the key. */
    void recordPending(PaymentView payment, String gatewayKey);

    /** The outcome of a PENDING payment (SUCCEEDED with the processor's reference, or DECLINED with the reason). */
    void complete(UUID paymentId, PaymentStatus status, Optional<String> gatewayReference, Optional<String> declineReason, Instant at);

    /**
     * Claims the oldest PENDING payment created before {@code before} that no other recovery holds ({@code now} past its
     * claim), for {@code lease}: several workers take different payments, and one that fails is not retried in the same run.
     */
    Optional<PendingPayment> claimStalled(Instant before, Instant now, Duration lease);

    /** The same, among the booking's payments only: a guest paying again finishes a stalled attempt first. */
    Optional<PendingPayment> claimStalled(BookingId booking, Instant before, Instant now, Duration lease);

    /**
     * A payment recorded DECLINED whose charge was approved after all, and refunded in full at once: it shows as
     * REFUNDED, with the processor's reference and the refund.
     */
    void recordRefundedLateCharge(UUID paymentId, String gatewayReference, Instant at);

    Optional<PaymentView> find(UUID paymentId);

    /** The booking's successful payment, how it was taken, and the processor's reference for it (null when taken at the desk). */
    Optional<SucceededPayment> succeededFor(BookingId booking);

    void recordRefund(UUID paymentId, Money amount, Instant at);

    /** Every payment attempt for the booking, oldest first. */
    List<PaymentView> ofBooking(BookingId booking);

    /** What was given back for the booking's payments, oldest first. */
    List<RefundView> refundsOf(BookingId booking);

    record PendingPayment(UUID paymentId, UUID bookingId, String gatewayKey) {
    }

    record SucceededPayment(UUID paymentId, Money amount, String gatewayReference, PaymentMethod method) {
    }
}
