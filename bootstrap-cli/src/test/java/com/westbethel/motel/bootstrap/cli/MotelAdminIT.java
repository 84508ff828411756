package com.westbethel.motel.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.adapters.persistence.audit.AuditChainKey;
import com.westbethel.motel.adapters.persistence.identity.JdbcMfaEnrolments;
import com.westbethel.motel.adapters.persistence.identity.JdbcSessions;
import com.westbethel.motel.adapters.persistence.notification.JdbcEmailOutbox;
import com.westbethel.motel.application.identity.port.out.Sessions.Session;
import com.westbethel.motel.application.notification.port.out.EmailOutbox.OutgoingEmail;
import com.westbethel.motel.domain.audit.AuditChain;
import com.westbethel.motel.domain.audit.AuditEntry;
import com.westbethel.motel.domain.identity.Device;
import com.westbethel.motel.domain.identity.SessionId;
import com.westbethel.motel.domain.identity.UserId;
import com.westbethel.motel.domain.shared.EmailAddress;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every motel-admin command against the real PostgreSQL and Redis, on a database of its own. */
class MotelAdminIT {

    private static final String SERVER = System.getenv().getOrDefault("MOTEL_TEST_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/motel_test");
    private static final String PREFIX = SERVER.substring(0, SERVER.lastIndexOf('/') + 1);
    private static final String DATABASE = "motel_cli_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private static final JdbcClient ADMIN = JdbcClient.create(new DriverManagerDataSource(SERVER, "motel", "motel"));
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "granite lighthouse meadow quiver";
    private static JdbcClient jdbc;

    @TempDir
    Path backups;

    @BeforeAll
    static void aDatabaseOfItsOwn() {
        ADMIN.sql("CREATE DATABASE " + DATABASE).update();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(PREFIX + DATABASE, "motel", "motel");
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = JdbcClient.create(dataSource);
    }

    @AfterAll
    static void dropIt() {
        for (String name : ADMIN.sql("SELECT datname FROM pg_database WHERE datname LIKE :prefix").param("prefix", DATABASE + "%")
                .query(String.class).list()) {
            ADMIN.sql("DROP DATABASE " + name + " WITH (FORCE)").update();
        }
    }

    @Test
    void an_admin_is_created_from_standard_input_listed_locked_and_unlocked_and_every_change_is_audited() throws Exception {
        String email = unique("manager");
        CliRun created = withStdin(PASSWORD + "\n", () -> run("users", "create-admin", "--email", email, "--password-stdin"));
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).contains(email + ": created");
        assertThat(created.err()).contains("motel-admin: database postgresql://127.0.0.1:5432/" + DATABASE + ", Redis");

        JsonNode listed = JSON.readTree(run("users", "list", "--json").out());
        JsonNode admin = find(listed, email);
        assertThat(admin.path("roles").toString()).contains("ADMIN");
        assertThat(admin.path("locked").asBoolean()).isFalse();

        assertThat(run("users", "lock", email).out()).contains("locked; every session ended");
        assertThat(jdbc.sql("SELECT enabled FROM users WHERE email = :email").param("email", email).query(Boolean.class).single()).isFalse();
        assertThat(run("users", "list").out()).containsPattern(email + " .* ADMIN +yes +yes +no ");
        assertThat(run("users", "unlock", email).out()).contains("unlocked");
        assertThat(audited(email)).contains("USER_REGISTERED", "USER_LOCKED", "USER_UNLOCKED");
        assertThat(jdbc.sql("SELECT DISTINCT actor FROM audit_log WHERE action = 'USER_LOCKED'").query(String.class).single()).startsWith("motel-admin:");

