package com.westbethel.motel.application.booking.service;

import com.westbethel.motel.application.audit.port.out.AuditLog;
import com.westbethel.motel.application.booking.port.in.Actor;
import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.application.booking.port.in.RoomHousekeepingUseCase;
import com.westbethel.motel.application.booking.port.out.Inventory;
import com.westbethel.motel.application.booking.port.out.RoomHousekeeping;
import com.westbethel.motel.domain.inventory.HousekeepingStatus;
import com.westbethel.motel.domain.inventory.RoomId;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * Housekeeping's list and its changes. Any status may follow any other (a clean room found dirty again, an inspection
 * undone): the desk knows better than a state machine. The web layer lets only staff and admins in.
 */
public class RoomHousekeepingService implements RoomHousekeepingUseCase {

    private final RoomHousekeeping rooms;
    private final Inventory inventory;
    private final HousekeepingChanges changes;
    private final Clock clock;

    public RoomHousekeepingService(RoomHousekeeping rooms, Inventory inventory, AuditLog auditLog, Clock clock) {
        this.rooms = rooms;
        this.inventory = inventory;
        this.changes = new HousekeepingChanges(rooms, auditLog);
        this.clock = clock;
    }

    @Override
    public Optional<HousekeepingBoard> rooms() {
        return inventory.defaultProperty().map(property -> {
            LocalDate today = property.today(clock);
            return new HousekeepingBoard(today, rooms.rooms(property.id(), today).stream()
                    .map(room -> new RoomStatusLine(room.room().value(), room.number(), room.floor(), room.roomType(), room.status(), room.changedAt(),
                            room.occupied(), room.arrivalToday(), room.departureToday()))
                    .toList());
        });
    }

    @Override
    public Outcome<RoomStatusView> setStatus(Actor staff, UUID roomId, String status) {
        Optional<HousekeepingStatus> wanted = HousekeepingStatus.parse(status);
        if (wanted.isEmpty()) {
            return Outcome.invalid("status", "The status must be CLEAN, DIRTY or INSPECTED.");
        }
        Instant now = clock.instant();
        return changes.set(staff.auditName(), new RoomId(roomId), wanted.get(), now)
                .<Outcome<RoomStatusView>>map(room -> Outcome.success(new RoomStatusView(roomId, room.number(), room.status(), now)))
                .orElseGet(() -> Outcome.refused(Refusal.notFound("There is no room " + roomId + ".")));
    }
}
