package com.westbethel.motel.application.booking.port.in;

import java.util.UUID;

/** Staff at the front desk: guests arrive, leave, do not come, or need another room. */
public interface FrontDeskUseCase {

    Outcome<BookingView> checkIn(Actor staff, UUID bookingId);

    Outcome<BookingView> checkOut(Actor staff, UUID bookingId);

    Outcome<BookingView> markNoShow(Actor staff, UUID bookingId);

    /** To another room of the same type that is free for the whole stay. */
    Outcome<BookingView> moveToRoom(Actor staff, UUID bookingId, String roomNumber);
}
