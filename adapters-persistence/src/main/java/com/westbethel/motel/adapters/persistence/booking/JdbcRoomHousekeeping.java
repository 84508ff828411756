package com.westbethel.motel.adapters.persistence.booking;

import static com.westbethel.motel.adapters.persistence.support.Timestamps.optionalInstant;
import static com.westbethel.motel.adapters.persistence.support.Timestamps.utc;

import com.westbethel.motel.application.booking.port.out.RoomHousekeeping;
import com.westbethel.motel.domain.inventory.HousekeepingStatus;
import com.westbethel.motel.domain.inventory.PropertyId;
import com.westbethel.motel.domain.inventory.RoomId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code rooms.housekeeping} (V21). Written here rather than through {@link JdbcInventory}, on purpose: its writes tell
 * {@link InventoryChanges}, which drops every replica's cached availability, and a room made up changes no availability.
 */
public class JdbcRoomHousekeeping implements RoomHousekeeping {

    private final JdbcClient jdbc;

    public JdbcRoomHousekeeping(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<RoomState> rooms(PropertyId property, LocalDate date) {
        return jdbc.sql("""
                        SELECT r.id, r.number, r.floor, t.name AS room_type, r.housekeeping, r.housekeeping_changed_at,
                               EXISTS (SELECT 1 FROM bookings b WHERE b.room_id = r.id AND b.status = 'CHECKED_IN') AS occupied,
                               (SELECT min(b.reference) FROM bookings b
                                WHERE b.room_id = r.id AND b.check_in = :date AND b.status IN ('PENDING_PAYMENT', 'CONFIRMED')) AS arrival,
                               (SELECT min(b.reference) FROM bookings b
                                WHERE b.room_id = r.id AND b.check_out = :date AND b.status IN ('CHECKED_IN', 'CHECKED_OUT')) AS departure
                        FROM rooms r
                        JOIN room_types t ON t.id = r.room_type_id
                        WHERE r.property_id = :property AND r.in_service
                        ORDER BY r.number
                        """)
                .param("property", property.value())
                .param("date", date)
                .query((row, number) -> new RoomState(new RoomId(row.getObject("id", UUID.class)), row.getString("number"), row.getInt("floor"),
                        row.getString("room_type"), HousekeepingStatus.valueOf(row.getString("housekeeping")),
                        optionalInstant(row, "housekeeping_changed_at"), row.getBoolean("occupied"), Optional.ofNullable(row.getString("arrival")),
                        Optional.ofNullable(row.getString("departure"))))
                .list();
    }

    @Override
    public Optional<Current> findForUpdate(RoomId room) {
        // NO KEY UPDATE: a booking inserted meanwhile (its foreign key takes KEY SHARE on the room) does not wait for it.
        return jdbc.sql("SELECT id, number, housekeeping FROM rooms WHERE id = :id FOR NO KEY UPDATE")
                .param("id", room.value())
                .query((row, number) -> new Current(room, row.getString("number"), HousekeepingStatus.valueOf(row.getString("housekeeping"))))
                .optional();
    }

    @Override
    public void set(RoomId room, HousekeepingStatus status, Instant at) {
        jdbc.sql("UPDATE rooms SET housekeeping = :status, housekeeping_changed_at = :at WHERE id = :id")
                .param("id", room.value())
                .param("status", status.name())
                .param("at", utc(at))
                .update();
    }
}
