package com.westbethel.motel.adapters.persistence.audit;

import static com.westbethel.motel.adapters.persistence.support.Timestamps.instant;
import static com.westbethel.motel.adapters.persistence.support.Timestamps.utc;

import com.westbethel.motel.application.audit.port.out.AuditLog;
import com.westbethel.motel.domain.audit.AuditChain;
import com.westbethel.motel.domain.audit.AuditEntry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Appends under a transaction-scoped advisory lock, so concurrent transactions link one after the
 * other; the lock is held until the appending transaction ends, and a rolled-back entry leaves no gap
 * in the chain.
 */
public class JdbcAuditLog implements AuditLog {

    private static final long CHAIN_LOCK = 0x4155444954L; // "AUDIT"

    private final JdbcClient jdbc;

    public JdbcAuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void append(AuditEntry entry) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:lock)").param("lock", CHAIN_LOCK).query(Object.class).single();
        String previous = jdbc.sql("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").query(String.class).optional()
                .orElse(AuditChain.GENESIS);
        jdbc.sql("""
                        INSERT INTO audit_log (occurred_at, actor, action, entity_type, entity_id, before_state, after_state, previous_hash, hash)
                        VALUES (:at, :actor, :action, :type, :id, :before, :after, :previous, :hash)
                        """)
                .param("at", utc(entry.occurredAt()))
                .param("actor", entry.actor())
                .param("action", entry.action())
                .param("type", entry.entityType())
                .param("id", entry.entityId())
                .param("before", encode(entry.before()))
                .param("after", encode(entry.after()))
                .param("previous", previous)
                .param("hash", AuditChain.hash(previous, truncated(entry)))
                .update();
    }

    @Override
    public List<StoredEntry> forEntity(String entityType, String entityId, int limit) {
        return jdbc.sql("SELECT * FROM audit_log WHERE entity_type = :type AND entity_id = :id ORDER BY id LIMIT :limit")
                .param("type", entityType)
                .param("id", entityId)
                .param("limit", limit)
                .query(JdbcAuditLog::stored)
                .list();
    }

    @Override
    public Optional<BrokenLink> verify() {
        AtomicReference<String> expectedPrevious = new AtomicReference<>(AuditChain.GENESIS);
        AtomicReference<BrokenLink> broken = new AtomicReference<>();
        jdbc.sql("SELECT * FROM audit_log ORDER BY id").query((ResultSet row) -> {
            if (broken.get() != null) {
                return;
            }
            StoredEntry stored = stored(row, 0);
            if (!stored.previousHash().equals(expectedPrevious.get())) {
                broken.set(new BrokenLink(stored.id(), "its previous hash does not match the hash of the entry before it (an entry was removed or reordered)"));
            } else if (!AuditChain.hash(stored.previousHash(), stored.entry()).equals(stored.hash())) {
                broken.set(new BrokenLink(stored.id(), "its content no longer matches its hash (the entry was edited)"));
            }
            expectedPrevious.set(stored.hash());
        });
        return Optional.ofNullable(broken.get());
    }

    /** The entry as the database will keep it: instants at microsecond precision, so the hash can be recomputed. */
    private static AuditEntry truncated(AuditEntry entry) {
        return new AuditEntry(utc(entry.occurredAt()).toInstant(), entry.actor(), entry.action(), entry.entityType(), entry.entityId(),
                entry.before(), entry.after());
    }

    private static StoredEntry stored(ResultSet row, int number) throws SQLException {
        AuditEntry entry = new AuditEntry(instant(row, "occurred_at"), row.getString("actor"), row.getString("action"),
                row.getString("entity_type"), row.getString("entity_id"), decode(row.getString("before_state")),
                decode(row.getString("after_state")));
        return new StoredEntry(row.getLong("id"), entry, row.getString("previous_hash"), row.getString("hash"));
    }

    /** The canonical form itself is stored, so what was hashed is exactly what is read back. */
    static String encode(Map<String, String> snapshot) {
        return AuditChain.canonical(snapshot);
    }

    static Map<String, String> decode(String canonical) {
        Map<String, String> snapshot = new LinkedHashMap<>();
        int at = 0;
        while (at < canonical.length()) {
            int colon = canonical.indexOf(':', at);
            int keyLength = Integer.parseInt(canonical.substring(at, colon));
            String key = canonical.substring(colon + 1, colon + 1 + keyLength);
            at = colon + 1 + keyLength + 1;
            int valueColon = canonical.indexOf(':', at);
            int valueLength = Integer.parseInt(canonical.substring(at, valueColon));
            String value = canonical.substring(valueColon + 1, valueColon + 1 + valueLength);
            at = valueColon + 1 + valueLength + 1;
            snapshot.put(key, value);
        }
        return snapshot;
    }
}
