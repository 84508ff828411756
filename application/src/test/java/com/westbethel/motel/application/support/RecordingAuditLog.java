package com.westbethel.motel.application.support;

import com.westbethel.motel.application.audit.port.out.AuditLog;
import com.westbethel.motel.domain.audit.AuditEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

    @Override
    public List<StoredEntry> forEntity(String entityType, String entityId, int limit) {
        return List.of();
    }

    @Override
    public Optional<BrokenLink> verify() {
        return Optional.empty();
    }
}
