package com.westbethel.motel.application.identity.port.out;

import java.time.Instant;
import java.util.List;

/** The revocations still in force, as stored in PostgreSQL (the record Redis mirrors). */
public interface RevocationRecords {

    /**
     * @param usersSince a user's not-before counts when set after this instant (older ones no longer
     *     refuse any token that could still be valid)
     */
    List<RevokedEntry> inForce(Instant now, Instant usersSince, int limit);

    /**
     * @param kind {@code JTI} (one token), {@code SESSION} (a session's tokens) or {@code USER} (every token of the user issued before {@code since})
     * @param until when the entry stops mattering; empty for a user's not-before
     */
    record RevokedEntry(String kind, String id, Instant since, Instant until) {
    }
}
