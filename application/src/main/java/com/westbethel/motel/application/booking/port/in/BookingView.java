package com.westbethel.motel.application.booking.port.in;

import com.westbethel.motel.domain.booking.Booking;
import com.westbethel.motel.domain.booking.BookingStatus;
import com.westbethel.motel.domain.booking.NightlyRate;
import com.westbethel.motel.domain.shared.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A booking as its guest or the front desk sees it. */
public record BookingView(UUID id, String reference, BookingStatus status, UUID guestId, UUID roomTypeId, String roomNumber, LocalDate checkIn,
        LocalDate checkOut, int nights, int guests, List<NightlyRate> nightlyRates, Money subtotal, Money discount, Money total,
        Optional<String> promotionCode, Instant holdExpiresAt, Money refunded) {

    public static BookingView of(Booking booking, String roomNumber) {
        return new BookingView(booking.id().value(), booking.reference(), booking.status(), booking.guest().value(),
                booking.roomType().value(), roomNumber, booking.stay().checkIn(), booking.stay().checkOut(), booking.stay().nights(),
                booking.guests(), booking.price().nights(), booking.price().subtotal(), booking.price().discount(), booking.price().total(),
                booking.promotionCode(), booking.holdExpiresAt(), booking.refunded());
    }
}
