package com.westbethel.motel.adapters.web.audit;

import com.westbethel.motel.application.audit.port.out.AuditLog.StoredEntry;
import java.time.Instant;
import java.util.Map;

/** One audit entry as the API shows it; {@code hash} is null while the entry waits to be linked into the chain. */
public record AuditJson(long id, Instant occurredAt, String actor, String action, String entityType, String entityId, Map<String, String> before,
        Map<String, String> after, String hash) {

    public static AuditJson of(StoredEntry stored) {
        return new AuditJson(stored.id(), stored.entry().occurredAt(), stored.entry().actor(), stored.entry().action(), stored.entry().entityType(),
                stored.entry().entityId(), stored.entry().before(), stored.entry().after(), stored.hash());
    }
}
