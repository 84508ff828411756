package com.westbethel.motel.domain.reporting;

import com.westbethel.motel.domain.booking.NightlyRate;
import com.westbethel.motel.domain.inventory.RoomTypeId;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The occupancy of a period: the whole, each night (every night of the period, an empty one too) and each room type
 * (every type with supply, a sale or a fee in the period). Sold nights count for the booking's room type; supply for the
 * room's type.
 */
public record OccupancyReport(ReportPeriod period, OccupancyFigures total, SortedMap<LocalDate, OccupancyFigures> days,
        Map<RoomTypeId, OccupancyFigures> roomTypes) {

    public OccupancyReport {
        days = Collections.unmodifiableSortedMap(new TreeMap<>(days));
        roomTypes = Collections.unmodifiableMap(new LinkedHashMap<>(roomTypes));
    }

    public static OccupancyReport of(ReportPeriod period, Currency currency, List<RoomNights> supply, List<SoldStay> sold, List<RetainedFee> fees) {
        OccupancyFigures none = OccupancyFigures.none(currency);
        TreeMap<LocalDate, OccupancyFigures> days = new TreeMap<>();
        period.dates().forEach(night -> days.put(night, none));
        Map<RoomTypeId, OccupancyFigures> types = new LinkedHashMap<>();
        for (RoomNights nights : supply) {
            if (period.includes(nights.night())) {
                add(days, types, nights.night(), nights.roomType(),
                        new OccupancyFigures(nights.available(), 0, nights.outOfOrder(), none.revenue(), none.retainedFees()));
            }
        }
        for (SoldStay stay : sold) {
            for (NightlyRate night : NightRevenue.net(stay.nights(), stay.discount())) {
                if (period.includes(night.night())) {
                    add(days, types, night.night(), stay.roomType(), new OccupancyFigures(0, 1, 0, night.rate(), none.retainedFees()));
                }
            }
        }
        for (RetainedFee fee : fees) {
            if (period.includes(fee.night())) {
                add(days, types, fee.night(), fee.roomType(), new OccupancyFigures(0, 0, 0, none.revenue(), fee.amount()));
            }
        }
        OccupancyFigures total = none;
        for (OccupancyFigures day : days.values()) {
            total = total.plus(day);
        }
        return new OccupancyReport(period, total, days, types);
    }

    private static void add(Map<LocalDate, OccupancyFigures> days, Map<RoomTypeId, OccupancyFigures> types, LocalDate night,
            RoomTypeId type, OccupancyFigures figures) {
        days.merge(night, figures, OccupancyFigures::plus);
        types.merge(type, figures, OccupancyFigures::plus);
    }
}
