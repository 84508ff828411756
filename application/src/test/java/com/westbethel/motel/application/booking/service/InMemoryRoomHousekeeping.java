package com.westbethel.motel.application.booking.service;

import com.westbethel.motel.application.booking.port.out.InventoryAdmin.RoomFacts;
import com.westbethel.motel.application.booking.port.out.RoomHousekeeping;
import com.westbethel.motel.application.booking.service.InMemoryBooking.InMemoryBookings;
import com.westbethel.motel.application.booking.service.InMemoryBooking.InMemoryInventory;
import com.westbethel.motel.domain.booking.Booking;
import com.westbethel.motel.domain.booking.BookingStatus;
import com.westbethel.motel.domain.inventory.HousekeepingStatus;
import com.westbethel.motel.domain.inventory.PropertyId;
import com.westbethel.motel.domain.inventory.RoomId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** The rooms' housekeeping statuses beside the in-memory inventory (every room CLEAN until set, as the column's default). */
final class InMemoryRoomHousekeeping implements RoomHousekeeping {

    private record Mark(HousekeepingStatus status, Instant at) {
    }

    private final Map<RoomId, Mark> statuses = new HashMap<>();
    private final InMemoryInventory inventory;
    private final InMemoryBookings bookings;
    /** Every write, in order: a check-out is seen to set its room exactly once. */
    final List<RoomId> writes = new ArrayList<>();

    InMemoryRoomHousekeeping(InMemoryInventory inventory, InMemoryBookings bookings) {
        this.inventory = inventory;
        this.bookings = bookings;
    }

    HousekeepingStatus status(RoomId room) {
        return Optional.ofNullable(statuses.get(room)).map(Mark::status).orElse(HousekeepingStatus.CLEAN);
    }

    @Override
    public List<RoomState> rooms(PropertyId property, LocalDate date) {
        return inventory.roomTypes(property).stream()
                .flatMap(type -> inventory.roomsOf(type.id()).stream().map(room -> inventory.room(room).orElseThrow())
                        .filter(RoomFacts::inService)
                        .map(room -> new RoomState(room.id(), room.number(), room.floor(), type.name(), status(room.id()),
                                Optional.ofNullable(statuses.get(room.id())).map(Mark::at),
                                any(room.id(), booking -> booking.status() == BookingStatus.CHECKED_IN).isPresent(),
                                any(room.id(), booking -> booking.stay().checkIn().equals(date) && (booking.status() == BookingStatus.CONFIRMED
                                        || booking.status() == BookingStatus.PENDING_PAYMENT)).map(Booking::reference),
                                any(room.id(), booking -> booking.stay().checkOut().equals(date) && (booking.status() == BookingStatus.CHECKED_IN
                                        || booking.status() == BookingStatus.CHECKED_OUT)).map(Booking::reference))))
                .sorted(Comparator.comparing(RoomState::number))
                .toList();
    }

    private Optional<Booking> any(RoomId room, Predicate<Booking> which) {
        return bookings.all(0, Integer.MAX_VALUE).stream().filter(booking -> booking.room().equals(room) && which.test(booking)).findFirst();
    }

    @Override
    public Optional<Current> findForUpdate(RoomId room) {
        return inventory.room(room).map(facts -> new Current(room, facts.number(), status(room)));
    }

    @Override
    public void set(RoomId room, HousekeepingStatus status, Instant at) {
        statuses.put(room, new Mark(status, at));
        writes.add(room);
    }
}
