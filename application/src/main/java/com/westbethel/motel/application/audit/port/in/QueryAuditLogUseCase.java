package com.westbethel.motel.application.audit.port.in;

import com.westbethel.motel.application.audit.port.out.AuditLog.BrokenLink;
import com.westbethel.motel.application.audit.port.out.AuditLog.StoredEntry;
import java.util.List;
import java.util.Optional;

/** Staff read an entity's history; admins check that nobody rewrote it. */
public interface QueryAuditLogUseCase {

    int MAX_ENTRIES = 200;

    List<StoredEntry> history(String entityType, String entityId);

    Optional<BrokenLink> verify();

    /** Entries from before the chain was keyed, checked with their plain hash only; the number never grows. */
    long unkeyedEntries();
}
