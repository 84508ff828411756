package com.westbethel.motel.application.reporting.service;

import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.application.booking.port.out.Inventory;
import com.westbethel.motel.application.reporting.port.in.ReportOccupancyUseCase;
import com.westbethel.motel.application.reporting.port.out.StayFacts;
import com.westbethel.motel.domain.inventory.Property;
import com.westbethel.motel.domain.inventory.RoomType;
import com.westbethel.motel.domain.inventory.RoomTypeId;
import com.westbethel.motel.domain.reporting.OccupancyReport;
import com.westbethel.motel.domain.reporting.ReportPeriod;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The occupancy report of the motel (the default property): the facts from {@link StayFacts}, the arithmetic in the domain. */
public record ReportOccupancyService(Inventory inventory, StayFacts facts) implements ReportOccupancyUseCase {

    @Override
    public Outcome<Occupancy> occupancy(LocalDate from, LocalDate to) {
        if (from == null) {
            return Outcome.invalid("from", "from, the first night of the report (yyyy-mm-dd), is required.");
        }
        if (to == null) {
            return Outcome.invalid("to", "to, the last night of the report (yyyy-mm-dd), is required.");
        }
        ReportPeriod period;
        try {
            period = new ReportPeriod(from, to);
        } catch (IllegalArgumentException broken) {
            return Outcome.invalid("to", broken.getMessage());
        }
        Optional<Property> property = inventory.defaultProperty();
        if (property.isEmpty()) {
            return Outcome.refused(Refusal.notFound("The motel is not set up yet."));
        }
        OccupancyReport report = OccupancyReport.of(period, property.get().currency(), facts.supply(property.get().id(), period),
                facts.soldStays(property.get().id(), period), facts.retainedFees(property.get().id(), period));
        Map<RoomTypeId, String> names = inventory.roomTypes(property.get().id()).stream()
                .collect(Collectors.toMap(RoomType::id, RoomType::name));
        List<RoomTypeLine> lines = report.roomTypes().entrySet().stream()
                .map(type -> new RoomTypeLine(type.getKey(), names.getOrDefault(type.getKey(), type.getKey().toString()), type.getValue()))
                .sorted(Comparator.comparing(RoomTypeLine::name))
                .toList();
        return Outcome.success(new Occupancy(report, lines));
    }
}
