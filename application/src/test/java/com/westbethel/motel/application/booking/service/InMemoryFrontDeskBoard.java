package com.westbethel.motel.application.booking.service;

import com.westbethel.motel.application.booking.port.out.FrontDeskBoard;
import com.westbethel.motel.application.booking.service.InMemoryBooking.InMemoryBookings;
import com.westbethel.motel.application.booking.service.InMemoryBooking.InMemoryInventory;
import com.westbethel.motel.domain.booking.Booking;
import com.westbethel.motel.domain.booking.BookingStatus;
import com.westbethel.motel.domain.inventory.PropertyId;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** The front desk's lists over the in-memory bookings, by the same rules as JdbcFrontDeskBoard's statements. */
final class InMemoryFrontDeskBoard implements FrontDeskBoard {

    private static final Set<BookingStatus> EXPECTED = EnumSet.of(BookingStatus.PENDING_PAYMENT, BookingStatus.CONFIRMED, BookingStatus.CHECKED_IN,
            BookingStatus.NO_SHOW);

    private final InMemoryInventory inventory;
    private final InMemoryBookings bookings;
    private final InMemoryRoomHousekeeping housekeeping;

    InMemoryFrontDeskBoard(InMemoryInventory inventory, InMemoryBookings bookings, InMemoryRoomHousekeeping housekeeping) {
        this.inventory = inventory;
        this.bookings = bookings;
        this.housekeeping = housekeeping;
    }

    @Override
    public List<StayRow> arrivals(PropertyId property, LocalDate date) {
        return rows(property, booking -> booking.stay().checkIn().equals(date) && EXPECTED.contains(booking.status()));
    }

    @Override
    public List<StayRow> departures(PropertyId property, LocalDate date) {
        return rows(property, booking -> booking.stay().checkOut().equals(date)
                && (booking.status() == BookingStatus.CHECKED_IN || booking.status() == BookingStatus.CHECKED_OUT)
                || booking.stay().checkOut().isBefore(date) && booking.status() == BookingStatus.CHECKED_IN);
    }

    @Override
    public List<StayRow> inHouse(PropertyId property, LocalDate date) {
        return rows(property, booking -> booking.status() == BookingStatus.CHECKED_IN && !booking.stay().checkIn().isAfter(date)
                && booking.stay().checkOut().isAfter(date));
    }

    private List<StayRow> rows(PropertyId property, Predicate<Booking> which) {
        List<Booking> all = bookings.all(0, Integer.MAX_VALUE);
        return all.stream().filter(booking -> booking.property().equals(property) && which.test(booking))
                .map(booking -> new StayRow(booking.id(), booking.reference(), booking.contact().firstName() + " " + booking.contact().lastName(),
                        booking.guests(), booking.room(), inventory.roomNumber(booking.room()), inventory.roomType(booking.roomType()).orElseThrow().name(),
                        booking.stay(), booking.status(), housekeeping.status(booking.room()),
                        all.stream().anyMatch(other -> other.room().equals(booking.room()) && !other.id().equals(booking.id())
                                && other.status() == BookingStatus.CHECKED_IN)))
                .sorted(Comparator.comparing(StayRow::roomNumber))
                .toList();
    }
}
