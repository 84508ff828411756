package com.westbethel.motel.adapters.persistence.audit;

import static com.westbethel.motel.adapters.persistence.support.Timestamps.instant;
import static com.westbethel.motel.adapters.persistence.support.Timestamps.utc;

import com.westbethel.motel.application.audit.port.out.AuditLog;
import com.westbethel.motel.domain.audit.AuditChain;
import com.westbethel.motel.domain.audit.AuditEntry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The hash chain in {@code audit_log}. Since V12 each link is an HMAC keyed with {@link AuditChainKey} (chain
 * version 2); the entries written before it keep their plain SHA-256 links (version 1) and verify that way, as
 * the chain's first entries only.
 *
 * <p>Appending links to the last entry, so appends are serialised by a transaction-scoped advisory lock. So that
 * this one global lock is held as briefly as possible (docs/architecture.md §10), entries appended in a transaction are
 * kept until just before it commits and written then: the lock is held for the inserts and the commit, not for
 * the whole business transaction. A rolled-back transaction writes nothing, so it leaves no gap in the chain.
 * Outside a transaction an entry is written at once.
 */
public class JdbcAuditLog implements AuditLog {

    private static final long CHAIN_LOCK = 0x4155444954L; // "AUDIT"
    private static final int UNKEYED = 1;
    private static final int KEYED = 2;

    private final JdbcClient jdbc;
    private final AuditChainKey key;
    /** This log's entries waiting in the current transaction (a transaction resource). */
    private final Object pending = new Object();

    public JdbcAuditLog(JdbcClient jdbc, AuditChainKey key) {
        this.jdbc = jdbc;
        this.key = key;
    }

    @Override
    public void append(AuditEntry entry) {
        if (!TransactionSynchronizationManager.isActualTransactionActive() || !TransactionSynchronizationManager.isSynchronizationActive()) {
            write(List.of(entry));
            return;
        }
        @SuppressWarnings("unchecked")
        List<AuditEntry> waiting = (List<AuditEntry>) TransactionSynchronizationManager.getResource(pending);
        if (waiting == null) {
            List<AuditEntry> entries = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(pending, entries);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    write(entries);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(pending);
                }
            });
            waiting = entries;
        }
        waiting.add(entry);
    }

    private void write(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        jdbc.sql("SELECT pg_advisory_xact_lock(:lock)").param("lock", CHAIN_LOCK).query(Object.class).single();
        String previous = jdbc.sql("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").query(String.class).optional()
                .orElse(AuditChain.GENESIS);
        for (AuditEntry entry : entries) {
            String hash = key.hmac(AuditChain.text(previous, truncated(entry)));
            jdbc.sql("""
                            INSERT INTO audit_log (occurred_at, actor, action, entity_type, entity_id, before_state, after_state, previous_hash, hash,
                                                   chain_version, key_check)
                            VALUES (:at, :actor, :action, :type, :id, :before, :after, :previous, :hash, :version, :keyCheck)
                            """)
                    .param("at", utc(entry.occurredAt()))
                    .param("actor", entry.actor())
                    .param("action", entry.action())
                    .param("type", entry.entityType())
                    .param("id", entry.entityId())
                    .param("before", encode(entry.before()))
                    .param("after", encode(entry.after()))
                    .param("previous", previous)
                    .param("hash", hash)
                    .param("version", KEYED)
                    .param("keyCheck", key.check())
                    .update();
            previous = hash;
        }
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
        AtomicBoolean keyedSeen = new AtomicBoolean();
        AtomicReference<BrokenLink> broken = new AtomicReference<>();
        jdbc.sql("SELECT * FROM audit_log ORDER BY id").query((ResultSet row) -> {
            if (broken.get() != null) {
                return;
            }
            StoredEntry stored = stored(row, 0);
            broken.set(problem(stored, row.getInt("chain_version"), row.getString("key_check"), expectedPrevious.get(), keyedSeen.get()));
            keyedSeen.compareAndSet(false, row.getInt("chain_version") == KEYED);
            expectedPrevious.set(stored.hash());
        });
        return Optional.ofNullable(broken.get());
    }

    @Override
    public long unkeyedEntries() {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE chain_version = :unkeyed").param("unkeyed", UNKEYED).query(Long.class).single();
    }

    private BrokenLink problem(StoredEntry stored, int version, String keyCheck, String expectedPrevious, boolean keyedSeen) {
        if (!stored.previousHash().equals(expectedPrevious)) {
            return new BrokenLink(stored.id(), "its previous hash does not match the hash of the entry before it (an entry was removed or reordered)");
        }
        String text = AuditChain.text(stored.previousHash(), stored.entry());
        if (version == UNKEYED) {
            if (keyedSeen) {
                return new BrokenLink(stored.id(), "it is an unkeyed (version 1) entry after keyed ones: only entries written before the chain "
                        + "was keyed may be unkeyed, so this one was written or rewritten by someone without the key");
            }
            return AuditChain.hash(stored.previousHash(), stored.entry()).equals(stored.hash()) ? null
                    : new BrokenLink(stored.id(), "its content no longer matches its hash (the entry was edited)");
        }
        if (!key.check().equals(keyCheck)) {
            return new BrokenLink(stored.id(), ("it was chained with another key than the one configured here (key check %s; this key's is %s%s): "
                    + "verify with the key the API and the worker use (%s), or the entry's key check was altered")
                    .formatted(keyCheck, key.check(), key.isDevelopment() ? ", the development key: no key is configured" : "",
                            AuditChainKey.VARIABLE));
        }
        return key.hmac(text).equals(stored.hash()) ? null
                : new BrokenLink(stored.id(), "its content no longer matches its keyed hash (the entry was edited, or its hash recomputed without the key)");
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
