package com.westbethel.motel.application.audit.service;

import com.westbethel.motel.application.audit.port.in.QueryAuditLogUseCase;
import com.westbethel.motel.application.audit.port.out.AuditLog.BrokenLink;
import com.westbethel.motel.application.audit.port.out.AuditLog.StoredEntry;
import com.westbethel.motel.application.audit.port.out.AuditLog.Unlinked;
import com.westbethel.motel.application.audit.port.out.AuditLog;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

public record QueryAuditLogService(AuditLog log, Clock clock) implements QueryAuditLogUseCase {

    @Override
    public List<StoredEntry> history(String entityType, String entityId) {
        return log.forEntity(entityType, entityId, MAX_ENTRIES);
    }

    @Override
    public List<StoredEntry> recent(int limit) {
        return log.recent(Math.max(0, Math.min(limit, MAX_ENTRIES)));
    }

    @Override
    public Optional<BrokenLink> verify() {
        return log.verify();
    }

    @Override
    public Optional<Unlinked> unlinkedLongerThan(Duration grace) {
        return log.unlinkedSince(clock.instant().minus(grace));
    }

    @Override
    public long unkeyedEntries() {
        return log.unkeyedEntries();
    }
}
