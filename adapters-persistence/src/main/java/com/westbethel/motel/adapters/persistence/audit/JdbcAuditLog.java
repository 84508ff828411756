package com.westbethel.motel.adapters.persistence.audit;

import static com.westbethel.motel.adapters.persistence.support.Timestamps.instant;
import static com.westbethel.motel.adapters.persistence.support.Timestamps.utc;

import com.westbethel.motel.application.audit.port.out.AuditLog;
import com.westbethel.motel.domain.audit.AuditChain;
import com.westbethel.motel.domain.audit.AuditEntry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicInteger;
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
 * §10). {@link #append} inserts it unlinked, in the caller's transaction and without a lock, with a MAC of the entry itself
 * (chain version 3): it rolls back with that transaction and leaves nothing behind. Its commit signals this process's
 * {@link AuditChainLinker}, which links, on a thread of its own, every committed unlinked entry it sees, in id order and in
 * batches, each batch a short transaction under the chain's lock: the next {@code chain_seq} and the HMAC of the previous
 * link and the entry. An entry whose own MAC is missing or wrong was not written by anyone holding the key: it is never
 * linked, and {@link #verify} names it. A process that dies between a commit and its link leaves entries unlinked, which
 * the worker's sweep ({@link #link}) links, and {@link #unlinkedSince} reports any left unlinked too long.
 */
public class JdbcAuditLog implements AuditLog, AutoCloseable {

    /** The chain's advisory lock, held by whoever links a batch. */
    static final long CHAIN_LOCK = 0x4155444954L; // "AUDIT"
    private static final int UNKEYED = 1;
    /** Keyed links, and a MAC of its own from the insert on (V17); version 2 has the keyed links only. */
    private static final int WITH_ENTRY_MAC = 3;
    private static final int LINK_BATCH = 500;

    private static final Logger log = LoggerFactory.getLogger(JdbcAuditLog.class);

    private final JdbcClient jdbc;
    private final AuditChainKey key;
    private final TransactionOperations linking;
    private final AuditChainLinker linker = new AuditChainLinker(this::linkVisible);
    /** Marks the current transaction as one that appended entries (a transaction resource). */
    private final Object appended = new Object();
    /** The highest refused entry already logged, so that a refused row is logged once, not at every pass. */
    private final AtomicLong refusedLogged = new AtomicLong();

    /** @param linking runs each batch of links in a transaction of its own (propagation REQUIRES_NEW) */
    public JdbcAuditLog(JdbcClient jdbc, AuditChainKey key, TransactionOperations linking) {
        this.jdbc = jdbc;
        this.key = key;
        this.linking = linking;
    }

    @Override
    public void append(AuditEntry entry) {
        AuditEntry stored = truncated(entry);
        jdbc.sql("""
                        INSERT INTO audit_log (occurred_at, actor, action, entity_type, entity_id, before_state, after_state, chain_version,
                                               key_check, entry_mac)
                        VALUES (:at, :actor, :action, :type, :id, :before, :after, :version, :keyCheck, :mac)
                        """)
                .param("at", utc(stored.occurredAt()))
                .param("actor", stored.actor())
                .param("action", stored.action())
                .param("type", stored.entityType())
                .param("id", stored.entityId())
                .param("before", encode(stored.before()))
                .param("after", encode(stored.after()))
                .param("version", WITH_ENTRY_MAC)
                .param("keyCheck", key.check())
                .param("mac", key.hmac(AuditChain.entryText(stored)))
                .update();
        if (!TransactionSynchronizationManager.isActualTransactionActive() || !TransactionSynchronizationManager.isSynchronizationActive()) {
            linker.signal();
            return;
        }
        if (TransactionSynchronizationManager.hasResource(appended)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(appended, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                linker.signal();
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(appended);
            }
        });
    }

    /** The worker's sweep: links what a stopped process left; nothing when another process is linking (it links them). */
    @Override
    public int link() {
        return linkVisible().orElse(0);
    }

    /** Links the entries this process committed and has not linked yet, then stops linking: the context is closing. */
    @Override
    public void close() {
        linker.close();
    }

    /**
     * Links every committed unlinked entry visible now, in id order, a batch per short transaction; how many, or nothing when
     * another process holds the chain's lock (that process links what it sees, and the caller tries again shortly).
     */
    private OptionalInt linkVisible() {
        int linked = 0;
        long after = 0;
        Batch batch;
        do {
            long from = after;
            batch = linking.execute(status -> linkBatch(from));
            if (batch == null) {
                return OptionalInt.empty();
            }
            linked += batch.linked();
            after = batch.lastSeen();
        } while (batch.full());
        if (linked > 0) {
            log.debug("Linked {} audit entries into the chain", linked);
        }
        return OptionalInt.of(linked);
    }

    /** What one batch did: how many it linked, the last id it looked at, and whether there may be more. */
    private record Batch(int linked, long lastSeen, boolean full) {
    }

    /**
     * Under the chain's lock, for the length of one short transaction: the only place the chain grows. The lock is only
     * tried: a process that finds it held returns at once ({@code null}) instead of queueing behind the holder.
     */
    private Batch linkBatch(long after) {
        if (!jdbc.sql("SELECT pg_try_advisory_xact_lock(:lock)").param("lock", CHAIN_LOCK).query(Boolean.class).single()) {
            return null;
        }
        record Head(long seq, String hash) {
        }
        Head head = jdbc.sql("SELECT chain_seq, hash FROM audit_log WHERE chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1")
                .query((row, number) -> new Head(row.getLong("chain_seq"), row.getString("hash"))).optional()
                .orElse(new Head(0, AuditChain.GENESIS));
        List<Row> unlinked = jdbc.sql("SELECT * FROM audit_log WHERE chain_seq IS NULL AND id > :after ORDER BY id LIMIT :batch")
                .param("after", after).param("batch", LINK_BATCH).query(JdbcAuditLog::row).list();
        StringJoiner ids = new StringJoiner(",", "{", "}");
        StringJoiner previousHashes = new StringJoiner(",", "{", "}");
        StringJoiner hashes = new StringJoiner(",", "{", "}");
        long seq = head.seq();
        String previous = head.hash();
        int linked = 0;
        for (Row entry : unlinked) {
            if (notWrittenWithTheKey(entry) != null) {
                refused(entry);
                continue;
            }
            String hash = key.hmac(AuditChain.text(previous, entry.stored().entry()));
            ids.add(Long.toString(entry.stored().id()));
            previousHashes.add(previous);
            hashes.add(hash);
            previous = hash;
            linked++;
        }
        if (linked > 0) {
            int updated = jdbc.sql("""
                            UPDATE audit_log a SET chain_seq = :head + l.place, previous_hash = l.previous_hash, hash = l.hash
                            FROM unnest(CAST(:ids AS bigint[]), CAST(:previousHashes AS text[]), CAST(:hashes AS text[]))
                                 WITH ORDINALITY AS l(id, previous_hash, hash, place)
                            WHERE a.id = l.id AND a.chain_seq IS NULL
                            """)
                    .param("head", seq).param("ids", ids.toString()).param("previousHashes", previousHashes.toString())
                    .param("hashes", hashes.toString())
                    .update();
            if (updated != linked) {
                throw new IllegalStateException("linked " + updated + " audit entries of " + linked + ": another writer linked without the "
                        + "chain's lock; nothing of this batch is kept");
            }
        }
        long lastSeen = unlinked.isEmpty() ? after : unlinked.get(unlinked.size() - 1).stored().id();
        return new Batch(linked, lastSeen, unlinked.size() == LINK_BATCH);
    }

    private void refused(Row entry) {
        long id = entry.stored().id();
        if (refusedLogged.getAndAccumulate(id, Math::max) < id) {
            log.error("Audit entry {} is not linked: {}. `motel-admin audit verify` reports it", id, notWrittenWithTheKey(entry));
        }
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
    public List<StoredEntry> recent(int limit) {
        return jdbc.sql("SELECT * FROM audit_log ORDER BY id DESC LIMIT :limit").param("limit", limit).query(JdbcAuditLog::stored).list();
    }

    @Override
    public Optional<BrokenLink> verify() {
        AtomicReference<String> expectedPrevious = new AtomicReference<>(AuditChain.GENESIS);
        AtomicInteger newestVersion = new AtomicInteger(UNKEYED);
        AtomicReference<BrokenLink> broken = new AtomicReference<>();
        AtomicLong expectedSeq = new AtomicLong(1);
        jdbc.sql("SELECT * FROM audit_log WHERE chain_seq IS NOT NULL ORDER BY chain_seq").query((ResultSet result) -> {
            if (broken.get() != null) {
                return;
            }
            Row row = row(result, 0);
            long seq = result.getLong("chain_seq");
            broken.set(seq != expectedSeq.getAndIncrement()
                    ? new BrokenLink(row.stored().id(), "its place in the chain (" + seq + ") follows a gap: the entry before it was removed")
                    : problem(row, expectedPrevious.get(), newestVersion.get()));
            newestVersion.accumulateAndGet(row.version(), Math::max);
            expectedPrevious.set(row.stored().hash());
        });
        // The linker never links a row it cannot trust; such a row waits unlinked, and is named here.
        jdbc.sql("SELECT * FROM audit_log WHERE chain_seq IS NULL ORDER BY id").query((ResultSet result) -> {
            if (broken.get() != null) {
                return;
            }
            Row row = row(result, 0);
            String untrusted = notWrittenWithTheKey(row);
            if (untrusted != null) {
                broken.set(new BrokenLink(row.stored().id(), "it is not linked into the chain and never will be: " + untrusted));
            }
        });
        return Optional.ofNullable(broken.get());
    }

    /** Counts only the entries the linker would link: a row it refuses is not a stall but a forgery, which verify names. */
    @Override
    public Optional<Unlinked> unlinkedSince(Instant before) {
        AtomicLong entries = new AtomicLong();
        AtomicLong oldest = new AtomicLong();
        jdbc.sql("SELECT * FROM audit_log WHERE chain_seq IS NULL AND occurred_at < :before ORDER BY id")
                .param("before", utc(before))
                .query((ResultSet result) -> {
                    Row row = row(result, 0);
                    if (notWrittenWithTheKey(row) == null && entries.getAndIncrement() == 0) {
                        oldest.set(row.stored().id());
                    }
                });
        return entries.get() == 0 ? Optional.empty() : Optional.of(new Unlinked(entries.get(), oldest.get()));
    }

    @Override
    public long unkeyedEntries() {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE chain_version = :unkeyed").param("unkeyed", UNKEYED).query(Long.class).single();
    }

    private BrokenLink problem(Row row, String expectedPrevious, int newestVersion) {
        StoredEntry stored = row.stored();
        if (!stored.previousHash().equals(expectedPrevious)) {
            return new BrokenLink(stored.id(), "its previous hash does not match the hash of the entry before it (an entry was removed or reordered)");
        }
        if (row.version() == UNKEYED) {
            if (newestVersion > UNKEYED) {
                return new BrokenLink(stored.id(), "it is an unkeyed (version 1) entry after keyed ones: only entries written before the chain "
                        + "was keyed may be unkeyed, so this one was written or rewritten by someone without the key");
            }
            return AuditChain.hash(stored.previousHash(), stored.entry()).equals(stored.hash()) ? null
                    : new BrokenLink(stored.id(), "its content no longer matches its hash (the entry was edited)");
        }
        if (row.version() < newestVersion) {
            return new BrokenLink(stored.id(), "it is a version 2 entry, without a MAC of its own, after entries with one: only entries "
                    + "written before V17 may lack it, so this one was written or rewritten by someone without the key");
        }
        if (!key.check().equals(row.keyCheck())) {
            return new BrokenLink(stored.id(), anotherKey(row.keyCheck()));
        }
        if (!key.hmac(AuditChain.text(stored.previousHash(), stored.entry())).equals(stored.hash())) {
            return new BrokenLink(stored.id(), "its content no longer matches its keyed hash (the entry was edited, or its hash recomputed without the key)");
        }
        String untrusted = row.version() == WITH_ENTRY_MAC ? notWrittenWithTheKey(row) : null;
        return untrusted == null ? null : new BrokenLink(stored.id(), untrusted);
    }

    /** Why the entry cannot have been written by a process holding this key, or null when its own MAC checks out. */
    private String notWrittenWithTheKey(Row row) {
        if (row.version() != WITH_ENTRY_MAC || row.entryMac() == null) {
            return "it carries no MAC of its own (chain version " + row.version() + "), so it was inserted by someone without the key: "
                    + "a forgery";
        }
        if (!key.check().equals(row.keyCheck())) {
            return anotherKey(row.keyCheck());
        }
        return key.hmac(AuditChain.entryText(row.stored().entry())).equals(row.entryMac()) ? null
                : "its MAC does not match its content, so it was inserted or edited by someone without the key: a forgery";
    }

    private String anotherKey(String keyCheck) {
        return ("it was written with another key than the one configured here (key check %s; this key's is %s%s): "
                + "verify with the key the API and the worker use (%s), or the entry's key check was altered")
                .formatted(keyCheck, key.check(), key.isDevelopment() ? ", the development key: no key is configured" : "", AuditChainKey.VARIABLE);
    }

    /** The entry as the database will keep it: instants at microsecond precision, so the hash can be recomputed. */
    private static AuditEntry truncated(AuditEntry entry) {
        return new AuditEntry(utc(entry.occurredAt()).toInstant(), entry.actor(), entry.action(), entry.entityType(), entry.entityId(),
                entry.before(), entry.after());
    }

    /** A row as the chain sees it: the entry, its chain version, the key that wrote it and its own MAC. */
    private record Row(StoredEntry stored, int version, String keyCheck, String entryMac) {
    }

    private static Row row(ResultSet row, int number) throws SQLException {
        return new Row(stored(row, number), row.getInt("chain_version"), row.getString("key_check"), row.getString("entry_mac"));
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
