package com.westbethel.motel.application.identity.port.out;

import com.westbethel.motel.application.identity.port.in.AdministerUsersUseCase.RevokedEntry;
import java.time.Instant;
import java.util.List;

/** The revocations still in force, as stored in PostgreSQL (the record Redis mirrors). */
public interface RevocationRecords {

    /**
     * @param usersSince a user's not-before counts when set after this instant (older ones no longer
     *     refuse any token that could still be valid)
     */
    List<RevokedEntry> inForce(Instant now, Instant usersSince, int limit);
}
