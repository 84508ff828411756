package com.westbethel.motel.adapters.persistence.audit;

import static com.westbethel.motel.adapters.persistence.support.Timestamps.instant;
import static com.westbethel.motel.adapters.persistence.support.Timestamps.utc;

import com.westbethel.motel.adapters.persistence.support.AfterTransaction;
import com.westbethel.motel.application.audit.port.out.AuditLog;
import com.westbethel.motel.domain.audit.AuditChain;
import com.westbethel.motel.domain.audit.AuditEntry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The hash chain in {@code audit_log}. Since V12 each link is an HMAC keyed with {@link AuditChainKey} (chain
 * version 2); the entries written before it keep their plain SHA-256 links (version 1) and verify that way, as
 * the chain's first entries only.
 *
 * <p>Since V17 an entry is written in two steps, so that no business transaction waits on the chain (docs/architecture.md
 * §10). {@link #append} inserts it unlinked, in the caller's transaction and without a lock: it rolls back with that
 * transaction and leaves nothing behind. After the commit, {@link #link} takes the chain's lock in a short transaction of
 * its own and links every committed unlinked entry it sees, in id order, giving each the next {@code chain_seq} and the
 * HMAC of the previous link and its content. The link runs before the use case answers ({@link AfterTransaction}); a
 * process that dies between the commit and the link leaves entries unlinked, which the worker's job links, and
 * {@link #verify} reports any left unlinked too long.
 */
public class JdbcAuditLog implements AuditLog {

    private static final long CHAIN_LOCK = 0x4155444954L; // "AUDIT"
    private static final int UNKEYED = 1;
    private static final int KEYED = 2;
    private static final int LINK_BATCH = 500;

    private static final Logger log = LoggerFactory.getLogger(JdbcAuditLog.class);

    private final JdbcClient jdbc;
    private final AuditChainKey key;
    private final TransactionOperations linking;
    /** Marks the current transaction as one that appended entries (a transaction resource). */
    private final Object appended = new Object();

    /** @param linking runs the link step in a transaction of its own (propagation REQUIRES_NEW) */
    public JdbcAuditLog(JdbcClient jdbc, AuditChainKey key, TransactionOperations linking) {
        this.jdbc = jdbc;
        this.key = key;
        this.linking = linking;
    }

    @Override
    public void append(AuditEntry entry) {
        AuditEntry stored = truncated(entry);
        jdbc.sql("""
                        INSERT INTO audit_log (occurred_at, actor, action, entity_type, entity_id, before_state, after_state, chain_version)
                        VALUES (:at, :actor, :action, :type, :id, :before, :after, :version)
                        """)
                .param("at", utc(stored.occurredAt()))
                .param("actor", stored.actor())
                .param("action", stored.action())
                .param("type", stored.entityType())
                .param("id", stored.entityId())
                .param("before", encode(stored.before()))
                .param("after", encode(stored.after()))
                .param("version", KEYED)
                .update();
        if (!TransactionSynchronizationManager.isActualTransactionActive() || !TransactionSynchronizationManager.isSynchronizationActive()) {
            AfterTransaction.run(this::link);
            return;
        }
        if (TransactionSynchronizationManager.hasResource(appended)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(appended, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                AfterTransaction.run(JdbcAuditLog.this::link);
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(appended);
            }
        });
    }

    @Override
    public int link() {
        int linked = 0;
        int batch;
        do {
            batch = Objects.requireNonNull(linking.execute(status -> linkBatch()));
            linked += batch;
        } while (batch == LINK_BATCH);
        if (linked > 0) {
            log.debug("Linked {} audit entries into the chain", linked);
        }
        return linked;
    }

    /** Under the chain's lock, for the length of one short transaction: the only place the chain grows. */
    private int linkBatch() {
        jdbc.sql("SELECT pg_advisory_xact_lock(:lock)").param("lock", CHAIN_LOCK).query(Object.class).single();
        record Head(long seq, String hash) {
        }
        Head head = jdbc.sql("SELECT chain_seq, hash FROM audit_log WHERE chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1")
                .query((row, number) -> new Head(row.getLong("chain_seq"), row.getString("hash"))).optional()
                .orElse(new Head(0, AuditChain.GENESIS));
        List<StoredEntry> unlinked = jdbc.sql("SELECT * FROM audit_log WHERE chain_seq IS NULL ORDER BY id LIMIT :batch")
                .param("batch", LINK_BATCH).query(JdbcAuditLog::stored).list();
        long seq = head.seq();
        String previous = head.hash();
        for (StoredEntry entry : unlinked) {
            String hash = key.hmac(AuditChain.text(previous, entry.entry()));
            jdbc.sql("""
                            UPDATE audit_log SET chain_seq = :seq, previous_hash = :previous, hash = :hash, key_check = :keyCheck
                            WHERE id = :id AND chain_seq IS NULL
                            """)
                    .param("seq", ++seq)
                    .param("previous", previous)
                    .param("hash", hash)
                    .param("keyCheck", key.check())
                    .param("id", entry.id())
                    .update();
            previous = hash;
        }
        return unlinked.size();
    }

    @Override
    public List<StoredEntry> forEntity(String entityType, String entityId, int limit) {
        return jdbc.sql("SELECT * FROM audit_log WHERE entity_type = :type AND entity_id = :id ORDER BY chain_seq NULLS LAST, id LIMIT :limit")
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
        AtomicLong expectedSeq = new AtomicLong(1);
        jdbc.sql("SELECT * FROM audit_log WHERE chain_seq IS NOT NULL ORDER BY chain_seq").query((ResultSet row) -> {
            if (broken.get() != null) {
                return;
            }
            StoredEntry stored = stored(row, 0);
            broken.set(row.getLong("chain_seq") != expectedSeq.getAndIncrement()
                    ? new BrokenLink(stored.id(), "its place in the chain (" + row.getLong("chain_seq") + ") follows a gap: the entry before it was removed")
                    : problem(stored, row.getInt("chain_version"), row.getString("key_check"), expectedPrevious.get(), keyedSeen.get()));
            keyedSeen.compareAndSet(false, row.getInt("chain_version") == KEYED);
            expectedPrevious.set(stored.hash());
        });
        return Optional.ofNullable(broken.get());
    }

    @Override
    public Optional<Unlinked> unlinkedSince(Instant before) {
        return jdbc.sql("SELECT count(*) AS entries, min(id) AS oldest FROM audit_log WHERE chain_seq IS NULL AND occurred_at < :before")
                .param("before", utc(before))
                .query((row, number) -> row.getLong("entries") == 0 ? null : new Unlinked(row.getLong("entries"), row.getLong("oldest")))
                .optional();
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
