package com.westbethel.motel.application.booking.port.out;

import com.westbethel.motel.application.booking.port.in.ViewTapeChartUseCase.RoomLine;
import com.westbethel.motel.application.booking.port.in.ViewTapeChartUseCase.RoomOption;
import com.westbethel.motel.domain.booking.BookingId;
import com.westbethel.motel.domain.inventory.PropertyId;
import com.westbethel.motel.domain.inventory.RoomTypeId;
import com.westbethel.motel.domain.stay.Stay;
import java.util.List;

/** The tape chart's reads, straight from the system of record: the front desk needs the truth, never a cached copy. */
public interface TapeChartReads {

    /**
     * Every room of the property by number, with the bookings holding it and its closures that overlap {@code days} (its
     * check-in is the first day shown, its check-out the day after the last).
     */
    List<RoomLine> rooms(PropertyId property, Stay days);

    /** The rooms of the type, by number, free for the whole stay apart from this booking itself (in service, not closed, not held). */
    List<RoomOption> freeRoomsForMove(BookingId booking, RoomTypeId roomType, Stay stay);
}
