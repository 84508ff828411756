package com.westbethel.motel.application.booking.port.out;

import com.westbethel.motel.domain.booking.Booking;
import java.util.List;

/**
 * Bookings found by a term (lower-case, trimmed): its reference exactly, or the start of the guest's email address, first
 * name, last name, or first and last name when the term has two words.
 */
public interface BookingSearch {

    /** Newest first. */
    List<Booking> find(String term, int page, int size);

    long count(String term);
}
