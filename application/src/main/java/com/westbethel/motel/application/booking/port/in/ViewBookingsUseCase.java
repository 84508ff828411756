package com.westbethel.motel.application.booking.port.in;

import java.util.List;
import java.util.UUID;

/** A guest's own bookings (staff: anyone's), newest first, a page at a time. */
public interface ViewBookingsUseCase {

    int MAX_PAGE_SIZE = 100;

    Page<BookingView> bookings(Actor actor, int page, int size);

    Outcome<BookingView> booking(Actor actor, UUID bookingId);

    record Page<T>(List<T> items, int page, int size, long totalItems) {
    }
}
