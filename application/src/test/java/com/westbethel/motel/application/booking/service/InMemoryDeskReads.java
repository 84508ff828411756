package com.westbethel.motel.application.booking.service;

import com.westbethel.motel.application.booking.port.in.ViewTapeChartUseCase.RoomLine;
import com.westbethel.motel.application.booking.port.in.ViewTapeChartUseCase.RoomOption;
import com.westbethel.motel.application.booking.port.in.ViewTapeChartUseCase.StayLine;
import com.westbethel.motel.application.booking.port.out.BookingSearch;
import com.westbethel.motel.application.booking.port.out.InventoryAdmin.RoomFacts;
import com.westbethel.motel.application.booking.port.out.TapeChartReads;
import com.westbethel.motel.application.booking.service.InMemoryBooking.InMemoryBookings;
import com.westbethel.motel.application.booking.service.InMemoryBooking.InMemoryInventory;
import com.westbethel.motel.domain.booking.Booking;
import com.westbethel.motel.domain.booking.BookingId;
import com.westbethel.motel.domain.inventory.PropertyId;
import com.westbethel.motel.domain.inventory.RoomType;
import com.westbethel.motel.domain.inventory.RoomTypeId;
import com.westbethel.motel.domain.shared.EmailAddress;
import com.westbethel.motel.domain.stay.Stay;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The front desk console's reads over the in-memory bookings and rooms, by the rules {@code JdbcTapeChartReads} and
 * {@code JdbcBookingSearch} follow in SQL (the ITs prove those): rooms by number with the bookings holding them in the days
 * shown; rooms free for a move; bookings by reference, or the start of an email or name, newest first. Closures are not
 * listed here (the in-memory inventory keeps them only to refuse a closed room).
 */
final class InMemoryDeskReads implements TapeChartReads, BookingSearch {

    private final InMemoryInventory inventory;
    private final InMemoryBookings bookings;
    private final InMemoryRoomHousekeeping housekeeping;

    InMemoryDeskReads(InMemoryInventory inventory, InMemoryBookings bookings, InMemoryRoomHousekeeping housekeeping) {
        this.inventory = inventory;
        this.bookings = bookings;
        this.housekeeping = housekeeping;
    }

    @Override
    public List<RoomLine> rooms(PropertyId property, Stay days) {
        List<Booking> all = everyBooking();
        return inventory.roomTypes(property).stream()
                .flatMap(type -> inventory.roomsOf(type.id()).stream().map(room -> inventory.room(room).orElseThrow()))
                .sorted(Comparator.comparing(RoomFacts::number))
                .map(room -> new RoomLine(room.id().value(), room.number(), typeName(room.roomType()), housekeeping.status(room.id()),
                        room.inService(), all.stream()
                        .filter(booking -> booking.room().equals(room.id()) && booking.status().holdsRoom() && booking.stay().overlaps(days))
                        .sorted(Comparator.comparing((Booking booking) -> booking.stay().checkIn()))
                        .map(booking -> new StayLine(booking.id().value(), booking.reference(),
                                (booking.contact().firstName() + " " + booking.contact().lastName()).strip(), booking.stay().checkIn(),
                                booking.stay().checkOut(), booking.status()))
                        .toList(), List.of()))
                .toList();
    }

    @Override
    public List<RoomOption> freeRoomsForMove(BookingId booking, RoomTypeId roomType, Stay stay) {
        Booking moving = bookings.find(booking).orElseThrow();
        return inventory.roomsOf(roomType).stream().map(room -> inventory.room(room).orElseThrow())
                .filter(room -> !room.id().equals(moving.room()) && inventory.free(room, stay, Optional.of(booking)))
                .sorted(Comparator.comparing(RoomFacts::number))
                .map(room -> new RoomOption(room.id().value(), room.number()))
                .toList();
    }

    @Override
    public List<Booking> find(String term, int page, int size) {
        return matching(term).stream().skip((long) page * size).limit(size).toList();
    }

    @Override
    public long count(String term) {
        return matching(term).size();
    }

    private List<Booking> matching(String term) {
        String[] words = term.split(" ", 2);
        return everyBooking().stream().filter(booking -> booking.reference().equalsIgnoreCase(term)
                || booking.contact().email().map(EmailAddress::value).filter(email -> email.startsWith(term)).isPresent()
                || lower(booking.contact().firstName()).startsWith(term) || lower(booking.contact().lastName()).startsWith(term)
                || words.length == 2 && lower(booking.contact().firstName()).startsWith(words[0])
                        && lower(booking.contact().lastName()).startsWith(words[1]))
                .toList();
    }

    /** Newest first, as the bookings list them. */
    private List<Booking> everyBooking() {
        return bookings.all(0, Integer.MAX_VALUE);
    }

    private String typeName(RoomTypeId type) {
        return inventory.roomType(type).map(RoomType::name).orElseThrow();
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
