package com.westbethel.motel.application.booking.port.in;

import com.westbethel.motel.domain.booking.BookingStatus;
import com.westbethel.motel.domain.inventory.HousekeepingStatus;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The front desk's tape chart: every room of the motel, day by day, with the stays that hold it and the nights it is closed;
 * and, for one booking, the rooms it could be moved to (another room of its type, free for its whole stay: moving itself is
 * {@link FrontDeskUseCase#moveToRoom}).
 */
public interface ViewTapeChartUseCase {

    /** The chart covers two weeks to a month: long enough to plan, short enough to read on one screen. */
    int MIN_DAYS = 14;
    int MAX_DAYS = 31;

    /** @param from the first day shown; empty for today at the motel */
    Outcome<TapeChart> tapeChart(Actor staff, Optional<LocalDate> from, int days);

    Outcome<List<RoomOption>> moveOptions(Actor staff, UUID bookingId);

    /** The days from {@code from} on, {@code days} of them; the rooms by number. */
    record TapeChart(LocalDate from, int days, List<RoomLine> rooms) {

        public TapeChart {
            Objects.requireNonNull(from, "from");
            rooms = List.copyOf(rooms);
        }
    }

    /**
     * One room's line: its housekeeping status now, the stays holding it and its closures that overlap the days shown, each
     * in date order.
     */
    record RoomLine(UUID roomId, String number, String roomType, HousekeepingStatus housekeeping, boolean inService, List<StayLine> stays,
            List<ClosureLine> closures) {

        public RoomLine {
            stays = List.copyOf(stays);
            closures = List.copyOf(closures);
        }
    }

    /** A booking holding the room (awaiting payment, confirmed, checked in or out), with the dates it has, not clipped to the chart. */
    record StayLine(UUID bookingId, String reference, String guestName, LocalDate checkIn, LocalDate checkOut, BookingStatus status) {
    }

    /** The room closed from {@code starts} up to, not including, {@code ends}. */
    record ClosureLine(UUID closureId, LocalDate starts, LocalDate ends, String reason) {
    }

    /** A room a booking can move to. */
    record RoomOption(UUID roomId, String number) {
    }
}
