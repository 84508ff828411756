package com.westbethel.motel.application.audit.port.in;

import com.westbethel.motel.application.audit.port.out.AuditLog.BrokenLink;
import com.westbethel.motel.application.audit.port.out.AuditLog.StoredEntry;
import com.westbethel.motel.application.audit.port.out.AuditLog.Unlinked;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Staff read an entity's history; admins check that nobody rewrote it. */
public interface QueryAuditLogUseCase {

    int MAX_ENTRIES = 200;

    List<StoredEntry> history(String entityType, String entityId);

    /** The newest entries (at most {@link #MAX_ENTRIES}), newest first. */
    List<StoredEntry> recent(int limit);

    Optional<BrokenLink> verify();

    /**
     * Entries committed longer ago than the grace and still not in the chain: each is linked right after its commit, and the
     * worker links what a stopped process left, so any such entry means linking has stalled and an operator must look.
     * Rows the linker refuses (not written with the key) are not counted here: {@link #verify} names them.
     */
    Optional<Unlinked> unlinkedLongerThan(Duration grace);

    /** Entries from before the chain was keyed, checked with their plain hash only; the number never grows. */
    long unkeyedEntries();
}
