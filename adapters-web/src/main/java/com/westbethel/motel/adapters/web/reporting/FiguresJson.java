package com.westbethel.motel.adapters.web.reporting;

import com.westbethel.motel.adapters.web.booking.MoneyJson;
import com.westbethel.motel.domain.reporting.OccupancyFigures;
import java.math.BigDecimal;

/** The USALI figures as the report's whole, each night and each room type write them; a ratio or average is null when its divisor is 0. */
record FiguresJson(long roomNightsAvailable, long roomNightsSold, long roomNightsOutOfOrder, BigDecimal occupancy, MoneyJson adr, MoneyJson revpar,
        MoneyJson revenue, MoneyJson retainedFees) {

    static FiguresJson of(OccupancyFigures figures) {
        return new FiguresJson(figures.roomNightsAvailable(), figures.roomNightsSold(), figures.roomNightsOutOfOrder(),
                figures.occupancy().orElse(null), figures.adr().map(MoneyJson::of).orElse(null), figures.revpar().map(MoneyJson::of).orElse(null),
                MoneyJson.of(figures.revenue()), MoneyJson.of(figures.retainedFees()));
    }
}
