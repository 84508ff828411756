package com.westbethel.motel.application.reporting.port.in;

import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.domain.inventory.RoomTypeId;
import com.westbethel.motel.domain.reporting.OccupancyFigures;
import com.westbethel.motel.domain.reporting.OccupancyReport;
import java.time.LocalDate;
import java.util.List;

/**
 * Staff and admins read the motel's occupancy, ADR and RevPAR over a period of nights (both ends included, at most a
 * year): a refusal naming {@code from} or {@code to} when the period is missing, reversed or too long.
 */
public interface ReportOccupancyUseCase {

    Outcome<Occupancy> occupancy(LocalDate from, LocalDate to);

    /** The report, with the room types named and ordered by name. */
    record Occupancy(OccupancyReport report, List<RoomTypeLine> roomTypes) {

        public Occupancy {
            roomTypes = List.copyOf(roomTypes);
        }
    }

    record RoomTypeLine(RoomTypeId id, String name, OccupancyFigures figures) {
    }
}
