package com.westbethel.motel.application.booking.service;

import com.westbethel.motel.application.audit.port.out.AuditLog;
import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PaymentStatus;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PaymentView;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.application.booking.port.out.Bookings;
import com.westbethel.motel.application.booking.port.out.IdempotencyKeys;
import com.westbethel.motel.application.booking.port.out.Inventory;
import com.westbethel.motel.application.booking.port.out.LoyaltyLedger;
import com.westbethel.motel.application.booking.port.out.PaymentGateway;
import com.westbethel.motel.application.booking.port.out.Payments;
import com.westbethel.motel.application.identity.port.out.Users;
import com.westbethel.motel.application.notification.port.out.NotificationEvents;
import com.westbethel.motel.application.operations.port.out.BusinessMetrics;
import com.westbethel.motel.application.operations.port.out.BusinessMetrics.PaymentOutcome;
import com.westbethel.motel.application.support.OpensItsOwnTransaction;
import com.westbethel.motel.application.support.Transactions;
import com.westbethel.motel.domain.booking.Booking;
import com.westbethel.motel.domain.booking.BookingId;
import com.westbethel.motel.domain.booking.Transition;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Paying for a held booking: one charge, a confirmed booking, loyalty points, a confirmation email. In three steps, so that
 * no database connection or row lock waits on the card processor: a transaction writes the payment PENDING (with the key
 * the processor charges under: the payment's own id, one key per attempt) and commits; the processor is called with no
 * transaction open; a second transaction records the outcome ({@link PaymentOutcomes}).
 *
 * <p>When the processor fails or does not answer within its timeout, nothing is known of the charge: the payment stays
 * PENDING, the booking held, and the guest is told the outcome will follow ({@link Refusal.Kind#PAYMENT_PENDING}). A payment
 * left PENDING longer than the recovery threshold (that, or a process that stopped in between) is finished by asking the
 * processor ({@link StalledPayments}): by the worker, or here, first thing, when the guest pays again, so that it never
 * blocks the booking for longer than the threshold.
 */
public class PayForBookingService implements PayForBookingUseCase {

    private final Bookings bookings;
    private final Payments payments;
    private final PaymentGateway gateway;
    private final Idempotency idempotency;
    private final PaymentOutcomes outcomes;
    private final StalledPayments stalled;
    private final Transactions transactions;
    private final Clock clock;
    private final BusinessMetrics metrics;

    public PayForBookingService(Bookings bookings, Inventory inventory, Payments payments, PaymentGateway gateway, LoyaltyLedger loyalty,
            IdempotencyKeys idempotencyKeys, Users users, NotificationEvents events, AuditLog auditLog, ManageLinks manageLinks, Clock clock,
            Transactions transactions, PaymentSettings settings, BusinessMetrics metrics) {
        this.bookings = bookings;
        this.payments = payments;
        this.gateway = gateway;
        this.idempotency = new Idempotency(idempotencyKeys, clock);
        this.outcomes = new PaymentOutcomes(bookings, inventory, payments, gateway, loyalty, new BookingNotifications(events, users, inventory),
                new BookingAudit(auditLog), manageLinks, clock, metrics);
        this.stalled = new StalledPayments(payments, gateway, outcomes, transactions, settings, clock);
        this.transactions = transactions;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    @OpensItsOwnTransaction
    public Outcome<PaymentView> pay(PayForBookingCommand command) {
        Started started = transactions.inTransaction(() -> begin(command, true));
        if (started instanceof Started.Stalled stalledPayment) {
            try {
                stalled.finish(stalledPayment.payment(), BookingAudit.actor(command.guest()), Optional.of(command.channel()));
            } catch (RuntimeException processorCannotSay) {
                return Outcome.refused(unconfirmed(command.bookingId().toString()));
            }
            started = transactions.inTransaction(() -> begin(command, false));
        }
        if (started instanceof Started.Answered answered) {
            return answered.outcome();
        }
        Started.Charging charging = (Started.Charging) started;
        // No transaction is open here: however long the processor takes, it holds no connection and no lock.
        PaymentGateway.Charge charge;
        try {
            charge = gateway.charge(command.paymentToken(), charging.payment().amount(), charging.gatewayKey());
        } catch (RuntimeException processorCannotSay) {
            // Charged or not, nobody knows yet: the payment stays PENDING and is finished by asking the processor.
            metrics.payment(PaymentOutcome.ERROR);
            return Outcome.refused(unconfirmed(charging.booking()));
        }
        return transactions.inTransaction(() -> outcomes.record(charging.payment().id(), charge, BookingAudit.actor(command.guest()),
                Optional.of(command.channel())));
    }

    private Started begin(PayForBookingCommand command, boolean finishStalled) {
        UUID bookingId = command.bookingId();
        // Locked until this first step commits: two payments for one booking queue up here, and the second sees the first's row.
        Optional<Booking> found = bookings.findForUpdate(new BookingId(bookingId)).filter(command.guest()::owns);
        if (found.isEmpty()) {
            return new Started.Answered(Outcome.refused(Refusal.noBooking(bookingId)));
        }
        Booking booking = found.get();
        if (finishStalled) {
            // An attempt older than the recovery threshold would block this one: it is finished first, as the worker would.
            Optional<Payments.PendingPayment> stalledPayment = stalled.claimOf(booking.id());
            if (stalledPayment.isPresent()) {
                return new Started.Stalled(stalledPayment.get());
            }
        }
        Idempotency.Request request = Idempotency.Request.of("payment:" + bookingId, command.idempotencyKey(), "payment", bookingId,
                command.paymentToken());
        Optional<Outcome<PaymentView>> answered = idempotency.claim(request, payments::find);
        if (answered.isPresent()) {
            return new Started.Answered(answered.get() instanceof Outcome.Success<PaymentView> first ? answer(first.value()) : answered.get());
        }
        Instant now = clock.instant();
        if (booking.payable(now) instanceof Transition.Refused refused) {
            return new Started.Answered(Outcome.refused(Refusal.conflict(refused.reason())));
        }
        if (payments.ofBooking(booking.id()).stream().anyMatch(payment -> payment.status() == PaymentStatus.PENDING)) {
            return new Started.Answered(Outcome.refused(inFlight(booking.reference())));
        }
        PaymentView payment = new PaymentView(UUID.randomUUID(), bookingId, PaymentStatus.PENDING, booking.price().total(), Optional.empty(), now);
        // The processor's own idempotency key, one per attempt: a retry under the same Idempotency-Key replays this payment
        // (and so its key), while a new attempt is a new charge. A key per booking and card would let the processor replay
        // an earlier attempt's approval for a later one, which may by then have been refunded.
        String gatewayKey = gatewayKey(payment.id());
        payments.recordPending(payment, gatewayKey);
        idempotency.complete(request, payment.id());
        return new Started.Charging(payment, gatewayKey, booking.reference());
    }

    /** The key the processor charges an attempt under. */
    static String gatewayKey(UUID payment) {
        return "charge:" + payment;
    }

    /** The answer to a retry: the payment as recorded, or, while it is still being charged, a refusal saying so. */
    static Outcome<PaymentView> answer(PaymentView payment) {
        return payment.status() == PaymentStatus.PENDING ? Outcome.refused(inFlight(payment.bookingId().toString())) : Outcome.replayed(payment);
    }

    private static Refusal inFlight(String booking) {
        return Refusal.paymentPending("A payment for booking %s is being processed; its outcome will show on the booking in a moment.".formatted(booking));
    }

    private static Refusal unconfirmed(String booking) {
        return Refusal.paymentPending(("The card processor has not confirmed the payment for booking %s yet; nothing more will be charged, "
                + "the room stays held, and the outcome will show on the booking within a few minutes.").formatted(booking));
    }

    /** What the first step decided: answer at once, finish a stalled attempt first, or charge the card. */
    private sealed interface Started {

        record Answered(Outcome<PaymentView> outcome) implements Started {
        }

        record Stalled(Payments.PendingPayment payment) implements Started {
        }

        record Charging(PaymentView payment, String gatewayKey, String booking) implements Started {
        }
    }
}
