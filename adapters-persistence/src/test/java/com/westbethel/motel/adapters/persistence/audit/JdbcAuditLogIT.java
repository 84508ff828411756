package com.westbethel.motel.adapters.persistence.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.westbethel.motel.adapters.persistence.TestDatabase;
import com.westbethel.motel.application.audit.port.out.AuditLog.StoredEntry;
import com.westbethel.motel.application.audit.service.LinkAuditChainService;
import com.westbethel.motel.application.audit.service.QueryAuditLogService;
import com.westbethel.motel.domain.audit.AuditChain;
import com.westbethel.motel.domain.audit.AuditEntry;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/** The chain on a database of its own: the tests tamper with it, which must not break the shared one. */
class JdbcAuditLogIT {

    private static final AuditChainKey KEY = AuditChainKey.of("an audit key of thirty-two bytes".getBytes(StandardCharsets.UTF_8));

    private static final JdbcClient ADMIN = JdbcClient.create(TestDatabase.dataSource(TestDatabase.URL));
    /** Migrated once for the class: each test's database starts as a copy of it (as migrated as a fresh one, in a fraction of the time). */
    private static final String TEMPLATE = "motel_audit_template_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    private final JdbcClient admin = ADMIN;
    private final String database = "motel_audit_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    /** The test's connections to its database, pooled as the deployables' are; closed before the database is dropped. */
    private HikariDataSource pool;
    private JdbcClient jdbc;
    private JdbcAuditLog log;
    private DataSourceTransactionManager transactions;
    private TransactionTemplate transaction;
    private final List<JdbcAuditLog> opened = new ArrayList<>();

    @BeforeAll
    static void aMigratedTemplate() {
        ADMIN.sql("CREATE DATABASE " + TEMPLATE).update();
        TestDatabase.flyway(TestDatabase.dataSource(TestDatabase.URL.substring(0, TestDatabase.URL.lastIndexOf('/') + 1) + TEMPLATE)).migrate();
    }

    @AfterAll
    static void dropTheTemplate() {
        ADMIN.sql("DROP DATABASE IF EXISTS " + TEMPLATE + " WITH (FORCE)").update();
    }

    @BeforeEach
    void aFreshChain() {
        admin.sql("CREATE DATABASE " + database + " TEMPLATE " + TEMPLATE).update();
        pool = new HikariDataSource();
        pool.setDataSource(scratchDataSource());
        pool.setMaximumPoolSize(16); // more than the 12 writers of the concurrency test, so none waits for a connection
        pool.setMinimumIdle(0);
        DataSource scratch = pool;
        jdbc = JdbcClient.create(scratch);
        transactions = new DataSourceTransactionManager(scratch);
        log = opened(new JdbcAuditLog(jdbc, KEY, AuditPersistenceConfiguration.linkingTransactions(transactions)));
        transaction = new TransactionTemplate(transactions);
    }

    @AfterEach
    void dropDatabase() {
        opened.forEach(JdbcAuditLog::close);
        pool.close();
        admin.sql("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)").update();
    }

    @Test
    void entries_chain_up_and_read_back_exactly_as_written() {
        append("BOOKING_HELD", Map.of("status", "PENDING_PAYMENT", "note", "quote: \"a;b=c\""));
        append("BOOKING_CONFIRMED", Map.of("status", "CONFIRMED"));
        awaitEveryEntryLinked();

        List<StoredEntry> history = log.forEntity("booking", "b-1", 10);

        assertThat(history).hasSize(2);
        assertThat(history.get(1).previousHash()).isEqualTo(history.get(0).hash());
        assertThat(history.get(0).entry().after()).containsEntry("note", "quote: \"a;b=c\"");
        assertThat(log.verify()).isEmpty();
    }

