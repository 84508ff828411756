package com.westbethel.motel.application.booking.service;

import com.westbethel.motel.application.booking.port.in.Channel;
import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PaymentStatus;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PaymentView;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.application.booking.port.out.Bookings;
import com.westbethel.motel.application.booking.port.out.Inventory;
import com.westbethel.motel.application.booking.port.out.LoyaltyLedger;
import com.westbethel.motel.application.booking.port.out.PaymentGateway;
import com.westbethel.motel.application.booking.port.out.PaymentGateway.Charge;
import com.westbethel.motel.application.booking.port.out.Payments;
import com.westbethel.motel.application.operations.port.out.BusinessMetrics;
import com.westbethel.motel.application.operations.port.out.BusinessMetrics.PaymentOutcome;
import com.westbethel.motel.domain.booking.Booking;
import com.westbethel.motel.domain.booking.BookingId;
import com.westbethel.motel.domain.booking.Transition;
import com.westbethel.motel.domain.inventory.Property;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The second step of a payment, in a transaction of its own after the processor has answered: records the outcome of a
 * PENDING payment. Both the payment itself and the worker's recovery finish payments here, so the booking's row lock is
 * taken first and the payment re-read under it: whichever comes second finds it completed and changes nothing.
 *
 * <p>A payment that began while its hold ran confirms the booking however long the processor took (hold expiry leaves a
 * booking with a payment in flight alone). A booking that ended meanwhile (the guest or staff cancelled it while the card
 * was being charged) is not confirmed: the charge is refunded in full at once, and the payment shows the refund.
 *
 * <p>Each outcome is counted here, where it is recorded, and a confirmed booking's value with it: in the transaction that
 * records them, so that an outcome rolled back counts nothing.
 */
final class PaymentOutcomes {

    private final Bookings bookings;
    private final Inventory inventory;
    private final Payments payments;
    private final PaymentGateway gateway;
    private final BookingNotifications emails;
    private final BookingAudit audit;
    private final PaymentConfirmation confirmation;
    private final Clock clock;
    private final BusinessMetrics metrics;

    PaymentOutcomes(Bookings bookings, Inventory inventory, Payments payments, PaymentGateway gateway, LoyaltyLedger loyalty,
            BookingNotifications emails, BookingAudit audit, ManageLinks manageLinks, Clock clock,
            BusinessMetrics metrics) {
        this.bookings = bookings;
        this.inventory = inventory;
        this.payments = payments;
        this.gateway = gateway;
        this.emails = emails;
        this.audit = audit;
        this.confirmation = new PaymentConfirmation(bookings, loyalty, emails, audit, manageLinks, metrics);
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * Records what the processor did with the pending payment; the answer to give its payer. {@code channel} is where the
     * payment was made, when the payer is still waiting for this answer (empty for the worker's recovery).
     */
    Outcome<PaymentView> record(UUID paymentId, Charge charge, String actor, Optional<Channel> channel) {
        UUID bookingId = payments.find(paymentId).orElseThrow(() -> new IllegalStateException("no payment " + paymentId)).bookingId();
        Booking booking = bookings.findForUpdate(new BookingId(bookingId)).orElseThrow();
        PaymentView pending = payments.find(paymentId).orElseThrow();
        Instant now = clock.instant();
        if (pending.status() != PaymentStatus.PENDING) {
            return alreadyRecorded(pending, charge, actor, now);
        }
        Property property = inventory.property(booking.property()).orElseThrow();
        if (charge instanceof Charge.Declined declined) {
            payments.complete(paymentId, PaymentStatus.DECLINED, Optional.empty(), Optional.of(declined.reason()), now);
            audit.payment(actor, "PAYMENT_DECLINED", paymentId.toString(),
                    Map.of("booking", bookingId.toString(), "amount", pending.amount().toString(), "reason", declined.reason()), now);
            emails.paymentFailed(booking, property, declined.reason());
            metrics.payment(PaymentOutcome.DECLINED);
            return Outcome.refused(new Refusal(Refusal.Kind.PAYMENT_DECLINED, "paymentToken", declined.reason()));
        }
        String reference = ((Charge.Approved) charge).reference();
        payments.complete(paymentId, PaymentStatus.SUCCEEDED, Optional.of(reference), Optional.empty(), now);
        metrics.payment(PaymentOutcome.SUCCEEDED);
        Map<String, String> before = BookingAudit.snapshot(booking);
        // Payable when the payment began: the hold was running then, and nothing expires a hold with a payment in flight.
        if (booking.confirmPayment(pending.createdAt()) instanceof Transition.Refused refused) {
            refund(pending, reference, actor, refused.reason(), now);
            return Outcome.refused(Refusal.conflict("%s Your card was charged meanwhile and the charge of %s has been refunded in full."
                    .formatted(refused.reason(), pending.amount())));
        }
        PaymentView succeeded = new PaymentView(paymentId, bookingId, PaymentStatus.SUCCEEDED, pending.amount(), Optional.empty(), pending.createdAt());
        confirmation.confirmed(booking, before, property, succeeded, actor, channel, now);
        return Outcome.success(succeeded);
    }

    /**
     * Someone recorded this payment first. Their record stands; a charge approved after the payment had been recorded as
     * never received (the processor was slower than the recovery's threshold) is refunded in full, since nothing confirmed
     * the booking with it (a later attempt is charged under a key of its own), and the payment shows as REFUNDED.
     */
    private Outcome<PaymentView> alreadyRecorded(PaymentView recorded, Charge charge, String actor, Instant now) {
        if (charge instanceof Charge.Approved approved && recorded.status() == PaymentStatus.DECLINED) {
            gateway.refund(approved.reference(), recorded.amount(), "refund:payment:" + recorded.id());
            payments.recordRefundedLateCharge(recorded.id(), approved.reference(), now);
            audit.payment(actor, "PAYMENT_REFUNDED", recorded.id().toString(), Map.of("booking", recorded.bookingId().toString(),
                    "amount", recorded.amount().toString(), "reason", "approved after the payment was recorded as not completed"), now);
            return Outcome.refused(Refusal.conflict(("This payment had been recorded as not completed before the card processor approved it; "
                    + "the charge of %s has been refunded in full.").formatted(recorded.amount())));
        }
        return PayForBookingService.answer(recorded);
    }

    private void refund(PaymentView payment, String reference, String actor, String why, Instant now) {
        gateway.refund(reference, payment.amount(), "refund:payment:" + payment.id());
        payments.recordRefund(payment.id(), payment.amount(), now);
        audit.payment(actor, "PAYMENT_REFUNDED", payment.id().toString(),
                Map.of("booking", payment.bookingId().toString(), "amount", payment.amount().toString(), "reason", why), now);
    }
}
