package com.westbethel.motel.application.booking.port.out;

import com.westbethel.motel.domain.identity.UserId;
import com.westbethel.motel.domain.shared.EmailAddress;

/** Bookings made without an account, given to the account that proved it owns their email address. */
public interface BookingClaims {

    /**
     * Attaches every booking without an account that names {@code email} (case-insensitive) to {@code account}. The
     * promotion use such a booking holds moves to the account's row, unless that would put the row over the code's
     * per-guest limit: then it stays on the address's row, where it still counts against the account (the limit counts
     * both rows), and the booking gives a use back to the account's row when it lets go of its room.
     *
     * @return how many bookings were attached
     */
    int claim(UserId account, EmailAddress email);
}
