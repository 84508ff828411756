package com.westbethel.motel.application.booking.service;

import com.westbethel.motel.application.audit.port.out.AuditLog;
import com.westbethel.motel.application.booking.port.out.RoomHousekeeping;
import com.westbethel.motel.application.booking.port.out.RoomHousekeeping.Current;
import com.westbethel.motel.domain.audit.AuditEntry;
import com.westbethel.motel.domain.inventory.HousekeepingStatus;
import com.westbethel.motel.domain.inventory.RoomId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The one way a room's housekeeping status changes, by a clerk on the housekeeping list or by a check-out that leaves the
 * room dirty: the row locked, the status written, the change audited with who made it and the status before.
 */
final class HousekeepingChanges {

    static final String ACTION = "ROOM_HOUSEKEEPING_CHANGED";

    private final RoomHousekeeping rooms;
    private final AuditLog log;

    HousekeepingChanges(RoomHousekeeping rooms, AuditLog log) {
        this.rooms = rooms;
        this.log = log;
    }

    /** The room as it is after the change; empty if there is no such room. */
    Optional<Current> set(String actor, RoomId room, HousekeepingStatus status, Instant at) {
        Optional<Current> found = rooms.findForUpdate(room);
        found.ifPresent(before -> {
            rooms.set(room, status, at);
            log.append(new AuditEntry(at, actor, ACTION, "room", room.toString(), Map.of("status", before.status().name()),
                    Map.of("status", status.name(), "number", before.number())));
        });
        return found.map(before -> new Current(room, before.number(), status));
    }
}
