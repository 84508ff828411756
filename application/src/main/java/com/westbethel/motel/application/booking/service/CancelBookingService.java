package com.westbethel.motel.application.booking.service;

import com.westbethel.motel.application.audit.port.out.AuditLog;
import com.westbethel.motel.application.booking.port.in.Actor;
import com.westbethel.motel.application.booking.port.in.BookingView;
import com.westbethel.motel.application.booking.port.in.BookingView.DeskRefund;
import com.westbethel.motel.application.booking.port.in.CancelBookingUseCase;
import com.westbethel.motel.application.booking.port.in.Channel;
import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.application.booking.port.out.Bookings;
import com.westbethel.motel.application.booking.port.out.Inventory;
import com.westbethel.motel.application.booking.port.out.LoyaltyLedger;
import com.westbethel.motel.application.booking.port.out.PaymentGateway;
import com.westbethel.motel.application.booking.port.out.Payments;
import com.westbethel.motel.application.identity.port.out.Users;
import com.westbethel.motel.application.notification.port.out.NotificationEvents;
import com.westbethel.motel.application.operations.port.out.BusinessMetrics;
import com.westbethel.motel.domain.booking.Booking;
import com.westbethel.motel.domain.booking.BookingId;
import com.westbethel.motel.domain.booking.CancellationQuote;
import com.westbethel.motel.domain.booking.Transition;
import com.westbethel.motel.domain.inventory.Property;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Cancelling under the property's policy: an unpaid hold simply ends; a paid booking is refunded (all of it
 * inside the free window, all but the first night after it) and the points it earned are taken back. A booking paid at the
 * front desk is refunded there, by hand: the answer says how much to give back and how. The desk may waive the fee (everything
 * paid goes back), for a reason kept in the audit entry.
 */
public class CancelBookingService implements CancelBookingUseCase {

    private final Bookings bookings;
    private final Inventory inventory;
    private final PaymentRefunds refunds;
    private final LoyaltyLedger loyalty;
    private final BookingNotifications emails;
    private final BookingAudit audit;
    private final BookingViews views;
    private final Clock clock;
    private final BusinessMetrics metrics;

    public CancelBookingService(Bookings bookings, Inventory inventory, Payments payments, PaymentGateway gateway, LoyaltyLedger loyalty,
            Users users, NotificationEvents events, AuditLog auditLog, BookingSettings settings, Clock clock, BusinessMetrics metrics) {
        this.bookings = bookings;
        this.inventory = inventory;
        this.refunds = new PaymentRefunds(payments, gateway, clock);
        this.loyalty = loyalty;
        this.emails = new BookingNotifications(events, users, inventory);
        this.audit = new BookingAudit(auditLog);
        this.views = new BookingViews(inventory, settings);
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public Outcome<BookingView> cancel(Actor actor, UUID bookingId, Channel channel) {
        return cancel(actor, bookingId, channel, Optional.empty());
    }

    @Override
    public Outcome<BookingView> cancelWaivingFee(Actor staff, UUID bookingId, String reason) {
        if (!staff.isStaff()) {
            return Outcome.refused(Refusal.noBooking(bookingId));
        }
        // A booking that cannot be cancelled (gone, cancelled meanwhile, checked in) says so before any reason is judged: the
        // desk's page shows no waiver form for it, so a refused reason would have nowhere to be shown.
        if (quote(staff, bookingId) instanceof Outcome.Refused<CancellationQuote> refused) {
            return Outcome.refused(refused.refusal());
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            return Outcome.invalid("reason", "Give the reason for waiving the cancellation fee.");
        }
        if (why.length() > MAX_WAIVER_REASON_LENGTH
                || why.chars().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
            return Outcome.invalid("reason", "A reason is at most %d characters, without control or formatting characters."
                    .formatted(MAX_WAIVER_REASON_LENGTH));
        }
        return cancel(staff, bookingId, Channel.FRONT_DESK, Optional.of(why));
    }

    /**
     * @param waiverReason present when the desk waives the fee: everything paid is refunded, and the reason audited. When the
     *     policy would keep nothing anyway (an unpaid hold, or inside the free window) there is no fee to waive: the booking is
     *     cancelled under the policy and audited as such ({@code BOOKING_CANCELLED}), the desk's reason kept with it, so that
     *     the log's waivers are only the ones that gave money back.
     */
    private Outcome<BookingView> cancel(Actor actor, UUID bookingId, Channel channel, Optional<String> waiverReason) {
        Optional<Booking> found = bookings.findForUpdate(new BookingId(bookingId)).filter(actor::sees);
        if (found.isEmpty()) {
            return Outcome.refused(Refusal.noBooking(bookingId));
        }
        Booking booking = found.get();
        Property property = inventory.property(booking.property()).orElseThrow();
        Instant now = clock.instant();
        Map<String, String> before = BookingAudit.snapshot(booking);
        ZonedDateTime checkInAt = property.checkInAt(booking.stay().checkIn());
        boolean waived = waiverReason.isPresent() && !booking.cancellationQuote(property.cancellationPolicy(), checkInAt, now).free();
        Transition transition = waived ? booking.cancelWaivingFee(checkInAt, now) : booking.cancel(property.cancellationPolicy(), checkInAt, now);
        if (transition instanceof Transition.Refused refused) {
            return Outcome.refused(Refusal.conflict(refused.reason()));
        }
        Optional<DeskRefund> byHand = refunds.refund(booking);
        booking.account().ifPresent(account -> loyalty.reverse(account, booking.id(), now));
        bookings.update(booking);
        if (waived) {
            audit.booking(BookingAudit.actor(actor), "BOOKING_CANCELLED_FEE_WAIVED", before, booking, Map.of("waiverReason", waiverReason.get()),
                    now);
        } else if (waiverReason.isPresent()) {
            audit.booking(BookingAudit.actor(actor), "BOOKING_CANCELLED", before, booking, Map.of("deskReason", waiverReason.get()), now);
        } else {
            audit.booking(BookingAudit.actor(actor), "BOOKING_CANCELLED", before, booking, now);
        }
        emails.cancelled(booking, property);
        metrics.bookingCancelled(channel);
        return Outcome.success(views.of(booking).withDeskRefund(byHand));
    }

    @Override
    public Outcome<CancellationQuote> quote(Actor actor, UUID bookingId) {
        Optional<Booking> found = bookings.find(new BookingId(bookingId)).filter(actor::sees);
        if (found.isEmpty()) {
            return Outcome.refused(Refusal.noBooking(bookingId));
        }
        return quote(found.get(), inventory.property(found.get().property()).orElseThrow(), clock.instant());
    }

    /** What cancelling the booking at {@code now} would refund, or why it cannot be cancelled; the one place both are asked. */
    static Outcome<CancellationQuote> quote(Booking booking, Property property, Instant now) {
        ZonedDateTime checkInAt = property.checkInAt(booking.stay().checkIn());
        if (booking.cancellable(checkInAt, now) instanceof Transition.Refused refused) {
            return Outcome.refused(Refusal.conflict(refused.reason()));
        }
        return Outcome.success(booking.cancellationQuote(property.cancellationPolicy(), checkInAt, now));
    }
}
