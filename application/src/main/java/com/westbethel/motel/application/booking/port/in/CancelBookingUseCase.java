package com.westbethel.motel.application.booking.port.in;

import java.util.UUID;

/** A guest (or staff) cancels a booking under the property's policy; a paid one is refunded and its points reversed. */
public interface CancelBookingUseCase {

    Outcome<BookingView> cancel(Actor actor, UUID bookingId);
}
