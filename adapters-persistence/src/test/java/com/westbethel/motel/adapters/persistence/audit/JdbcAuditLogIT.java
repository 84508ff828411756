package com.westbethel.motel.adapters.persistence.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.westbethel.motel.adapters.persistence.TestDatabase;
import com.westbethel.motel.application.audit.port.out.AuditLog.StoredEntry;
import com.westbethel.motel.domain.audit.AuditChain;
import com.westbethel.motel.domain.audit.AuditEntry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The chain on a database of its own: the tests tamper with it, which must not break the shared one. */
class JdbcAuditLogIT {

    private static final AuditChainKey KEY = AuditChainKey.of("an audit key of thirty-two bytes".getBytes(StandardCharsets.UTF_8));

    private final JdbcClient admin = JdbcClient.create(TestDatabase.dataSource(TestDatabase.URL));
    private final String database = "motel_audit_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private JdbcClient jdbc;
    private JdbcAuditLog log;
    private TransactionTemplate transaction;

    @BeforeEach
    void aFreshChain() {
        admin.sql("CREATE DATABASE " + database).update();
        DataSource scratch = TestDatabase.dataSource(TestDatabase.URL.substring(0, TestDatabase.URL.lastIndexOf('/') + 1) + database);
        TestDatabase.flyway(scratch).migrate();
        jdbc = JdbcClient.create(scratch);
        log = new JdbcAuditLog(jdbc, KEY);
        transaction = new TransactionTemplate(new DataSourceTransactionManager(scratch));
    }

    @AfterEach
    void dropDatabase() {
        admin.sql("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)").update();
    }

    @Test
    void entries_chain_up_and_read_back_exactly_as_written() {
        append("BOOKING_HELD", Map.of("status", "PENDING_PAYMENT", "note", "quote: \"a;b=c\""));
        append("BOOKING_CONFIRMED", Map.of("status", "CONFIRMED"));

        List<StoredEntry> history = log.forEntity("booking", "b-1", 10);

        assertThat(history).hasSize(2);
        assertThat(history.get(1).previousHash()).isEqualTo(history.get(0).hash());
        assertThat(history.get(0).entry().after()).containsEntry("note", "quote: \"a;b=c\"");
        assertThat(log.verify()).isEmpty();
    }

    @Test
    void concurrent_appends_never_fork_the_chain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> appends = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int n = i;
            appends.add(pool.submit(() -> transaction.executeWithoutResult(status -> append("STEP_" + n, Map.of("n", String.valueOf(n))))));
        }
        for (Future<?> append : appends) {
            append.get();
        }
        pool.shutdown();

        assertThat(log.verify()).isEmpty();
        assertThat(jdbc.sql("SELECT count(DISTINCT previous_hash) FROM audit_log").query(Long.class).single()).isEqualTo(40);
    }

    @Test
    void the_application_cannot_change_or_delete_an_entry() {
        append("BOOKING_HELD", Map.of("status", "PENDING_PAYMENT"));

        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_log SET actor = 'someone else'").update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_log").update()).hasMessageContaining("append-only");
    }

    @Test
    void an_edited_or_removed_entry_is_found_by_verification() {
        append("BOOKING_HELD", Map.of("status", "PENDING_PAYMENT"));
        append("BOOKING_CONFIRMED", Map.of("status", "CONFIRMED", "total", "300.00"));
        append("BOOKING_CANCELLED", Map.of("status", "CANCELLED"));
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
        jdbc.sql("UPDATE audit_log SET chain_version = 1, key_check = NULL WHERE id >= :id").param("id", second.id()).update();
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
                                               chain_version)
                        VALUES (CAST(:at AS timestamptz), 'guest:7', 'BOOKING_HELD', 'booking', 'b-0', '', :after, :previous, :hash, 1)
                        """)
                .param("at", "2027-01-01T00:00:00Z").param("after", AuditChain.canonical(old.after())).param("previous", AuditChain.GENESIS)
                .param("hash", oldHash).update();

        append("BOOKING_CONFIRMED", Map.of("status", "CONFIRMED"));

        assertThat(log.verify()).isEmpty();
        assertThat(log.forEntity("booking", "b-1", 10).get(0).previousHash()).as("the keyed chain covers the old entries").isEqualTo(oldHash);
        assertThat(log.unkeyedEntries()).as("reported, so that a rewrite of the whole log as unkeyed entries shows").isEqualTo(1);
    }

    @Test
    void a_verifier_holding_another_key_says_so_rather_than_calling_the_entry_edited() {
        append("BOOKING_HELD", Map.of("status", "PENDING_PAYMENT"));

        assertThat(new JdbcAuditLog(jdbc, AuditChainKey.developmentKey()).verify()).hasValueSatisfying(broken -> assertThat(broken.problem())
                .contains("another key").contains("development key").contains(AuditChainKey.VARIABLE));
    }

    // docs/architecture.md §10: the chain's global lock is taken at commit, not for the whole business transaction.
    @Test
    void in_a_transaction_entries_are_chained_at_commit_so_the_chain_lock_is_not_held_meanwhile_and_a_rollback_writes_nothing() {
        JdbcClient elsewhere = JdbcClient.create(TestDatabase.dataSource(TestDatabase.URL.substring(0, TestDatabase.URL.lastIndexOf('/') + 1) + database));
        transaction.executeWithoutResult(status -> {
            append("BOOKING_HELD", Map.of("status", "PENDING_PAYMENT"));
            assertThat(elsewhere.sql("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'").query(Long.class).single())
                    .as("no chain lock until commit").isZero();
        });
        transaction.executeWithoutResult(status -> {
            append("BOOKING_CONFIRMED", Map.of("status", "CONFIRMED"));
            status.setRollbackOnly();
        });

        assertThat(log.forEntity("booking", "b-1", 10)).extracting(stored -> stored.entry().action()).containsExactly("BOOKING_HELD");
        assertThat(log.verify()).isEmpty();
    }

    private void append(String action, Map<String, String> after) {
        log.append(new AuditEntry(Instant.now(), "guest:42", action, "booking", "b-1", Map.of(), after));
    }
}
