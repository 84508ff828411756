package com.westbethel.motel.application.booking.service;

import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.application.booking.port.in.ViewFrontDeskUseCase;
import com.westbethel.motel.application.booking.port.out.FrontDeskBoard;
import com.westbethel.motel.application.booking.port.out.FrontDeskBoard.StayRow;
import com.westbethel.motel.application.booking.port.out.Inventory;
import com.westbethel.motel.domain.booking.Booking;
import com.westbethel.motel.domain.booking.BookingStatus;
import com.westbethel.motel.domain.inventory.Property;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The front desk's day. What each line allows is decided by the booking's own rules ({@link Booking#mayCheckIn} and its
 * neighbours) for today at the motel, whatever day is shown: the desk acts today. The web layer lets only staff and admins in.
 */
public class ViewFrontDeskService implements ViewFrontDeskUseCase {

    private final FrontDeskBoard board;
    private final Inventory inventory;
    private final Clock clock;

    public ViewFrontDeskService(FrontDeskBoard board, Inventory inventory, Clock clock) {
        this.board = board;
        this.inventory = inventory;
        this.clock = clock;
    }

    @Override
    public Outcome<FrontDeskDay> today(Optional<LocalDate> date) {
        Optional<Property> found = inventory.defaultProperty();
        if (found.isEmpty()) {
            return Outcome.refused(Refusal.notFound("The motel has no property yet."));
        }
        Property property = found.get();
        LocalDate today = property.today(clock);
        LocalDate day = date.orElse(today);
        if (!DeskReach.reaches(today, day)) {
            return Outcome.invalid("date", DeskReach.BEYOND);
        }
        return Outcome.success(new FrontDeskDay(day, today, lines(board.arrivals(property.id(), day), day, today),
                lines(board.departures(property.id(), day), day, today), lines(board.inHouse(property.id(), day), day, today)));
    }

    private static List<StayLine> lines(List<StayRow> rows, LocalDate day, LocalDate today) {
        return rows.stream().map(row -> line(row, day, today)).toList();
    }

    private static StayLine line(StayRow row, LocalDate day, LocalDate today) {
        boolean overdue = row.status() == BookingStatus.CHECKED_IN && row.stay().checkOut().isBefore(day);
        return new StayLine(row.booking().value(), row.reference(), row.guestName(), row.guests(), row.room().value(), row.roomNumber(),
                row.roomType(), row.stay().checkIn(), row.stay().checkOut(), row.status(), row.housekeeping(),
                row.housekeeping().ready() && !row.roomStillOccupied(), overdue, Booking.mayCheckIn(row.status(), row.stay(), today),
                Booking.mayCheckOut(row.status()), Booking.mayBeNoShow(row.status(), row.stay(), today));
    }
}