    @Test
    void the_recent_entries_come_newest_first_whatever_their_entity_up_to_the_limit() {
        append("BOOKING_HELD", Map.of("status", "PENDING_PAYMENT"));
        append("BOOKING_CONFIRMED", Map.of("status", "CONFIRMED"));
        append("BOOKING_CANCELLED", Map.of("status", "CANCELLED"));

        assertThat(log.recent(2)).extracting(stored -> stored.entry().action()).containsExactly("BOOKING_CANCELLED", "BOOKING_CONFIRMED");
        assertThat(log.recent(10)).hasSize(3);
    }

    // Issue 12: many writers at once in two processes, some rolling back; nobody waits on the chain, whose linkers catch up.
    @Test
    void concurrent_transactions_some_rolling_back_leave_a_gap_free_chain_of_exactly_the_committed_entries() throws Exception {
        DataSource replicaDatabase = scratchDataSource();
        DataSourceTransactionManager replicaTransactions = new DataSourceTransactionManager(replicaDatabase);
        JdbcAuditLog replica = opened(new JdbcAuditLog(JdbcClient.create(replicaDatabase), KEY,
                AuditPersistenceConfiguration.linkingTransactions(replicaTransactions)));
        TransactionTemplate replicaTransaction = new TransactionTemplate(replicaTransactions);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Future<Integer>> writes = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            int n = i;
            JdbcAuditLog writer = n % 2 == 0 ? log : replica;
            TransactionTemplate writersTransaction = n % 2 == 0 ? transaction : replicaTransaction;
            writes.add(pool.submit(() -> {
                try {
                    return writersTransaction.execute(status -> {
                        for (int entry = 0; entry <= n % 3; entry++) {
                            writer.append(new AuditEntry(Instant.now(), "guest:" + n, "STEP", "booking", "b-" + n, Map.of(), Map.of("entry", "" + entry)));
                        }
                        if (n % 4 == 0) {
                            throw new IllegalStateException("the business change fails after its audit entries were appended");
                        }
                        return n % 3 + 1;
                    });
                } catch (IllegalStateException rolledBack) {
                    return 0;
                }
            }));
        }
        int committed = 0;
        for (Future<Integer> write : writes) {
            committed += write.get();
        }
        pool.shutdown();

