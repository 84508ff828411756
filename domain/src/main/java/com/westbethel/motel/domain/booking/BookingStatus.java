package com.westbethel.motel.domain.booking;

/** Where a booking stands. A hold that is never paid ends CANCELLED. */
public enum BookingStatus {
    PENDING_PAYMENT,
    CONFIRMED,
    CHECKED_IN,
    CHECKED_OUT,
    CANCELLED,
    NO_SHOW;

    /** Whether the booking holds its room for its nights. */
    public boolean holdsRoom() {
        return this == PENDING_PAYMENT || this == CONFIRMED || this == CHECKED_IN || this == CHECKED_OUT;
    }
}
