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

    /**
     * How many entries predate the keyed chain and verify with a plain hash only. Written once, before the chain was
     * keyed, this number never grows: a larger one than noted at the upgrade means entries were rewritten as unkeyed.
     */
    default long unkeyedEntries() {
        return 0;
    }

    record StoredEntry(long id, AuditEntry entry, String previousHash, String hash) {
    }

    record BrokenLink(long entryId, String problem) {
    }
}
