package com.westbethel.motel.application.booking.service;

import com.westbethel.motel.application.audit.port.out.AuditLog;
import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.application.booking.port.out.Bookings;
import com.westbethel.motel.application.booking.port.out.IdempotencyKeys;
import com.westbethel.motel.application.booking.port.out.Inventory;
import com.westbethel.motel.application.booking.port.out.LoyaltyLedger;
import com.westbethel.motel.application.booking.port.out.PaymentGateway;
import com.westbethel.motel.application.booking.port.out.Payments;
import com.westbethel.motel.application.identity.port.out.Users;
import com.westbethel.motel.application.notification.port.out.NotificationEvents;
import com.westbethel.motel.domain.booking.Booking;
import com.westbethel.motel.domain.booking.BookingId;
import com.westbethel.motel.domain.booking.Transition;
import com.westbethel.motel.domain.inventory.Property;
import com.westbethel.motel.domain.loyalty.LoyaltyProgram;
import com.westbethel.motel.domain.shared.Sha256;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Paying for a held booking: one charge, a confirmed booking, loyalty points, a confirmation email. */
public class PayForBookingService implements PayForBookingUseCase {

    private final Bookings bookings;
    private final Inventory inventory;
    private final Payments payments;
    private final PaymentGateway gateway;
    private final LoyaltyLedger loyalty;
    private final Idempotency idempotency;
    private final BookingNotifications emails;
    private final BookingAudit audit;
    private final ManageLinks manageLinks;
    private final Clock clock;

    public PayForBookingService(Bookings bookings, Inventory inventory, Payments payments, PaymentGateway gateway, LoyaltyLedger loyalty,
            IdempotencyKeys idempotencyKeys, Users users, NotificationEvents events, AuditLog auditLog, ManageLinks manageLinks, Clock clock) {
        this.bookings = bookings;
        this.inventory = inventory;
        this.payments = payments;
        this.gateway = gateway;
        this.loyalty = loyalty;
        this.idempotency = new Idempotency(idempotencyKeys, clock);
        this.emails = new BookingNotifications(events, users, inventory);
        this.audit = new BookingAudit(auditLog);
        this.manageLinks = manageLinks;
        this.clock = clock;
    }

    @Override
    public Outcome<PaymentView> pay(PayForBookingCommand command) {
        UUID bookingId = command.bookingId();
        // Locked until the transaction ends: two payments for one booking queue up instead of both charging.
        Optional<Booking> found = bookings.findForUpdate(new BookingId(bookingId)).filter(command.guest()::owns);
        if (found.isEmpty()) {
            return Outcome.refused(Refusal.noBooking(bookingId));
        }
        Booking booking = found.get();
        Idempotency.Request request = Idempotency.Request.of("payment:" + bookingId, command.idempotencyKey(), "payment", bookingId,
                command.paymentToken());
        Optional<Outcome<PaymentView>> answered = idempotency.claim(request, payments::find);
        if (answered.isPresent()) {
            return answered.get();
        }
        Instant now = clock.instant();
        if (booking.payable(now) instanceof Transition.Refused refused) {
            return Outcome.refused(Refusal.conflict(refused.reason()));
        }
        Property property = inventory.property(booking.property()).orElseThrow();
        UUID paymentId = UUID.randomUUID();
        // The processor's own idempotency key: one booking and one card are charged once, even when this
        // transaction rolls back after the charge and the client retries.
        PaymentGateway.Charge charge = gateway.charge(command.paymentToken(), booking.price().total(),
                "charge:" + bookingId + ":" + Sha256.hex(command.paymentToken()));
        if (charge instanceof PaymentGateway.Charge.Declined declined) {
            PaymentView payment = new PaymentView(paymentId, bookingId, PaymentStatus.DECLINED, booking.price().total(),
                    Optional.of(declined.reason()), now);
            payments.record(payment, Optional.empty());
            audit.payment(BookingAudit.actor(command.guest()), "PAYMENT_DECLINED", paymentId.toString(),
                    Map.of("booking", bookingId.toString(), "amount", payment.amount().toString(), "reason", declined.reason()), now);
            idempotency.complete(request, paymentId);
            emails.paymentFailed(booking, property, declined.reason());
            return Outcome.refused(new Refusal(Refusal.Kind.PAYMENT_DECLINED, "paymentToken", declined.reason()));
        }
        Map<String, String> before = BookingAudit.snapshot(booking);
        Transition confirmed = booking.confirmPayment(now);
        if (confirmed instanceof Transition.Refused refused) {
            throw new IllegalStateException("a payable booking refused payment: " + refused.reason());
        }
        PaymentView payment = new PaymentView(paymentId, bookingId, PaymentStatus.SUCCEEDED, booking.price().total(), Optional.empty(), now);
        payments.record(payment, Optional.of(((PaymentGateway.Charge.Approved) charge).reference()));
        bookings.update(booking);
        // Points are an account's: a guest without one earns none (claiming the booking later does not earn them either).
        long points = booking.account().isPresent() ? LoyaltyProgram.pointsFor(booking.price().total()) : 0;
        booking.account().ifPresent(account -> loyalty.earn(account, booking.id(), points, now));
        // The audit log is always written last: every use case takes its lock after its row locks, so none deadlock.
        audit.payment(BookingAudit.actor(command.guest()), "PAYMENT_SUCCEEDED", paymentId.toString(),
                Map.of("booking", bookingId.toString(), "amount", payment.amount().toString()), now);
        audit.booking(BookingAudit.actor(command.guest()), "BOOKING_CONFIRMED", before, booking, now);
        idempotency.complete(request, paymentId);
        emails.paid(booking, property, paymentId, now, points, booking.account().map(loyalty::balance),
                manageLinks.issue(booking, property, now));
        return Outcome.success(payment);
    }
}
