package com.westbethel.motel.application.booking.service;

import com.westbethel.motel.application.booking.port.in.BookingView;
import com.westbethel.motel.application.booking.port.out.Inventory;
import com.westbethel.motel.domain.booking.Booking;

/** A booking as guests and staff see it: with its room's number rather than the room's id, and the hold's extension rules. */
record BookingViews(Inventory inventory, BookingSettings settings) {

    BookingView of(Booking booking) {
        return BookingView.of(booking, inventory.roomNumber(booking.room()), settings.maxHoldExtensions(), settings.holdExtensionWindow());
    }
}
