package com.westbethel.motel.application.booking.port.out;

import com.westbethel.motel.domain.identity.UserId;
import com.westbethel.motel.domain.shared.EmailAddress;

/** Bookings made without an account, given to the account that proved it owns their email address. */
public interface BookingClaims {

    /**
     * Attaches every booking without an account that names {@code email} (case-insensitive) to {@code account}.
     *
     * @return how many bookings were attached
     */
    int claim(UserId account, EmailAddress email);
}
