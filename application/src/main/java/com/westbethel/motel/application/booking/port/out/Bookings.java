package com.westbethel.motel.application.booking.port.out;

import com.westbethel.motel.domain.booking.Booking;
import com.westbethel.motel.domain.booking.BookingId;
import com.westbethel.motel.domain.identity.UserId;
import com.westbethel.motel.domain.inventory.RoomId;
import com.westbethel.motel.domain.shared.EmailAddress;
import com.westbethel.motel.domain.inventory.RoomTypeId;
import com.westbethel.motel.domain.stay.Stay;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Bookings in the system of record, which itself forbids two bookings of one room for one night. */
public interface Bookings {

    /** The rooms of the type free for the whole stay, in the order they are given out (by number); a read, no lock. */
    List<RoomId> freeRooms(RoomTypeId roomType, Stay stay);

    /**
     * Holds the first of these rooms that is still free: tries them in turn, each insert guarded by the
     * database's no-overlap rule, and returns the booking that got a room, or empty when every one of them
     * was taken meanwhile.
     */
    Optional<Booking> holdFirstFree(List<RoomId> candidates, Function<RoomId, Booking> bookingOfRoom);

    /** Holds the first free room of the type for the stay: both steps at once, when nothing needs checking between them. */
    default Optional<Booking> holdFreeRoom(RoomTypeId roomType, Stay stay, Function<RoomId, Booking> bookingOfRoom) {
        return holdFirstFree(freeRooms(roomType, stay), bookingOfRoom);
    }

    Optional<Booking> find(BookingId id);

    /** Reads for a change: the row stays locked until the transaction ends. */
    Optional<Booking> findForUpdate(BookingId id);

    /** Saves what a booking's life changes: its status, room, refund and hold. */
    void update(Booking booking);

    /**
     * A room of the type, by number, that is free for the stay apart from this booking itself; the room is held until the
     * transaction ends, so that two moves into it take turns and the second sees the first.
     */
    Optional<RoomId> freeRoomForMove(BookingId booking, RoomTypeId roomType, String roomNumber, Stay stay);

    /** The account's bookings, newest first. */
    List<Booking> ofAccount(UserId account, int page, int size);

    long countOfAccount(UserId account);

    List<Booking> all(int page, int size);

    long countAll();

    /**
     * The account's own unpaid holds still running at {@code now}, whatever address they name: holds others made naming the
     * account's address do not count, so nobody can block an account by naming its address. Counted under a lock on the
     * account that lasts until the transaction ends: two bookings of one account count one after the other, so a cap holds.
     */
    long unpaidHoldsOf(UserId account, Instant now);

    /**
     * The unpaid holds still running at {@code now} that name the email address (case-insensitive), whoever made them (an
     * account's too): the cap of a guest without an account. Counted under a lock on the address until the transaction ends.
     */
    long unpaidHoldsNaming(EmailAddress email, Instant now);

    /** Unpaid holds whose time ran out before {@code now}, oldest first. */
    List<BookingId> expiredHolds(Instant now, int limit);
}
