package com.westbethel.motel.application.support;

import com.westbethel.motel.application.audit.port.out.AuditLog;
import com.westbethel.motel.domain.audit.AuditEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/** The audit log as a list of its entries, in order: a fake of the append-only table. */
public final class RecordingAuditLog implements AuditLog {

    private final List<AuditEntry> entries = new ArrayList<>();

    /** The entries appended so far, oldest first. */
    public List<AuditEntry> entries() {
        return entries;
    }

    @Override
    public void append(AuditEntry entry) {
        entries.add(entry);
    }

    /** The entity's entries in order, each numbered by its place in the log (from 1), not yet linked into a chain. */
    @Override
    public List<StoredEntry> forEntity(String entityType, String entityId, int limit) {
        return IntStream.range(0, entries.size())
                .filter(i -> entries.get(i).entityType().equals(entityType) && entries.get(i).entityId().equals(entityId))
                .mapToObj(i -> new StoredEntry(i + 1, entries.get(i), null, null)).limit(limit).toList();
    }

    /** Numbered from 1 in the order appended, never linked. */
    @Override
    public List<StoredEntry> recent(int limit) {
        List<StoredEntry> newestFirst = new ArrayList<>();
        for (int index = entries.size() - 1; index >= 0 && newestFirst.size() < limit; index--) {
            newestFirst.add(new StoredEntry(index + 1, entries.get(index), null, null));
        }
        return newestFirst;
    }

    @Override
    public Optional<BrokenLink> verify() {
        return Optional.empty();
    }
}
