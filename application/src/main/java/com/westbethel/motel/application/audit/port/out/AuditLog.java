package com.westbethel.motel.application.audit.port.out;

import com.westbethel.motel.domain.audit.AuditEntry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The append-only, hash-chained audit log. */
public interface AuditLog {

    /**
     * Appends in the caller's transaction: the entry is gone if that transaction rolls back, and is linked to the entry
     * before it in the chain once it has committed.
     */
    void append(AuditEntry entry);

    /**
     * Links every committed entry not linked yet into the chain, in commit order; how many. Each process links what it
     * commits right after the commit, on a thread of its own: this finishes what a process that stopped between a commit
     * and its link left undone. An entry that was not written by a holder of the chain's key is never linked.
     */
    default int link() {
        return 0;
    }

    /** The entries committed before the instant and still not linked into the chain, if any: linking has stalled. */
    default Optional<Unlinked> unlinkedSince(Instant before) {
        return Optional.empty();
    }

    List<StoredEntry> forEntity(String entityType, String entityId, int limit);

    /** The newest entries, newest first, linked or not yet. */
    List<StoredEntry> recent(int limit);

    /** Walks the whole chain; the first broken link, if any, or else the first unlinked entry that was not written with the key. */
    Optional<BrokenLink> verify();

    /**
     * How many entries predate the keyed chain and verify with a plain hash only. Written once, before the chain was
     * keyed, this number never grows: a larger one than noted at the upgrade means entries were rewritten as unkeyed.
     */
    default long unkeyedEntries() {
        return 0;
    }

    /** {@code previousHash} and {@code hash} are null while the entry is committed but not yet linked. */
    record StoredEntry(long id, AuditEntry entry, String previousHash, String hash) {
    }

    record BrokenLink(long entryId, String problem) {
    }

    /** How many entries wait to be linked, and the oldest of them. */
    record Unlinked(long entries, long oldestEntryId) {
    }
}
