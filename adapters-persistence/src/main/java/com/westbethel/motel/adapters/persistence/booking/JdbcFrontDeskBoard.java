package com.westbethel.motel.adapters.persistence.booking;

import com.westbethel.motel.application.booking.port.out.FrontDeskBoard;
import com.westbethel.motel.domain.booking.BookingId;
import com.westbethel.motel.domain.booking.BookingStatus;
import com.westbethel.motel.domain.inventory.HousekeepingStatus;
import com.westbethel.motel.domain.inventory.PropertyId;
import com.westbethel.motel.domain.inventory.RoomId;
import com.westbethel.motel.domain.stay.Stay;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The front desk's day from {@code bookings} and {@code rooms}, never from the cache. One statement per list: arrivals by
 * {@code bookings_property_dates}, departures by {@code bookings_property_check_out} and the guests in the house by the
 * partial index {@code bookings_in_house} (V21).
 */
public class JdbcFrontDeskBoard implements FrontDeskBoard {

    private static final String STAY_ROWS = """
            SELECT b.id, b.reference, trim(b.guest_first_name || ' ' || b.guest_last_name) AS guest_name, b.guests, b.room_id,
                   r.number AS room_number, t.name AS room_type, b.check_in, b.check_out, b.status, r.housekeeping,
                   EXISTS (SELECT 1 FROM bookings o WHERE o.room_id = b.room_id AND o.id <> b.id AND o.status = 'CHECKED_IN') AS still_occupied
            FROM bookings b
            JOIN rooms r ON r.id = b.room_id
            JOIN room_types t ON t.id = b.room_type_id
            WHERE b.property_id = :property AND (%s)
            ORDER BY r.number, b.check_in, b.reference
            """;

    private final JdbcClient jdbc;

    public JdbcFrontDeskBoard(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<StayRow> arrivals(PropertyId property, LocalDate date) {
        return rows("b.check_in = :date AND b.status IN ('PENDING_PAYMENT', 'CONFIRMED', 'CHECKED_IN', 'NO_SHOW')", property, date);
    }

    @Override
    public List<StayRow> departures(PropertyId property, LocalDate date) {
        return rows("b.check_out = :date AND b.status IN ('CHECKED_IN', 'CHECKED_OUT') OR b.check_out < :date AND b.status = 'CHECKED_IN'",
                property, date);
    }

    @Override
    public List<StayRow> inHouse(PropertyId property, LocalDate date) {
        return rows("b.status = 'CHECKED_IN' AND b.check_out > :date AND b.check_in <= :date", property, date);
    }

    private List<StayRow> rows(String condition, PropertyId property, LocalDate date) {
        return jdbc.sql(STAY_ROWS.formatted(condition))
                .param("property", property.value())
                .param("date", date)
                .query((row, number) -> new StayRow(new BookingId(row.getObject("id", UUID.class)), row.getString("reference"),
                        row.getString("guest_name"), row.getInt("guests"), new RoomId(row.getObject("room_id", UUID.class)),
                        row.getString("room_number"), row.getString("room_type"),
                        new Stay(row.getObject("check_in", LocalDate.class), row.getObject("check_out", LocalDate.class)),
                        BookingStatus.valueOf(row.getString("status")), HousekeepingStatus.valueOf(row.getString("housekeeping")),
                        row.getBoolean("still_occupied")))
                .list();
    }
}