        awaitEveryEntryLinked();
        assertThat(log.verify()).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log").query(Long.class).single()).as("exactly the committed entries").isEqualTo(committed);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE entity_id IN (SELECT 'b-' || n FROM generate_series(0, 119, 4) n)")
                .query(Long.class).single()).as("nothing of a rolled-back change").isZero();
        assertThat(jdbc.sql("SELECT min(chain_seq), max(chain_seq), count(DISTINCT previous_hash) FROM audit_log")
                .query((row, number) -> List.of(row.getLong(1), row.getLong(2), row.getLong(3))).single())
                .as("places 1 to n, no gap, no fork").containsExactly(1L, (long) committed, (long) committed);
    }

    // Issue 12, review: a request never waits on the chain's lock; a linker that finds it held tries again, not the 30 s sweep.
    @Test
    void a_commit_does_not_wait_while_another_process_holds_the_chain_and_its_entry_is_linked_soon_after_the_lock_is_released()
            throws Exception {
        DataSource scratch = scratchDataSource();
        DataSourceTransactionManager otherProcess = new DataSourceTransactionManager(scratch);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        new TransactionTemplate(otherProcess).executeWithoutResult(holding -> {
            JdbcClient.create(scratch).sql("SELECT pg_advisory_xact_lock(:lock)").param("lock", JdbcAuditLog.CHAIN_LOCK).query(Object.class).single();
            try {
                writer.submit(() -> transaction.executeWithoutResult(status -> append("BOOKING_HELD", Map.of("status", "PENDING_PAYMENT"))))
                        .get(5, TimeUnit.SECONDS);
            } catch (Exception waited) {
                throw new AssertionError("the writer waited on the chain's lock", waited);
            }
            assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE chain_seq IS NULL").query(Long.class).single())
                    .as("committed, and unlinked while the other process holds the chain").isEqualTo(1);
        });
        writer.shutdown();

        awaitEveryEntryLinked();
        assertThat(log.verify()).isEmpty();
    }

    @Test
    void closing_the_log_links_what_was_committed_before_it_returns() {
        JdbcAuditLog stopping = new JdbcAuditLog(jdbc, KEY, AuditPersistenceConfiguration.linkingTransactions(transactions));
        for (int i = 0; i < 20; i++) {
            transaction.executeWithoutResult(status -> stopping.append(new AuditEntry(Instant.now(), "system:hold-expiry", "BOOKING_EXPIRED",
                    "booking", "b-1", Map.of(), Map.of("status", "EXPIRED"))));
        }

        stopping.close();

        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE chain_seq IS NULL").query(Long.class).single()).isZero();
        assertThat(log.verify()).isEmpty();
    }

    @Test
    void inside_a_business_transaction_no_chain_lock_is_taken_and_the_entry_is_linked_once_it_commits() {
        JdbcClient elsewhere = JdbcClient.create(scratchDataSource());
        transaction.executeWithoutResult(status -> {
            append("BOOKING_HELD", Map.of("status", "PENDING_PAYMENT"));
            assertThat(elsewhere.sql("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'").query(Long.class).single())
                    .as("no chain lock in the business transaction").isZero();
            assertThat(elsewhere.sql("SELECT count(*) FROM audit_log").query(Long.class).single()).as("not committed yet").isZero();
        });
        awaitEveryEntryLinked();

        assertThat(log.forEntity("booking", "b-1", 10)).singleElement().satisfies(entry -> assertThat(entry.hash()).isNotNull());
        assertThat(log.verify()).isEmpty();
    }

    // A crash between the commit and the link: the entry is committed, unlinked, and the worker's job links it.
    @Test
    void an_entry_committed_by_a_process_that_stopped_before_linking_it_is_reported_then_linked_by_the_recovery_job() {
        TransactionOperations crashed = new TransactionOperations() {
            @Override
            public <T> T execute(TransactionCallback<T> action) {
                throw new IllegalStateException("the process stopped between the commit and the link");
            }
        };
        append("BOOKING_HELD", Map.of("status", "PENDING_PAYMENT"));
        awaitEveryEntryLinked();
        JdbcAuditLog dying = opened(new JdbcAuditLog(jdbc, KEY, crashed));
        transaction.executeWithoutResult(status -> dying.append(new AuditEntry(Instant.now().minusSeconds(600), "guest:42", "BOOKING_CONFIRMED",
                "booking", "b-1", Map.of(), Map.of("status", "CONFIRMED"))));

        assertThat(log.forEntity("booking", "b-1", 10)).extracting(StoredEntry::hash).hasSize(2).last().isNull();
        assertThat(log.verify()).as("the linked chain is intact").isEmpty();
        QueryAuditLogService audit = new QueryAuditLogService(log, Clock.systemUTC());
        assertThat(audit.unlinkedLongerThan(Duration.ofMinutes(5))).as("an operator is told").hasValueSatisfying(late -> {
            assertThat(late.entries()).isEqualTo(1);
            assertThat(late.oldestEntryId()).isEqualTo(log.forEntity("booking", "b-1", 10).get(1).id());
        });

        assertThat(new LinkAuditChainService(log).linkUnlinkedEntries()).isEqualTo(1);

        assertThat(log.forEntity("booking", "b-1", 10)).extracting(StoredEntry::hash).doesNotContainNull();
        assertThat(log.verify()).isEmpty();
        assertThat(audit.unlinkedLongerThan(Duration.ofMinutes(5))).isEmpty();
    }

    // V17: the entries of the chain as it was (unkeyed, then keyed) take their places in id order and verify as before.
    @Test
    void entries_chained_before_linking_moved_after_commit_keep_verifying_after_the_migration() {
        admin.sql("DROP DATABASE " + database + " WITH (FORCE)").update();
        admin.sql("CREATE DATABASE " + database).update();
        DataSource scratch = TestDatabase.dataSource(TestDatabase.URL.substring(0, TestDatabase.URL.lastIndexOf('/') + 1) + database);
        Flyway.configure().dataSource(scratch).target("16").load().migrate();
        JdbcClient before = JdbcClient.create(scratch);
        AuditEntry unkeyed = new AuditEntry(Instant.parse("2027-01-01T00:00:00Z"), "guest:7", "BOOKING_HELD", "booking", "b-0", Map.of(),
                Map.of("status", "PENDING_PAYMENT"));
        AuditEntry keyed = new AuditEntry(Instant.parse("2027-01-01T00:05:00Z"), "guest:7", "BOOKING_CONFIRMED", "booking", "b-0", Map.of(),
                Map.of("status", "CONFIRMED"));
        String first = AuditChain.hash(AuditChain.GENESIS, unkeyed);
        String second = KEY.hmac(AuditChain.text(first, keyed));
        before.sql("SELECT setval('audit_log_id_seq', 40)").query(Long.class).single(); // ids with a gap, as rolled-back inserts leave
        insertAsBefore(before, unkeyed, AuditChain.GENESIS, first, 1, null);
        before.sql("SELECT setval('audit_log_id_seq', 57)").query(Long.class).single();
        insertAsBefore(before, keyed, first, second, 2, KEY.check());

        TestDatabase.flyway(scratch).migrate();
        JdbcAuditLog migrated = opened(new JdbcAuditLog(JdbcClient.create(scratch), KEY,
                AuditPersistenceConfiguration.linkingTransactions(new DataSourceTransactionManager(scratch))));
        migrated.append(new AuditEntry(Instant.now(), "guest:7", "BOOKING_CANCELLED", "booking", "b-0", Map.of(), Map.of("status", "CANCELLED")));
        await().atMost(Duration.ofSeconds(10)).until(() -> JdbcClient.create(scratch).sql("SELECT count(*) FROM audit_log WHERE chain_seq IS NULL")
                .query(Long.class).single() == 0);

        assertThat(migrated.verify()).isEmpty();
        assertThat(migrated.unkeyedEntries()).isEqualTo(1);
        assertThat(JdbcClient.create(scratch).sql("SELECT chain_seq FROM audit_log ORDER BY id").query(Long.class).list()).containsExactly(1L, 2L, 3L);
        assertThat(migrated.forEntity("booking", "b-0", 10).get(2).previousHash()).isEqualTo(second);
        // Why V17 needs the old processes stopped: an entry written as they write it is refused.
        assertThatThrownBy(() -> insertAsBefore(JdbcClient.create(scratch), keyed, second, KEY.hmac(AuditChain.text(second, keyed)), 2, KEY.check()))
                .hasMessageContaining("audit_log_linked_entries_are_whole");
    }

    @Test
    void the_application_cannot_change_or_delete_an_entry() {
        append("BOOKING_HELD", Map.of("status", "PENDING_PAYMENT"));
        awaitEveryEntryLinked();

        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_log SET actor = 'someone else'").update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_log SET chain_seq = 7").update()).as("linked once").hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_log").update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_log").update()).hasMessageContaining("append-only");
    }

    // Review of issue 12: the one update the trigger allows, linking, cannot carry a change of what the entry records.
    @Test
    void an_unlinked_entry_can_be_linked_once_but_not_edited_before_or_while_it_is_linked() {
        appendUnlinked(new AuditEntry(Instant.now(), "guest:42", "BOOKING_HELD", "booking", "b-1", Map.of(), Map.of("status", "PENDING_PAYMENT")));
        String link = "previous_hash = repeat('0', 64), hash = repeat('1', 64)";

        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_log SET actor = 'staff:1' WHERE chain_seq IS NULL").update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_log SET after_state = '' WHERE chain_seq IS NULL").update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_log SET chain_seq = 1, " + link + ", actor = 'staff:1' WHERE chain_seq IS NULL").update())
                .as("linked and edited at once").hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_log SET chain_seq = 1, " + link + ", entry_mac = repeat('2', 64) WHERE chain_seq IS NULL")
                .update()).as("linked with another MAC").hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_log WHERE chain_seq IS NULL").update()).hasMessageContaining("append-only");

        assertThat(log.link()).isEqualTo(1);
        assertThat(log.verify()).isEmpty();
    }

    // Review of issue 12: someone with only the database inserts an entry for the linker to sign; it never is, and verify names it.
    @Test
    void an_entry_inserted_without_the_key_is_never_linked_and_verification_names_it_as_forged() {
        AuditEntry forgedEntry = new AuditEntry(Instant.now().minusSeconds(3600), "staff:7", "BOOKING_REFUNDED", "booking", "b-1", Map.of(),
                Map.of("refunded", "900.00"));
        long forged = insertUnlinked(forgedEntry, KEY.check(), AuditChain.hash(AuditChain.GENESIS, forgedEntry));
        long otherKey = insertUnlinked(forgedEntry, AuditChainKey.developmentKey().check(),
                AuditChainKey.developmentKey().hmac(AuditChain.entryText(forgedEntry)));
        append("BOOKING_HELD", Map.of("status", "PENDING_PAYMENT"));

        await().atMost(Duration.ofSeconds(10)).until(() -> log.forEntity("booking", "b-1", 10).stream().anyMatch(entry -> entry.hash() != null));
        assertThat(log.link()).as("the sweep refuses them too").isZero();

        assertThat(jdbc.sql("SELECT id FROM audit_log WHERE chain_seq IS NULL ORDER BY id").query(Long.class).list()).containsExactly(forged, otherKey);
        assertThat(log.verify()).hasValueSatisfying(broken -> {
            assertThat(broken.entryId()).isEqualTo(forged);
            assertThat(broken.problem()).contains("not linked").contains("forgery");
        });
        assertThat(new QueryAuditLogService(log, Clock.systemUTC()).unlinkedLongerThan(Duration.ofMinutes(5)))
                .as("a forgery is not a stalled linker").isEmpty();
        assertThatThrownBy(() -> jdbc.sql("""
                        INSERT INTO audit_log (occurred_at, actor, action, entity_type, entity_id, before_state, after_state, chain_version)
                        VALUES (now(), 'staff:7', 'BOOKING_REFUNDED', 'booking', 'b-1', '', '', 2)
                        """).update()).as("an unlinked entry without a MAC is refused outright").hasMessageContaining("audit_log_linked_entries_are_whole");

        jdbc.sql("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only").update();
        jdbc.sql("DELETE FROM audit_log WHERE id = :id").param("id", forged).update();
        assertThat(log.verify()).as("written with another key").hasValueSatisfying(broken -> {
            assertThat(broken.entryId()).isEqualTo(otherKey);
            assertThat(broken.problem()).contains("another key");
        });
    }

    @Test
    void a_linked_entry_whose_own_mac_was_replaced_fails_verification() {
        append("BOOKING_HELD", Map.of("status", "PENDING_PAYMENT"));
        awaitEveryEntryLinked();
        long entry = log.forEntity("booking", "b-1", 10).get(0).id();

        jdbc.sql("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only").update();
        jdbc.sql("UPDATE audit_log SET entry_mac = repeat('0', 64) WHERE id = :id").param("id", entry).update();

        assertThat(log.verify()).hasValueSatisfying(broken -> {
            assertThat(broken.entryId()).isEqualTo(entry);
            assertThat(broken.problem()).contains("MAC does not match");
        });
    }

    @Test
    void an_edited_or_removed_entry_is_found_by_verification() {
        append("BOOKING_HELD", Map.of("status", "PENDING_PAYMENT"));
        append("BOOKING_CONFIRMED", Map.of("status", "CONFIRMED", "total", "300.00"));
        append("BOOKING_CANCELLED", Map.of("status", "CANCELLED"));
        awaitEveryEntryLinked();
        long second = log.forEntity("booking", "b-1", 10).get(1).id();

        // Someone with the table's own powers switches the guard off and edits history.
        jdbc.sql("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only").update();
        jdbc.sql("UPDATE audit_log SET after_state = replace(after_state, '300.00', '30.00') WHERE id = :id").param("id", second).update();

        assertThat(log.verify()).hasValueSatisfying(broken -> {
            assertThat(broken.entryId()).isEqualTo(second);
            assertThat(broken.problem()).contains("edited");
        });

        jdbc.sql("DELETE FROM audit_log WHERE id = :id").param("id", second).update();
        assertThat(log.verify()).hasValueSatisfying(broken -> assertThat(broken.problem()).contains("removed"));
    }

    // Finding 10: a DBA who switches the trigger off can edit a row, but cannot recompute a link without the key.
    @Test
    void an_edited_entry_whose_hash_was_recomputed_without_the_key_fails_verification() {
        append("BOOKING_HELD", Map.of("status", "PENDING_PAYMENT"));
        append("BOOKING_CONFIRMED", Map.of("status", "CONFIRMED", "total", "300.00"));
        append("BOOKING_CANCELLED", Map.of("status", "CANCELLED"));
        awaitEveryEntryLinked();
        List<StoredEntry> history = log.forEntity("booking", "b-1", 10);
        StoredEntry second = history.get(1);
        jdbc.sql("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only").update();

        // The tamperer edits the entry and recomputes the chain from there with the unkeyed hash (all they can compute).
        AuditEntry edited = new AuditEntry(second.entry().occurredAt(), second.entry().actor(), second.entry().action(), "booking", "b-1",
                Map.of(), Map.of("status", "CONFIRMED", "total", "30.00"));
        String forged = AuditChain.hash(second.previousHash(), edited);
        jdbc.sql("UPDATE audit_log SET after_state = :after, hash = :hash WHERE id = :id")
                .param("after", AuditChain.canonical(edited.after())).param("hash", forged).param("id", second.id()).update();
        jdbc.sql("UPDATE audit_log SET previous_hash = :previous, hash = :hash WHERE id = :id").param("previous", forged)
                .param("hash", AuditChain.hash(forged, history.get(2).entry())).param("id", history.get(2).id()).update();

        assertThat(log.verify()).hasValueSatisfying(broken -> {
            assertThat(broken.entryId()).isEqualTo(second.id());
            assertThat(broken.problem()).contains("keyed hash");
        });

        // Marking the forged entries as the old, unkeyed kind does not help: unkeyed entries may only come first.
        jdbc.sql("UPDATE audit_log SET chain_version = 1, key_check = NULL, entry_mac = NULL WHERE id >= :id").param("id", second.id()).update();
        assertThat(log.verify()).hasValueSatisfying(broken -> {
            assertThat(broken.entryId()).isEqualTo(second.id());
            assertThat(broken.problem()).contains("unkeyed");
        });
    }

    @Test
    void entries_written_before_the_chain_was_keyed_still_verify_with_their_unkeyed_hash() {
        AuditEntry old = new AuditEntry(Instant.parse("2027-01-01T00:00:00Z"), "guest:7", "BOOKING_HELD", "booking", "b-0", Map.of(),
                Map.of("status", "PENDING_PAYMENT"));
        String oldHash = AuditChain.hash(AuditChain.GENESIS, old);
        jdbc.sql("""
                        INSERT INTO audit_log (occurred_at, actor, action, entity_type, entity_id, before_state, after_state, previous_hash, hash,
                                               chain_version, chain_seq)
                        VALUES (CAST(:at AS timestamptz), 'guest:7', 'BOOKING_HELD', 'booking', 'b-0', '', :after, :previous, :hash, 1, 1)
                        """)
                .param("at", "2027-01-01T00:00:00Z").param("after", AuditChain.canonical(old.after())).param("previous", AuditChain.GENESIS)
                .param("hash", oldHash).update();

        append("BOOKING_CONFIRMED", Map.of("status", "CONFIRMED"));
        awaitEveryEntryLinked();

        assertThat(log.verify()).isEmpty();
        assertThat(log.forEntity("booking", "b-1", 10).get(0).previousHash()).as("the keyed chain covers the old entries").isEqualTo(oldHash);
        assertThat(log.unkeyedEntries()).as("reported, so that a rewrite of the whole log as unkeyed entries shows").isEqualTo(1);
    }

    @Test
    void a_verifier_holding_another_key_says_so_rather_than_calling_the_entry_edited() {
        append("BOOKING_HELD", Map.of("status", "PENDING_PAYMENT"));
        awaitEveryEntryLinked();

        assertThat(new JdbcAuditLog(jdbc, AuditChainKey.developmentKey(), transaction).verify()).hasValueSatisfying(broken -> assertThat(broken.problem())
                .contains("another key").contains("development key").contains(AuditChainKey.VARIABLE));
    }

    @Test
    void a_rolled_back_transaction_leaves_nothing_in_the_chain() {
        transaction.executeWithoutResult(status -> append("BOOKING_HELD", Map.of("status", "PENDING_PAYMENT")));
        transaction.executeWithoutResult(status -> {
            append("BOOKING_CONFIRMED", Map.of("status", "CONFIRMED"));
            status.setRollbackOnly();
        });

        awaitEveryEntryLinked();
        assertThat(log.forEntity("booking", "b-1", 10)).extracting(stored -> stored.entry().action()).containsExactly("BOOKING_HELD");
        assertThat(log.verify()).isEmpty();
    }

    private static void insertAsBefore(JdbcClient jdbc, AuditEntry entry, String previous, String hash, int version, String keyCheck) {
        jdbc.sql("""
                        INSERT INTO audit_log (occurred_at, actor, action, entity_type, entity_id, before_state, after_state, previous_hash, hash,
                                               chain_version, key_check)
                        VALUES (:at, :actor, :action, :type, :id, '', :after, :previous, :hash, :version, :keyCheck)
                        """)
                .param("at", java.sql.Timestamp.from(entry.occurredAt())).param("actor", entry.actor()).param("action", entry.action())
                .param("type", entry.entityType()).param("id", entry.entityId()).param("after", AuditChain.canonical(entry.after()))
                .param("previous", previous).param("hash", hash).param("version", version).param("keyCheck", keyCheck).update();
    }

    /** A genuine entry left unlinked, as by a process that stopped between its commit and its link. */
    private void appendUnlinked(AuditEntry entry) {
        JdbcAuditLog stopped = opened(new JdbcAuditLog(jdbc, KEY, new TransactionOperations() {
            @Override
            public <T> T execute(TransactionCallback<T> action) {
                throw new IllegalStateException("the process stopped between the commit and the link");
            }
        }));
        transaction.executeWithoutResult(status -> stopped.append(entry));
    }

    /** A row inserted straight into the table, as someone with the database but not the key can. */
    private long insertUnlinked(AuditEntry entry, String keyCheck, String entryMac) {
        return jdbc.sql("""
                        INSERT INTO audit_log (occurred_at, actor, action, entity_type, entity_id, before_state, after_state, chain_version,
                                               key_check, entry_mac)
                        VALUES (:at, :actor, :action, :type, :id, '', :after, 3, :keyCheck, :mac) RETURNING id
                        """)
                .param("at", java.sql.Timestamp.from(entry.occurredAt())).param("actor", entry.actor()).param("action", entry.action())
                .param("type", entry.entityType()).param("id", entry.entityId()).param("after", AuditChain.canonical(entry.after()))
                .param("keyCheck", keyCheck).param("mac", entryMac).query(Long.class).single();
    }

    private void awaitEveryEntryLinked() {
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("SELECT count(*) FROM audit_log WHERE chain_seq IS NULL").query(Long.class).single() == 0);
    }

    private DataSource scratchDataSource() {
        return TestDatabase.dataSource(TestDatabase.URL.substring(0, TestDatabase.URL.lastIndexOf('/') + 1) + database);
    }

    private JdbcAuditLog opened(JdbcAuditLog auditLog) {
        opened.add(auditLog);
        return auditLog;
    }

    private void append(String action, Map<String, String> after) {
        log.append(new AuditEntry(Instant.now(), "guest:42", action, "booking", "b-1", Map.of(), after));
    }
}