        CliRun again = withStdin(PASSWORD + "\n", () -> run("users", "create-admin", "--email", email, "--password-stdin"));
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err().lines()).containsExactly("motel-admin: database postgresql://127.0.0.1:5432/" + DATABASE + ", Redis 127.0.0.1:6379",
                "motel-admin: There is already an account for " + email + ".");
        CliRun weak = withStdin("password1\n", () -> run("users", "create-admin", "--email", unique("weak"), "--password-stdin"));
        assertThat(weak.exitCode()).isEqualTo(1);
        assertThat(weak.err()).contains("The password is refused");
        CliRun noTerminal = run("users", "create-admin", "--email", unique("prompt"));
        assertThat(noTerminal.exitCode()).isEqualTo(1);
        assertThat(noTerminal.err()).contains("--password-stdin");
        CliRun unknown = run("users", "lock", "nobody@example.com");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("There is no account for nobody@example.com.");
    }

    @Test
    void resetting_mfa_removes_it_ends_every_session_audits_it_and_tells_the_user_by_email() throws Exception {
        String email = unique("lost-phone");
        UUID user = admin(email);
        new JdbcMfaEnrolments(jdbc).savePending(new UserId(user), "encrypted-secret");
        new JdbcMfaEnrolments(jdbc).activate(new UserId(user), 1, Instant.now());
        UUID session = session(user);

        CliRun reset = run("users", "reset-mfa", email);

        assertThat(reset.exitCode()).as(reset.err()).isZero();
        assertThat(reset.out()).contains("two-factor login removed, every session ended, the user told by email");
        assertThat(new JdbcMfaEnrolments(jdbc).find(new UserId(user))).isEmpty();
        assertThat(jdbc.sql("SELECT ended_at IS NOT NULL FROM user_sessions WHERE id = :id").param("id", session).query(Boolean.class).single()).isTrue();
        assertThat(audited(email)).contains("USER_MFA_RESET");
        assertThat(jdbc.sql("SELECT model ->> 'alert' FROM email_queue WHERE recipient = :email AND template = 'security-alert'")
                .param("email", email).query(String.class).single()).isEqualTo("mfa-reset");
        assertThat(run("users", "reset-mfa", email).err()).contains("has no two-factor login to reset");
    }

    @Test
    void tokens_are_revoked_one_by_one_or_for_every_device_and_listed_while_in_force() throws Exception {
        String email = unique("stolen-laptop");
        admin(email);
        String jti = UUID.randomUUID().toString();

        assertThat(run("tokens", "revoke", "--jti", jti).out()).contains("Revoked token " + jti);
        assertThat(run("tokens", "revoke", "--user", email).out()).contains("every token and session revoked");

        JsonNode revoked = JSON.readTree(run("tokens", "list-revoked", "--json").out());
        assertThat(revoked.findValuesAsString("id")).contains(jti, email);
        assertThat(run("tokens", "list-revoked").out()).containsPattern("JTI +" + jti).containsPattern("USER +" + email);
        assertThat(jdbc.sql("SELECT tokens_valid_after IS NOT NULL FROM users WHERE email = :email").param("email", email).query(Boolean.class)
                .single()).isTrue();
        assertThat(run("tokens", "revoke", "--user", "nobody@example.com").exitCode()).isEqualTo(1);
    }

    @Test
    void with_redis_unreachable_a_revocation_is_refused_in_one_line() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        CliRun run = CliRun.of(settings(Map.of("spring.data.redis.port", closed)), "tokens", "revoke", "--jti", "abc");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).last().asString().startsWith("motel-admin: Redis at 127.0.0.1:" + closed + " is unreachable")
                .contains("start it (scripts/services.sh)");
        assertThat(jdbc.sql("SELECT count(*) FROM revoked_tokens WHERE id = 'abc'").query(Long.class).single()).isZero();
    }

    @Test
    void a_users_sessions_are_listed_and_one_is_ended() throws Exception {
        String email = unique("guest");
        UUID user = admin(email);
        UUID session = session(user);

        CliRun listed = run("sessions", "list", "--user", email);
        assertThat(listed.out()).contains(session.toString()).contains("203.0.113.9").contains("Firefox");
        assertThat(JSON.readTree(run("sessions", "list", "--user", email, "--json").out()).get(0).path("id").asString()).isEqualTo(session.toString());

        assertThat(run("sessions", "revoke", session.toString()).out()).contains("Ended session " + session);
        assertThat(run("sessions", "list", "--user", email).out()).contains("(none)");
        CliRun again = run("sessions", "revoke", session.toString());
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("There is no active session " + session);
        assertThat(run("sessions", "list", "--user", "nobody@example.com").err()).contains("There is no account for nobody@example.com.");
    }

    @Test
    void the_mail_queue_is_inspected_dead_mail_retried_sent_history_purged_and_templates_previewed() throws Exception {
        UUID receipt = queued("payment-receipt", unique("dead"));
        UUID verification = queued("email-verification", unique("dead"));
        UUID waiting = queued("welcome-email", unique("waiting"));
        UUID oldSent = queued("welcome-email", unique("sent"));
        jdbc.sql("UPDATE email_queue SET status = 'DEAD', attempts = 8, last_error = 'SMTP down' WHERE id IN (:ids)")
                .param("ids", List.of(receipt, verification)).update();
        jdbc.sql("UPDATE email_queue SET status = 'SENT', sent_at = now() - interval '40 days' WHERE id = :id").param("id", oldSent).update();

        JsonNode status = JSON.readTree(run("mail", "status", "--json").out());
        assertThat(status.path("unsentByStatus").path("DEAD").asLong()).isEqualTo(2);
        assertThat(status.path("unsentByStatus").path("QUEUED").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(run("mail", "status").out()).contains("DEAD      2").contains("Oldest waiting email:");
        assertThat(run("mail", "dead").out()).contains(receipt.toString()).contains("SMTP down");

        CliRun scrubbed = run("mail", "retry", verification.toString());
        assertThat(scrubbed.exitCode()).isEqualTo(1);
        assertThat(scrubbed.err()).contains("one-time link");
        assertThat(run("mail", "retry", waiting.toString()).err()).contains("is not dead");
        assertThat(run("mail", "retry", UUID.randomUUID().toString()).err()).contains("There is no email");
        assertThat(run("mail", "retry", receipt.toString()).out()).contains("Queued email " + receipt + " again");
        assertThat(jdbc.sql("SELECT status || ':' || attempts FROM email_queue WHERE id = :id").param("id", receipt).query(String.class).single())
                .isEqualTo("RETRYING:0");
        assertThat(run("mail", "retry", "--all-dead").out()).contains("Queued 0 dead email(s) again");

        assertThat(run("mail", "purge", "--sent-older-than", "30d").out()).contains("Deleted 1 sent email(s)");
        assertThat(jdbc.sql("SELECT count(*) FROM email_queue WHERE id = :id").param("id", oldSent).query(Long.class).single()).isZero();

        CliRun preview = run("mail", "preview", "booking-confirmation");
        assertThat(preview.out()).contains("<html").contains("WB-7K2M9Q").contains("West Bethel Motel");
        assertThat(preview.err()).contains("Subject: Your stay is confirmed: WB-7K2M9Q");
        assertThat(run("mail", "preview", "password-reset", "--text").out()).contains("reset-password?token=sample");
        assertThat(run("mail", "preview", "birthday-card").exitCode()).isEqualTo(1);
    }

    // Finding 10 of issue 10: the chain is keyed; verify says when the key is missing or not the one that chained the entries.
    @Test
    void audit_verify_says_when_no_key_is_configured_and_when_the_key_is_not_the_one_that_chained_the_entries() throws Exception {
        String key = "c2l4dHktZm91ciBieXRlcyBvZiBhIHRlc3Qtb25seSBhdWRpdCBrZXkh";
        // A chain of its own: the other tests' entries were chained with the development key.
        jdbc.sql("ALTER TABLE audit_log DISABLE TRIGGER USER").update();
        jdbc.sql("DELETE FROM audit_log").update();
        jdbc.sql("ALTER TABLE audit_log ENABLE TRIGGER USER").update();
        String email = unique("keyed");
        CliRun created = withStdin(PASSWORD + "\n", () -> CliRun.of(settings(Map.of("motel.audit.hmac-key", key)), "users", "create-admin",
                "--email", email, "--password-stdin"));
        assertThat(created.exitCode()).as(created.err()).isZero();
        try {
            CliRun withTheKey = CliRun.of(settings(Map.of("motel.audit.hmac-key", key)), "audit", "verify");
            assertThat(withTheKey.exitCode()).as(withTheKey.out() + withTheKey.err()).isZero();
            assertThat(withTheKey.out()).contains("keyed with the configured key").contains("Every entry is keyed.");

            CliRun withoutKey = run("audit", "verify");
            assertThat(withoutKey.exitCode()).isEqualTo(1);
            assertThat(withoutKey.err()).contains("no audit key is configured (MOTEL_AUDIT_HMACKEY)");
            assertThat(withoutKey.out()).contains("BROKEN").contains("another key").contains("development key");

            CliRun otherKey = CliRun.of(settings(Map.of("motel.audit.hmac-key", "b3RoZXIga2V5IG9mIHRoaXJ0eS10d28gYnl0ZXMgZm9yIHRlc3Rz")),
                    "audit", "verify", "--json");
            assertThat(otherKey.exitCode()).isEqualTo(1);
            assertThat(JSON.readTree(otherKey.out()).path("problem").asString()).contains("another key");
            assertThat(JSON.readTree(otherKey.out()).path("keyConfigured").asBoolean()).isTrue();
        } finally {
            jdbc.sql("ALTER TABLE audit_log DISABLE TRIGGER USER").update();
            jdbc.sql("DELETE FROM audit_log").update();
            jdbc.sql("ALTER TABLE audit_log ENABLE TRIGGER USER").update();
        }
    }

    @Test
    void audit_verify_passes_an_intact_chain_and_names_the_first_tampered_entry() throws Exception {
        admin(unique("audited"));
        CliRun intact = run("audit", "verify");
        assertThat(intact.exitCode()).as(intact.err()).isZero();
        assertThat(intact.out()).contains("intact");

        long entry = jdbc.sql("SELECT min(id) FROM audit_log").query(Long.class).single();
        jdbc.sql("ALTER TABLE audit_log DISABLE TRIGGER USER").update();
        jdbc.sql("UPDATE audit_log SET actor = 'someone-else' WHERE id = :id").param("id", entry).update();
        jdbc.sql("ALTER TABLE audit_log ENABLE TRIGGER USER").update();
        try {
            CliRun broken = run("audit", "verify");
            assertThat(broken.exitCode()).isEqualTo(1);
            assertThat(broken.out()).contains("BROKEN at entry " + entry);
            assertThat(JSON.readTree(run("audit", "verify", "--json").out()).path("entryId").asLong()).isEqualTo(entry);
        } finally {
            jdbc.sql("ALTER TABLE audit_log DISABLE TRIGGER USER").update();
            jdbc.sql("DELETE FROM audit_log").update();
            jdbc.sql("ALTER TABLE audit_log ENABLE TRIGGER USER").update();
        }
    }

    // Issue 12: entries are linked after their commit; one committed but never linked (its process stopped) must be noticed.
    @Test
    void audit_verify_reports_an_entry_committed_but_left_unlinked_longer_than_the_grace() throws Exception {
        admin(unique("unlinked"));
        AuditEntry entry = new AuditEntry(Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.MICROS), "guest:7", "BOOKING_HELD", "booking",
                "b-stalled", Map.of(), Map.of());
        long stalled = insertUnlinked(entry, AuditChainKey.developmentKey().hmac(AuditChain.entryText(entry)));
        try {
            CliRun late = run("audit", "verify");
            assertThat(late.exitCode()).isEqualTo(1);
            assertThat(late.out()).contains("intact").contains("UNLINKED: 1 committed entries (the oldest is entry " + stalled + ")");
            assertThat(run("audit", "verify", "--unlinked-grace", "15m").exitCode()).as("within a longer grace").isZero();
            assertThat(JSON.readTree(run("audit", "verify", "--json").out()).path("oldestUnlinkedEntryId").asLong()).isEqualTo(stalled);
        } finally {
            jdbc.sql("ALTER TABLE audit_log DISABLE TRIGGER USER").update();
            jdbc.sql("DELETE FROM audit_log").update();
            jdbc.sql("ALTER TABLE audit_log ENABLE TRIGGER USER").update();
        }
    }

    // Review of issue 12: a row inserted with only the database is never linked; verify names it rather than calling it a stall.
    @Test
    void audit_verify_names_a_row_inserted_without_the_key_as_a_forgery() throws Exception {
        admin(unique("forged"));
        AuditEntry entry = new AuditEntry(Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.MICROS), "staff:7", "BOOKING_REFUNDED", "booking",
                "b-forged", Map.of(), Map.of());
        long forged = insertUnlinked(entry, "0".repeat(64));
        try {
            CliRun verify = run("audit", "verify");
            assertThat(verify.exitCode()).isEqualTo(1);
            assertThat(verify.out()).contains("BROKEN at entry " + forged).contains("forgery").doesNotContain("UNLINKED");
        } finally {
            jdbc.sql("ALTER TABLE audit_log DISABLE TRIGGER USER").update();
            jdbc.sql("DELETE FROM audit_log").update();
            jdbc.sql("ALTER TABLE audit_log ENABLE TRIGGER USER").update();
        }
    }

    @Test
    void db_migrate_brings_an_empty_database_up_to_date_once() {
        String empty = DATABASE + "_empty";
        ADMIN.sql("CREATE DATABASE " + empty).update();
        Map<String, Object> settings = settings(Map.of("spring.datasource.url", PREFIX + empty));
        CliRun unmigrated = CliRun.of(settings, "users", "list");
        assertThat(unmigrated.exitCode()).isEqualTo(1);
        assertThat(unmigrated.err()).contains("schema is missing or older than this tool").contains("Run motel-admin db migrate");

        CliRun first = CliRun.of(settings, "db", "migrate");
        CliRun second = CliRun.of(settings, "db", "migrate");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).containsPattern("Applied \\d+ migration\\(s\\); postgresql://127.0.0.1:5432/" + empty + " is at schema version \\d+");
        assertThat(second.out()).startsWith("Applied 0 migration(s)");
    }

    @Test
    void a_backup_restores_into_a_new_database_with_exactly_the_data_it_was_taken_with() throws Exception {
        admin(unique("before-backup"));
        List<String> before = emails(jdbc);

        CliRun created = run("backup", "create", "--dir", backups.toString(), "--json");
        assertThat(created.exitCode()).as(created.err()).isZero();
        JsonNode backup = JSON.readTree(created.out());
        Path dump = Path.of(backup.path("file").asString());
        assertThat(backup.path("sha256").asString()).hasSize(64);
        assertThat(backup.path("schemaVersion").asString()).matches("\\d+");
        assertThat(Files.readString(Path.of(dump + ".manifest"))).contains("database=" + DATABASE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dump))).as("guests' data").isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(dump + ".manifest")))).isEqualTo("rw-------");
        assertThat(Files.list(backups).map(file -> file.getFileName().toString())).noneMatch(name -> name.endsWith(".partial"));

        admin(unique("after-backup"));
        assertThat(run("backup", "verify", dump.toString()).out()).contains("is sound");
        assertThat(run("backup", "list", "--dir", backups.toString()).out()).contains(dump.toString());

        String target = DATABASE + "_restored";
        CliRun restored = run("backup", "restore", dump.toString(), "--target-db", target, "--yes");
        assertThat(restored.exitCode()).as(restored.err()).isZero();
        assertThat(restored.out()).contains("into " + target);
        JdbcClient copy = JdbcClient.create(new DriverManagerDataSource(PREFIX + target, "motel", "motel"));
        assertThat(emails(copy)).isEqualTo(before);

        CliRun occupied = run("backup", "restore", dump.toString(), "--target-db", DATABASE, "--yes");
        assertThat(occupied.exitCode()).isEqualTo(1);
        assertThat(occupied.err()).contains("exists and holds data").contains("--force");
        assertThat(run("backup", "restore", dump.toString(), "--target-db", target).err()).contains("add --yes");
        admin(unique("changed-after-restore"));
        JdbcClient.create(new DriverManagerDataSource(PREFIX + target, "motel", "motel")).sql("DELETE FROM users").update();
        CliRun forced = run("backup", "restore", dump.toString(), "--target-db", target, "--force", "--yes");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(forced.out()).as("the cache predates the restore").contains("motel-admin cache evict");
        assertThat(emails(copy)).as("forced over a changed database: exactly the backup again").isEqualTo(before);
        assertThat(run("backup", "restore", dump.toString(), "--target-db", "Bad-Name", "--yes").err()).contains("lower-case letters");

        Path second = Path.of(JSON.readTree(run("backup", "create", "--dir", backups.toString(), "--json").out()).path("file").asString());
        try (RandomAccessFile file = new RandomAccessFile(dump.toFile(), "rw")) {
            file.seek(file.length() / 2);
            int b = file.read();
            file.seek(file.length() / 2);
            file.write(b ^ 0xFF);
        }
        CliRun damaged = run("backup", "verify", dump.toString());
        assertThat(damaged.exitCode()).isEqualTo(1);
        assertThat(damaged.out()).contains("DAMAGED").contains("SHA-256");
        assertThat(run("backup", "restore", dump.toString(), "--target-db", DATABASE + "_never", "--yes").err()).contains("damaged");
        assertThat(run("backup", "verify", backups.resolve("missing.dump").toString()).err()).contains("There is no file");

        CliRun pruned = run("backup", "prune", "--keep", "1", "--dir", backups.toString());
        assertThat(pruned.out()).contains("deleted 1");
        assertThat(Files.exists(dump)).isFalse();
        assertThat(Files.exists(second)).isTrue();
    }

    private static List<String> emails(JdbcClient database) {
        return database.sql("SELECT email FROM users ORDER BY email").query(String.class).list();
    }

    private CliRun run(String... args) {
        return CliRun.of(settings(Map.of()), args);
    }

    private static Map<String, Object> settings(Map<String, Object> extra) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("spring.datasource.url", PREFIX + DATABASE);
        settings.put("motel.security.bcrypt-strength", 4);
        settings.putAll(extra);
        return settings;
    }

    private UUID admin(String email) throws Exception {
        CliRun created = withStdin(PASSWORD + "\n", () -> run("users", "create-admin", "--email", email, "--password-stdin"));
        assertThat(created.exitCode()).as(created.err()).isZero();
        return jdbc.sql("SELECT id FROM users WHERE email = :email").param("email", email).query(UUID.class).single();
    }

    private UUID session(UUID user) {
        UUID id = UUID.randomUUID();
        new JdbcSessions(jdbc).start(new Session(new SessionId(id), new UserId(user), new Device("203.0.113.9", "Firefox on Linux", "f1"),
                Instant.now(), Instant.now(), Optional.empty()));
        return id;
    }

    private UUID queued(String template, String recipient) {
        new JdbcEmailOutbox(jdbc, "westbethelmotel.test").enqueue(new OutgoingEmail(template, new EmailAddress(recipient), Locale.ENGLISH,
                Map.of("firstName", "Anna")));
        return jdbc.sql("SELECT id FROM email_queue WHERE recipient = :recipient").param("recipient", recipient).query(UUID.class).single();
    }

    /** A committed entry never linked, as a process stopping between its commit and its link leaves one, with the MAC given. */
    private static long insertUnlinked(AuditEntry entry, String entryMac) {
        return jdbc.sql("""
                        INSERT INTO audit_log (occurred_at, actor, action, entity_type, entity_id, before_state, after_state, chain_version,
                                               key_check, entry_mac)
                        VALUES (:at, :actor, :action, :type, :entity, '', '', 3, :keyCheck, :mac) RETURNING id
                        """)
                .param("at", Timestamp.from(entry.occurredAt())).param("actor", entry.actor()).param("action", entry.action())
                .param("type", entry.entityType()).param("entity", entry.entityId()).param("keyCheck", AuditChainKey.developmentKey().check())
                .param("mac", entryMac).query(Long.class).single();
    }

    private List<String> audited(String email) {
        return jdbc.sql("SELECT action FROM audit_log WHERE entity_id = (SELECT id::text FROM users WHERE email = :email) ORDER BY id")
                .param("email", email).query(String.class).list();
    }

    private static String unique(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private static JsonNode find(JsonNode array, String email) {
        for (JsonNode item : array) {
            if (email.equals(item.path("email").asString())) {
                return item;
            }
        }
        throw new AssertionError("no " + email + " in " + array);
    }

    private static CliRun withStdin(String input, Callable<CliRun> run) throws Exception {
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            return run.call();
        } finally {
            System.setIn(original);
        }
    }
}
