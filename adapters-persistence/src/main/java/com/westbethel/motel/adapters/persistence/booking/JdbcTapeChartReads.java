package com.westbethel.motel.adapters.persistence.booking;

import com.westbethel.motel.application.booking.port.in.ViewTapeChartUseCase.ClosureLine;
import com.westbethel.motel.application.booking.port.in.ViewTapeChartUseCase.RoomLine;
import com.westbethel.motel.application.booking.port.in.ViewTapeChartUseCase.RoomOption;
import com.westbethel.motel.application.booking.port.in.ViewTapeChartUseCase.StayLine;
import com.westbethel.motel.application.booking.port.out.TapeChartReads;
import com.westbethel.motel.domain.booking.BookingId;
import com.westbethel.motel.domain.booking.BookingStatus;
import com.westbethel.motel.domain.inventory.HousekeepingStatus;
import com.westbethel.motel.domain.inventory.PropertyId;
import com.westbethel.motel.domain.inventory.RoomTypeId;
import com.westbethel.motel.domain.stay.Stay;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The tape chart in three statements, none of which reads a booking outside the days shown: the property's rooms; their
 * stays, fetched room by room through the no-double-booking constraint's range index (a lateral join, so a month costs the
 * same whatever the years of bookings behind it); their closures, through {@code room_closures_room_period}.
 */
public record JdbcTapeChartReads(JdbcClient jdbc) implements TapeChartReads {

    @Override
    public List<RoomLine> rooms(PropertyId property, Stay days) {
        Map<UUID, List<StayLine>> stays = jdbc.sql("""
                        SELECT r.id AS room_id, b.id, b.reference, b.guest_first_name, b.guest_last_name, b.check_in, b.check_out, b.status
                        FROM rooms r
                        CROSS JOIN LATERAL (SELECT * FROM bookings b
                                            WHERE b.room_id = r.id AND b.status IN %s
                                              AND daterange(b.check_in, b.check_out) && daterange(:from, :until)) b
                        WHERE r.property_id = :property
                        ORDER BY b.check_in, b.id
                        """.formatted(JdbcInventory.HOLDING))
                .param("property", property.value())
                .param("from", days.checkIn())
                .param("until", days.checkOut())
                .query((row, number) -> Map.entry(row.getObject("room_id", UUID.class), new StayLine(row.getObject("id", UUID.class),
                        row.getString("reference"), (row.getString("guest_first_name") + " " + row.getString("guest_last_name")).strip(),
                        row.getObject("check_in", LocalDate.class), row.getObject("check_out", LocalDate.class),
                        BookingStatus.valueOf(row.getString("status")))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        Map<UUID, List<ClosureLine>> closures = jdbc.sql("""
                        SELECT c.id, c.room_id, c.starts, c.ends, c.reason
                        FROM room_closures c JOIN rooms r ON r.id = c.room_id
                        WHERE r.property_id = :property AND daterange(c.starts, c.ends) && daterange(:from, :until)
                        ORDER BY c.starts, c.id
                        """)
                .param("property", property.value())
                .param("from", days.checkIn())
                .param("until", days.checkOut())
                .query((row, number) -> Map.entry(row.getObject("room_id", UUID.class), new ClosureLine(row.getObject("id", UUID.class),
                        row.getObject("starts", LocalDate.class), row.getObject("ends", LocalDate.class), row.getString("reason"))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return jdbc.sql("""
                        SELECT r.id, r.number, r.in_service, r.housekeeping, t.name AS room_type
                        FROM rooms r JOIN room_types t ON t.id = r.room_type_id
                        WHERE r.property_id = :property
                        ORDER BY r.number
                        """)
                .param("property", property.value())
                .query((row, number) -> {
                    UUID room = row.getObject("id", UUID.class);
                    return new RoomLine(room, row.getString("number"), row.getString("room_type"),
                            HousekeepingStatus.valueOf(row.getString("housekeeping")), row.getBoolean("in_service"),
                            stays.getOrDefault(room, List.of()), closures.getOrDefault(room, List.of()));
                })
                .list();
    }

    @Override
    public List<RoomOption> freeRoomsForMove(BookingId booking, RoomTypeId roomType, Stay stay) {
        return jdbc.sql("""
                        SELECT r.id, r.number FROM rooms r
                        WHERE r.room_type_id = :type AND r.id <> (SELECT room_id FROM bookings WHERE id = :booking) AND
                        """ + JdbcBookings.FREE_FOR_MOVE + " ORDER BY r.number")
                .param("type", roomType.value())
                .param("booking", booking.value())
                .param("checkIn", stay.checkIn())
                .param("checkOut", stay.checkOut())
                .query((row, number) -> new RoomOption(row.getObject("id", UUID.class), row.getString("number")))
                .list();
    }
}
