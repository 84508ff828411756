package com.westbethel.motel.application.audit.port.out;

import com.westbethel.motel.domain.audit.AuditEntry;
import java.util.List;
import java.util.Optional;

/** An audit log that appends to a list a test reads; its chain is always whole. */
public final class RecordingAuditLog implements AuditLog {

    private final List<AuditEntry> entries;

    /** @param entries where appended entries go, in order */
    public RecordingAuditLog(List<AuditEntry> entries) {
        this.entries = entries;
    }

    @Override
    public void append(AuditEntry entry) {
        entries.add(entry);
    }

    @Override
    public List<StoredEntry> forEntity(String entityType, String entityId, int limit) {
        return List.of();
    }

    @Override
    public Optional<BrokenLink> verify() {
        return Optional.empty();
    }
}
