package com.westbethel.motel.application.booking.port.in;

import com.westbethel.motel.application.booking.port.in.ViewBookingsUseCase.Page;

/**
 * The front desk finds a booking by what a guest says at the desk: its reference (exactly, in any case), the guest's email
 * address or name (the start of it: first name, last name, or "first last"), newest first, a page at a time.
 */
public interface SearchBookingsUseCase {

    int MAX_QUERY_LENGTH = 100;

    /** @param size at most {@link ViewBookingsUseCase#MAX_PAGE_SIZE} */
    Outcome<Page<BookingView>> search(Actor staff, String query, int page, int size);
}
