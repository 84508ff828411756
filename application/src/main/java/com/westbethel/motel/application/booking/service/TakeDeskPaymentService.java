package com.westbethel.motel.application.booking.service;

import com.westbethel.motel.application.audit.port.out.AuditLog;
import com.westbethel.motel.application.booking.port.in.Actor;
import com.westbethel.motel.application.booking.port.in.Channel;
import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PaymentMethod;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PaymentStatus;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PaymentView;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.application.booking.port.in.TakeDeskPaymentUseCase;
import com.westbethel.motel.application.booking.port.out.Bookings;
import com.westbethel.motel.application.booking.port.out.Inventory;
import com.westbethel.motel.application.booking.port.out.LoyaltyLedger;
import com.westbethel.motel.application.booking.port.out.Payments;
import com.westbethel.motel.application.identity.port.out.Users;
import com.westbethel.motel.application.notification.port.out.NotificationEvents;
import com.westbethel.motel.application.operations.port.out.BusinessMetrics;
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
 * A payment taken at the front desk, in one transaction under the booking's row lock: no processor is called (the money is
 * in the drawer, or went through the desk's own terminal), so there is nothing to wait for and nothing left pending. The
 * booking must be payable as a card payment would require (awaiting payment, its hold running) and have no card payment in
 * flight; what follows the payment is the card's ({@link PaymentConfirmation}): confirmed, audited with the staff member's
 * id and the method, emailed only when the booking has an address, counted for the front desk.
 */
public class TakeDeskPaymentService implements TakeDeskPaymentUseCase {

    private final Bookings bookings;
    private final Inventory inventory;
    private final Payments payments;
    private final PaymentConfirmation confirmation;
    private final Clock clock;

    public TakeDeskPaymentService(Bookings bookings, Inventory inventory, Payments payments, LoyaltyLedger loyalty, Users users,
            NotificationEvents events, AuditLog auditLog, ManageLinks manageLinks, Clock clock, BusinessMetrics metrics) {
        this.bookings = bookings;
        this.inventory = inventory;
        this.payments = payments;
        this.confirmation = new PaymentConfirmation(bookings, loyalty, new BookingNotifications(events, users, inventory), new BookingAudit(auditLog),
                manageLinks, metrics);
        this.clock = clock;
    }

    @Override
    public Outcome<PaymentView> takePayment(Actor staff, UUID bookingId, PaymentMethod method) {
        if (!method.atTheDesk()) {
            return Outcome.invalid("method", "The desk takes CASH or CARD_PRESENT; a card through the card processor is paid by the guest.");
        }
        // The desk's alone, even for a guest's own booking: a guest pays through the processor.
        Optional<Booking> found = bookings.findForUpdate(new BookingId(bookingId)).filter(booking -> staff.isStaff());
        if (found.isEmpty()) {
            return Outcome.refused(Refusal.noBooking(bookingId));
        }
        Booking booking = found.get();
        Instant now = clock.instant();
        if (payments.ofBooking(booking.id()).stream().anyMatch(payment -> payment.status() == PaymentStatus.PENDING)) {
            return Outcome.refused(Refusal.conflict("A card payment for booking %s is being processed; wait for its outcome before taking one at the desk."
                    .formatted(booking.reference())));
        }
        Map<String, String> before = BookingAudit.snapshot(booking);
        if (booking.confirmPayment(now) instanceof Transition.Refused refused) {
            return Outcome.refused(Refusal.conflict(refused.reason()));
        }
        Property property = inventory.property(booking.property()).orElseThrow();
        PaymentView payment = new PaymentView(UUID.randomUUID(), bookingId, PaymentStatus.SUCCEEDED, booking.price().total(), Optional.empty(), now,
                method);
        payments.recordDeskPayment(payment);
        confirmation.confirmed(booking, before, property, payment, BookingAudit.actor(staff), Optional.of(Channel.FRONT_DESK), now);
        return Outcome.success(payment);
    }
}
