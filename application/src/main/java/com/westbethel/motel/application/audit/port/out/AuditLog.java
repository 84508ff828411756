package com.westbethel.motel.application.audit.port.out;

import com.westbethel.motel.domain.audit.AuditEntry;
import java.util.List;
import java.util.Optional;

/** The append-only, hash-chained audit log. */
public interface AuditLog {

    /** Appends in the caller's transaction, linked to the entry before it. */
    void append(AuditEntry entry);

    List<StoredEntry> forEntity(String entityType, String entityId, int limit);

    /** Walks the whole chain; the first broken link, if any. */
    Optional<BrokenLink> verify();

    record StoredEntry(long id, AuditEntry entry, String previousHash, String hash) {
    }

    record BrokenLink(long entryId, String problem) {
    }
}
