package com.westbethel.motel.application.booking.service;

import com.westbethel.motel.application.booking.port.in.Channel;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PaymentView;
import com.westbethel.motel.application.booking.port.out.Bookings;
import com.westbethel.motel.application.booking.port.out.LoyaltyLedger;
import com.westbethel.motel.application.operations.port.out.BusinessMetrics;
import com.westbethel.motel.domain.booking.Booking;
import com.westbethel.motel.domain.inventory.Property;
import com.westbethel.motel.domain.loyalty.LoyaltyProgram;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What follows a successful payment, however it was taken (a card through the processor, cash or a card at the desk): the
 * booking saved as confirmed, loyalty points for an account, the payment and the confirmation audited, the confirmation and
 * receipt emailed when the booking has somewhere to send them, and the booking's value counted. The one home of these steps.
 */
record PaymentConfirmation(Bookings bookings, LoyaltyLedger loyalty, BookingNotifications emails, BookingAudit audit, ManageLinks manageLinks,
        BusinessMetrics metrics) {

    /**
     * @param booking already confirmed by the payment ({@code confirmPayment} succeeded), not yet saved
     * @param before the booking's audit snapshot before it was confirmed
     * @param channel where the payment was made, when its payer is waiting for the answer
     */
    void confirmed(Booking booking, Map<String, String> before, Property property, PaymentView payment, String actor, Optional<Channel> channel,
            Instant now) {
        bookings.update(booking);
        // Points are an account's: a guest without one earns none (claiming the booking later does not earn them either).
        long points = booking.account().isPresent() ? LoyaltyProgram.pointsFor(booking.price().total()) : 0;
        booking.account().ifPresent(account -> loyalty.earn(account, booking.id(), points, now));
        Map<String, String> paid = new HashMap<>(Map.of("booking", booking.id().toString(), "amount", payment.amount().toString()));
        if (payment.method().atTheDesk()) {
            paid.put("method", payment.method().name());
        }
        audit.payment(actor, "PAYMENT_SUCCEEDED", payment.id().toString(), paid, now);
        audit.booking(actor, "BOOKING_CONFIRMED", before, booking, now);
        emails.paid(booking, property, payment.id(), now, points, booking.account().map(loyalty::balance), manageLinks.issue(booking, property, now));
        metrics.bookingConfirmed(booking.price().total(), channel);
    }
}
