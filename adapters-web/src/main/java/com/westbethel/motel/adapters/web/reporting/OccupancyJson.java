package com.westbethel.motel.adapters.web.reporting;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.westbethel.motel.adapters.web.booking.MoneyJson;
import com.westbethel.motel.application.reporting.port.in.ReportOccupancyUseCase.Occupancy;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * GET /api/v1/admin/reports/occupancy: the period's figures, then each night's, then each room type's. A ratio or an
 * average whose divisor is 0 (no room available, no night sold) is left out rather than written as 0.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "Occupancy, ADR and RevPAR (USALI) of a period of nights, both ends included")
record OccupancyJson(LocalDate from, LocalDate to,
        @Schema(description = "Rooms less those closed or out of service, night by night") long roomNightsAvailable,
        @Schema(description = "Nights of CONFIRMED, CHECKED_IN and CHECKED_OUT bookings") long roomNightsSold,
        @Schema(description = "Room-nights closed or out of service, not in the supply") long roomNightsOutOfOrder,
        @Schema(description = "sold / available, 4 decimals, half-even; absent when nothing is available", example = "0.1067") BigDecimal occupancy,
        @Schema(description = "revenue / sold, to the cent, half-even; absent when nothing is sold") MoneyJson adr,
        @Schema(description = "revenue / available, to the cent, half-even; absent when nothing is available") MoneyJson revpar,
        @Schema(description = "The sold nights' quoted rates less their share of each booking's discount") MoneyJson revenue,
        @Schema(description = "What cancelled and no-show bookings kept, on their first night; not room revenue") MoneyJson retainedFees,
        List<OccupancyDayJson> days, List<OccupancyRoomTypeJson> roomTypes) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OccupancyDayJson(LocalDate date, long roomNightsAvailable, long roomNightsSold, long roomNightsOutOfOrder, BigDecimal occupancy, MoneyJson adr,
            MoneyJson revpar, MoneyJson revenue, MoneyJson retainedFees) {

        static OccupancyDayJson of(LocalDate date, FiguresJson f) {
            return new OccupancyDayJson(date, f.roomNightsAvailable(), f.roomNightsSold(), f.roomNightsOutOfOrder(), f.occupancy(), f.adr(), f.revpar(),
                    f.revenue(), f.retainedFees());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OccupancyRoomTypeJson(UUID roomTypeId, String name, long roomNightsAvailable, long roomNightsSold, long roomNightsOutOfOrder, BigDecimal occupancy,
            MoneyJson adr, MoneyJson revpar, MoneyJson revenue, MoneyJson retainedFees) {

        static OccupancyRoomTypeJson of(UUID id, String name, FiguresJson f) {
            return new OccupancyRoomTypeJson(id, name, f.roomNightsAvailable(), f.roomNightsSold(), f.roomNightsOutOfOrder(), f.occupancy(), f.adr(),
                    f.revpar(), f.revenue(), f.retainedFees());
        }
    }

    static OccupancyJson of(Occupancy occupancy) {
        var report = occupancy.report();
        FiguresJson f = FiguresJson.of(report.total());
        return new OccupancyJson(report.period().from(), report.period().to(), f.roomNightsAvailable(), f.roomNightsSold(), f.roomNightsOutOfOrder(),
                f.occupancy(), f.adr(), f.revpar(), f.revenue(), f.retainedFees(),
                report.days().entrySet().stream().map(day -> OccupancyDayJson.of(day.getKey(), FiguresJson.of(day.getValue()))).toList(),
                occupancy.roomTypes().stream().map(type -> OccupancyRoomTypeJson.of(type.id().value(), type.name(), FiguresJson.of(type.figures()))).toList());
    }
}
