package com.westbethel.motel.application.booking.service;

import com.westbethel.motel.application.booking.port.in.Actor;
import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.application.booking.port.in.ViewTapeChartUseCase;
import com.westbethel.motel.application.booking.port.out.Bookings;
import com.westbethel.motel.application.booking.port.out.Inventory;
import com.westbethel.motel.application.booking.port.out.TapeChartReads;
import com.westbethel.motel.domain.booking.Booking;
import com.westbethel.motel.domain.booking.BookingId;
import com.westbethel.motel.domain.booking.Transition;
import com.westbethel.motel.domain.inventory.Property;
import com.westbethel.motel.domain.stay.Stay;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The tape chart and the rooms a stay can move to, for staff; reads only. */
public class ViewTapeChartService implements ViewTapeChartUseCase {

    private final Inventory inventory;
    private final Bookings bookings;
    private final TapeChartReads reads;
    private final Clock clock;

    public ViewTapeChartService(Inventory inventory, Bookings bookings, TapeChartReads reads, Clock clock) {
        this.inventory = inventory;
        this.bookings = bookings;
        this.reads = reads;
        this.clock = clock;
    }

    @Override
    public Outcome<TapeChart> tapeChart(Actor staff, Optional<LocalDate> from, int days) {
        if (!staff.isStaff()) {
            return Outcome.refused(Refusal.notFound("The tape chart is the front desk's."));
        }
        if (days < MIN_DAYS || days > MAX_DAYS) {
            return Outcome.invalid("days", "The tape chart shows %d to %d days; %d were asked.".formatted(MIN_DAYS, MAX_DAYS, days));
        }
        Optional<Property> property = inventory.defaultProperty();
        if (property.isEmpty()) {
            return Outcome.refused(Refusal.notFound("The motel is not set up yet."));
        }
        LocalDate today = property.get().today(clock);
        LocalDate first = from.orElse(today);
        if (!DeskReach.reaches(today, first)) {
            return Outcome.invalid("from", DeskReach.BEYOND);
        }
        return Outcome.success(new TapeChart(first, days, reads.rooms(property.get().id(), Stay.of(first, days))));
    }

    @Override
    public Outcome<List<RoomOption>> moveOptions(Actor staff, UUID bookingId) {
        Optional<Booking> found = bookings.find(new BookingId(bookingId)).filter(booking -> staff.isStaff());
        if (found.isEmpty()) {
            return Outcome.refused(Refusal.noBooking(bookingId));
        }
        Booking booking = found.get();
        // The domain's rule for a move, asked on this read of the booking (never saved): a booking that holds no room cannot move.
        if (booking.moveTo(booking.room()) instanceof Transition.Refused refused) {
            return Outcome.refused(Refusal.conflict(refused.reason()));
        }
        return Outcome.success(reads.freeRoomsForMove(booking.id(), booking.roomType(), booking.stay()));
    }
}
