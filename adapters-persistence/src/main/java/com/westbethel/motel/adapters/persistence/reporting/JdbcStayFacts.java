package com.westbethel.motel.adapters.persistence.reporting;

import com.westbethel.motel.application.reporting.port.out.StayFacts;
import com.westbethel.motel.domain.booking.NightlyRate;
import com.westbethel.motel.domain.inventory.PropertyId;
import com.westbethel.motel.domain.inventory.RoomTypeId;
import com.westbethel.motel.domain.reporting.ReportPeriod;
import com.westbethel.motel.domain.reporting.RetainedFee;
import com.westbethel.motel.domain.reporting.RoomNights;
import com.westbethel.motel.domain.reporting.SoldStay;
import com.westbethel.motel.domain.shared.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The occupancy report's facts in three statements: supply per night and room type, the sold bookings' quoted nights
 * (one row per night, from {@code nightly_rates}), and what cancelled and no-show bookings kept. Sums and the discount's
 * shares are left to the domain, which counts money exactly.
 */
public record JdbcStayFacts(JdbcClient jdbc) implements StayFacts {

    /** Sold: the statuses of a booking whose nights the motel sold (a hold not paid yet, a cancellation or a no-show is not). */
    static final String SOLD = "('CONFIRMED', 'CHECKED_IN', 'CHECKED_OUT')";

    @Override
    public List<RoomNights> supply(PropertyId property, ReportPeriod period) {
        return jdbc.sql("""
                        SELECT n.night, r.room_type_id, count(*) AS rooms,
                               count(*) FILTER (WHERE
                                   EXISTS (SELECT 1 FROM room_closures c WHERE c.room_id = r.id AND c.starts <= n.night AND c.ends > n.night)
                                   OR EXISTS (SELECT 1 FROM room_out_of_service o
                                              WHERE o.room_id = r.id AND o.starts <= n.night AND (o.ends IS NULL OR o.ends > n.night))
                               ) AS out_of_order
                        FROM rooms r
                        CROSS JOIN (SELECT d::date AS night FROM generate_series(CAST(:from AS date), CAST(:to AS date), interval '1 day') d) n
                        WHERE r.property_id = :property
                        GROUP BY n.night, r.room_type_id
                        ORDER BY n.night
                        """)
                .param("property", property.value())
                .param("from", period.from())
                .param("to", period.to())
                .query((row, number) -> new RoomNights(row.getObject("night", LocalDate.class),
                        new RoomTypeId(row.getObject("room_type_id", UUID.class)), row.getInt("rooms"), row.getInt("out_of_order")))
                .list();
    }

    @Override
    public List<SoldStay> soldStays(PropertyId property, ReportPeriod period) {
        record Night(UUID booking, RoomTypeId roomType, Money discount, NightlyRate rate) {
        }
        List<Night> nights = jdbc.sql("""
                        SELECT b.id, b.room_type_id, b.currency, b.discount, (n ->> 'night')::date AS night, (n ->> 'rate')::numeric AS rate
                        FROM bookings b CROSS JOIN LATERAL jsonb_array_elements(b.nightly_rates) n
                        WHERE b.property_id = :property AND b.status IN %s AND b.check_in <= :to AND b.check_out > :from
                        ORDER BY b.id, night
                        """.formatted(SOLD))
                .param("property", property.value())
                .param("from", period.from())
                .param("to", period.to())
                .query((row, number) -> {
                    Currency currency = Currency.getInstance(row.getString("currency"));
                    return new Night(row.getObject("id", UUID.class), new RoomTypeId(row.getObject("room_type_id", UUID.class)),
                            new Money(row.getBigDecimal("discount"), currency),
                            new NightlyRate(row.getObject("night", LocalDate.class), new Money(row.getBigDecimal("rate"), currency)));
                })
                .list();
        Map<UUID, List<Night>> byBooking = new LinkedHashMap<>();
        nights.forEach(night -> byBooking.computeIfAbsent(night.booking(), ignored -> new ArrayList<>()).add(night));
        return byBooking.values().stream()
                .map(stay -> new SoldStay(stay.get(0).roomType(), stay.stream().map(Night::rate).toList(), stay.get(0).discount()))
                .toList();
    }

    @Override
    public List<RetainedFee> retainedFees(PropertyId property, ReportPeriod period) {
        return jdbc.sql("""
                        SELECT b.check_in, b.room_type_id, p.currency, p.amount - p.refunded AS kept
                        FROM bookings b JOIN payments p ON p.booking_id = b.id AND p.status = 'SUCCEEDED'
                        WHERE b.property_id = :property AND b.status IN ('CANCELLED', 'NO_SHOW')
                          AND b.check_in BETWEEN :from AND :to AND p.amount > p.refunded
                        """)
                .param("property", property.value())
                .param("from", period.from())
                .param("to", period.to())
                .query((row, number) -> new RetainedFee(row.getObject("check_in", LocalDate.class),
                        new RoomTypeId(row.getObject("room_type_id", UUID.class)),
                        new Money(row.getBigDecimal("kept"), Currency.getInstance(row.getString("currency")))))
                .list();
    }
}
