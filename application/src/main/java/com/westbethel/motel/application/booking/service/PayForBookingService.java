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
import com.westbethel.motel.application.support.OpensItsOwnTransaction;
import com.westbethel.motel.application.support.Transactions;
import com.westbethel.motel.domain.booking.Booking;
import com.westbethel.motel.domain.booking.BookingId;
import com.westbethel.motel.domain.booking.Transition;
import com.westbethel.motel.domain.shared.Sha256;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Paying for a held booking: one charge, a confirmed booking, loyalty points, a confirmation email. In three steps, so that
 * no database connection or row lock waits on the card processor: a transaction writes the payment PENDING (with the key
 * the processor charges under, so a retry cannot charge twice) and commits; the processor is called with no transaction
 * open; a second transaction records the outcome ({@link PaymentOutcomes}). A process that stops in between leaves the
 * payment PENDING, and the worker finishes it ({@link RecoverPendingPaymentsService}).
 */
public class PayForBookingService implements PayForBookingUseCase {

    private final Bookings bookings;
    private final Payments payments;
    private final PaymentGateway gateway;
    private final Idempotency idempotency;
    private final PaymentOutcomes outcomes;
    private final Transactions transactions;
    private final Clock clock;

    public PayForBookingService(Bookings bookings, Inventory inventory, Payments payments, PaymentGateway gateway, LoyaltyLedger loyalty,
            IdempotencyKeys idempotencyKeys, Users users, NotificationEvents events, AuditLog auditLog, ManageLinks manageLinks, Clock clock,
            Transactions transactions) {
        this.bookings = bookings;
        this.payments = payments;
        this.gateway = gateway;
        this.idempotency = new Idempotency(idempotencyKeys, clock);
        this.outcomes = new PaymentOutcomes(bookings, inventory, payments, gateway, loyalty, new BookingNotifications(events, users, inventory),
                new BookingAudit(auditLog), manageLinks, clock);
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    @OpensItsOwnTransaction
    public Outcome<PaymentView> pay(PayForBookingCommand command) {
        Started started = transactions.inTransaction(() -> begin(command));
        if (started instanceof Started.Answered answered) {
            return answered.outcome();
        }
        Started.Charging charging = (Started.Charging) started;
        // No transaction is open here: however long the processor takes, it holds no connection and no lock.
        PaymentGateway.Charge charge = gateway.charge(command.paymentToken(), charging.payment().amount(), charging.gatewayKey());
        return transactions.inTransaction(() -> outcomes.record(charging.payment().id(), charge, BookingAudit.actor(command.guest())));
    }

    private Started begin(PayForBookingCommand command) {
        UUID bookingId = command.bookingId();
        // Locked until this first step commits: two payments for one booking queue up here, and the second sees the first's row.
        Optional<Booking> found = bookings.findForUpdate(new BookingId(bookingId)).filter(command.guest()::owns);
        if (found.isEmpty()) {
            return new Started.Answered(Outcome.refused(Refusal.noBooking(bookingId)));
        }
        Booking booking = found.get();
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
        // The processor's own idempotency key: one booking and one card are charged once, even when the outcome is never
        // recorded and the client retries.
        String gatewayKey = "charge:" + bookingId + ":" + Sha256.hex(command.paymentToken());
        payments.recordPending(payment, gatewayKey);
        idempotency.complete(request, payment.id());
        return new Started.Charging(payment, gatewayKey);
    }

    /** The answer to a retry: the payment as recorded, or, while it is still being charged, a refusal saying so. */
    static Outcome<PaymentView> answer(PaymentView payment) {
        return payment.status() == PaymentStatus.PENDING ? Outcome.refused(inFlight(payment.bookingId().toString())) : Outcome.replayed(payment);
    }

    private static Refusal inFlight(String booking) {
        return Refusal.conflict("A payment for booking %s is being processed; its outcome will show on the booking in a moment.".formatted(booking));
    }

    /** What the first step decided: answer at once, or charge the card. */
    private sealed interface Started {

        record Answered(Outcome<PaymentView> outcome) implements Started {
        }

        record Charging(PaymentView payment, String gatewayKey) implements Started {
        }
    }
}
