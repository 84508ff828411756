package com.westbethel.motel.domain.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One change: the actor (such as {@code guest:<id>}, {@code staff:<id>}, {@code system:hold-expiry}),
 * the action, the entity, its state before and after (as flat key/value snapshots), and when.
 */
public record AuditEntry(Instant occurredAt, String actor, String action, String entityType, String entityId, Map<String, String> before,
        Map<String, String> after) {

    public AuditEntry {
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(entityId, "entityId");
        before = before == null ? Map.of() : Map.copyOf(new TreeMap<>(before));
        after = after == null ? Map.of() : Map.copyOf(new TreeMap<>(after));
    }
}
