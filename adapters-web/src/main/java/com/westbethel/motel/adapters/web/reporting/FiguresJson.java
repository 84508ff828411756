package com.westbethel.motel.adapters.web.reporting;

import com.westbethel.motel.adapters.web.booking.MoneyJson;
import com.westbethel.motel.domain.reporting.OccupancyFigures;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

/** The USALI figures as the report's whole, each day and each room type write them; a ratio or an average is null when its divisor is 0. */
record FiguresJson(long roomNightsAvailable, long roomNightsSold, long roomNightsOutOfOrder,
        @Schema(description = "sold / available, 4 decimals, half-even", example = "0.1067") BigDecimal occupancy,
        @Schema(description = "revenue / sold, to the cent, half-even") MoneyJson adr,
        @Schema(description = "revenue / available, to the cent, half-even") MoneyJson revpar,
        @Schema(description = "Room revenue: the sold nights' quoted rates less their share of each booking's discount") MoneyJson revenue,
        @Schema(description = "What cancelled and no-show bookings kept, on their first night; not room revenue") MoneyJson retainedFees) {

    static FiguresJson of(OccupancyFigures figures) {
        return new FiguresJson(figures.roomNightsAvailable(), figures.roomNightsSold(), figures.roomNightsOutOfOrder(),
                figures.occupancy().orElse(null), figures.adr().map(MoneyJson::of).orElse(null), figures.revpar().map(MoneyJson::of).orElse(null),
                MoneyJson.of(figures.revenue()), MoneyJson.of(figures.retainedFees()));
    }
}
