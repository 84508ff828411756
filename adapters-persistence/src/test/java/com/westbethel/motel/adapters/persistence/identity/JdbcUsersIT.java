package com.westbethel.motel.adapters.persistence.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.westbethel.motel.adapters.persistence.TestDatabase;
import com.westbethel.motel.domain.identity.Role;
import com.westbethel.motel.domain.identity.User;
import com.westbethel.motel.domain.identity.UserId;
import com.westbethel.motel.domain.shared.EmailAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class JdbcUsersIT {

    private final DataSource dataSource = TestDatabase.migrated();
    private final JdbcClient jdbc = JdbcClient.create(dataSource);
    private final JdbcUsers users = new JdbcUsers(jdbc);

    @BeforeEach
    void emptyIdentityTables() {
        IdentityTables.empty(jdbc);
    }

    @Test
    void an_added_user_is_found_by_id_with_everything_it_was_added_with() {
        Instant createdAt = IdentityTables.now().minusSeconds(3600);
        Instant tokensValidAfter = createdAt.plusSeconds(60);
        User staff = new User(UserId.random(), new EmailAddress("desk@westbethelmotel.com"), "Ruth", "Okafor", "{bcrypt}$2a$04$staffhash",
                EnumSet.of(Role.STAFF, Role.GUEST), true, false, createdAt, tokensValidAfter);

        assertThat(users.add(staff)).isTrue();

        User found = users.findById(staff.id()).orElseThrow();
        assertThat(found.id()).isEqualTo(staff.id());
        assertThat(found.email()).isEqualTo(new EmailAddress("desk@westbethelmotel.com"));
        assertThat(found.firstName()).isEqualTo("Ruth");
        assertThat(found.lastName()).isEqualTo("Okafor");
        assertThat(found.passwordHash()).isEqualTo("{bcrypt}$2a$04$staffhash");
        assertThat(found.roles()).containsExactlyInAnyOrder(Role.STAFF, Role.GUEST);
        assertThat(found.emailVerified()).isTrue();
        assertThat(found.enabled()).isFalse();
        assertThat(found.createdAt()).isEqualTo(createdAt);
        assertThat(found.tokensValidAfter()).contains(tokensValidAfter);
    }

    @Test
    void a_user_without_a_not_before_is_read_back_without_one() {
        User guest = IdentityTables.added(users, "anna@example.com");

        assertThat(users.findById(guest.id()).orElseThrow().tokensValidAfter()).isEmpty();
    }

    @Test
    void a_user_is_found_by_email_whatever_case_the_address_is_given_in() {
        User guest = IdentityTables.added(users, "anna@example.com");

        assertThat(users.findByEmail(new EmailAddress("ANNA@Example.COM"))).map(User::id).contains(guest.id());
        assertThat(users.findByEmail(new EmailAddress("  Anna@example.com "))).map(User::id).contains(guest.id());
    }

    @Test
    void a_row_stored_with_a_mixed_case_address_is_still_found_by_email() {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO users (id, email, first_name, last_name, password_hash, created_at, updated_at)
                        VALUES (:id, 'Legacy.Guest@Example.com', 'Lee', 'Gacy', 'x', now(), now())
                        """)
                .param("id", id)
                .update();
        jdbc.sql("INSERT INTO user_roles (user_id, role) VALUES (:id, 'GUEST')").param("id", id).update();

        assertThat(users.findByEmail(new EmailAddress("legacy.guest@example.com"))).map(User::id).contains(new UserId(id));
    }

    @Test
    void an_unknown_id_or_email_finds_nobody() {
        IdentityTables.added(users, "anna@example.com");

        assertThat(users.findById(UserId.random())).isEmpty();
        assertThat(users.findByEmail(new EmailAddress("nobody@example.com"))).isEmpty();
    }

    @Test
    void adding_a_second_account_for_the_same_address_in_another_case_returns_false_and_keeps_the_first() {
        User first = IdentityTables.added(users, "anna@example.com");
        User second = IdentityTables.guest("Anna@EXAMPLE.com");

        assertThat(users.add(second)).isFalse();

        assertThat(users.findById(second.id())).isEmpty();
        assertThat(users.findByEmail(new EmailAddress("anna@example.com"))).map(User::id).contains(first.id());
        assertThat(jdbc.sql("SELECT count(*) FROM user_roles").query(Integer.class).single()).isOne();
    }

    @Test
    void adding_an_address_already_stored_in_mixed_case_returns_false() {
        jdbc.sql("""
                        INSERT INTO users (id, email, first_name, last_name, password_hash, created_at, updated_at)
                        VALUES (:id, 'Anna@Example.com', 'Anna', 'Lindqvist', 'x', now(), now())
                        """)
                .param("id", UUID.randomUUID())
                .update();

        assertThat(users.add(IdentityTables.guest("anna@example.com"))).isFalse();
    }

    @Test
    void update_persists_the_password_hash_verification_not_before_and_roles() {
        User guest = IdentityTables.added(users, "anna@example.com");
        Instant notBefore = IdentityTables.now();
        User changed = new User(guest.id(), guest.email(), guest.firstName(), guest.lastName(), "{bcrypt}$2a$04$newhash",
                EnumSet.of(Role.STAFF, Role.ADMIN), true, true, guest.createdAt(), null);
        changed.revokeTokensIssuedBefore(notBefore);

        users.update(changed);

        User found = users.findById(guest.id()).orElseThrow();
        assertThat(found.passwordHash()).isEqualTo("{bcrypt}$2a$04$newhash");
        assertThat(found.emailVerified()).isTrue();
        assertThat(found.tokensValidAfter()).contains(notBefore);
        assertThat(found.roles()).containsExactlyInAnyOrder(Role.STAFF, Role.ADMIN);
        assertThat(found.createdAt()).isEqualTo(guest.createdAt());
    }

    @Test
    void update_through_the_domain_methods_is_read_back() {
        User guest = IdentityTables.added(users, "anna@example.com");
        guest.verifyEmail();
        guest.changePassword("{bcrypt}$2a$04$changed");

        users.update(guest);

        User found = users.findById(guest.id()).orElseThrow();
        assertThat(found.emailVerified()).isTrue();
        assertThat(found.passwordHash()).isEqualTo("{bcrypt}$2a$04$changed");
        assertThat(found.roles()).containsExactly(Role.GUEST);
    }

    @Test
    void update_touches_only_the_updated_user() {
        User anna = IdentityTables.added(users, "anna@example.com");
        User bob = IdentityTables.added(users, "bob@example.com");
        anna.changePassword("{bcrypt}$2a$04$annas-new-hash");

        users.update(anna);

        assertThat(users.findById(bob.id()).orElseThrow().passwordHash()).isEqualTo(bob.passwordHash());
    }

    @Test
    void updating_a_user_that_was_never_added_fails() {
        User stranger = IdentityTables.guest("stranger@example.com");

        assertThatThrownBy(() -> users.update(stranger)).isInstanceOf(IllegalStateException.class);
        assertThat(users.findById(stranger.id())).isEmpty();
    }

    @Test
    void any_with_role_is_true_only_once_someone_holds_that_role() {
        User guest = IdentityTables.added(users, "anna@example.com");

        assertThat(users.anyWithRole(Role.GUEST)).isTrue();
        assertThat(users.anyWithRole(Role.ADMIN)).isFalse();

        users.update(new User(guest.id(), guest.email(), guest.firstName(), guest.lastName(), guest.passwordHash(),
                EnumSet.of(Role.ADMIN), false, true, guest.createdAt(), null));

        assertThat(users.anyWithRole(Role.ADMIN)).isTrue();
        assertThat(users.anyWithRole(Role.GUEST)).isFalse();
    }

    @Test
    void any_with_role_is_false_when_there_are_no_users() {
        assertThat(users.anyWithRole(Role.GUEST)).isFalse();
    }

    @Test
    void the_not_before_instant_keeps_its_microseconds() {
        User guest = IdentityTables.added(users, "anna@example.com");
        Instant notBefore = Instant.parse("2031-05-06T07:08:09.123456Z");
        guest.revokeTokensIssuedBefore(notBefore);

        users.update(guest);

        OffsetDateTime stored = jdbc.sql("SELECT tokens_valid_after FROM users WHERE id = :id").param("id", guest.id().value())
                .query(OffsetDateTime.class).single();
        assertThat(stored.toInstant()).isEqualTo(notBefore);
    }

    @Test
    void a_search_finds_addresses_containing_the_text_whatever_its_case_newest_first_a_page_at_a_time() {
        IdentityTables.added(users, "anna@example.com");
        IdentityTables.added(users, "bob@example.com");
        IdentityTables.added(users, "hanna@elsewhere.org");

        assertThat(users.search("ANNA", 0, 10)).extracting(user -> user.email().value()).containsExactlyInAnyOrder("anna@example.com", "hanna@elsewhere.org");
        assertThat(users.countMatching("anna")).isEqualTo(2);
        assertThat(users.search(" ", 0, 10)).hasSize(3);
        assertThat(users.countMatching("")).isEqualTo(3);
        assertThat(users.search("example", 1, 10)).hasSize(1);
        assertThat(users.search("example", 0, 1)).hasSize(1);
    }

    @Test
    void the_wildcards_of_like_in_a_search_are_taken_literally() {
        IdentityTables.added(users, "anna_b@example.com");
        IdentityTables.added(users, "annaxb@example.com");

        assertThat(users.search("anna_b", 0, 10)).extracting(user -> user.email().value()).containsExactly("anna_b@example.com");
        assertThat(users.countMatching("%")).isZero();
        assertThat(users.countMatching("\\")).isZero();
    }

    @Test
    void a_granted_role_is_stored_and_the_unlocked_holders_of_a_role_are_counted() {
        User anna = IdentityTables.added(users, "anna@example.com");
        User bob = IdentityTables.added(users, "bob@example.com");
        anna.grant(Role.ADMIN);
        users.update(anna);
        bob.grant(Role.ADMIN);
        bob.disable();
        users.update(bob);

        assertThat(users.findById(anna.id()).orElseThrow().roles()).containsExactly(Role.GUEST, Role.ADMIN);
        assertThat(users.holdUnlockedWithRole(Role.ADMIN)).isEqualTo(1);
        assertThat(users.holdUnlockedWithRole(Role.STAFF)).isZero();
    }

    @Test
    void two_changes_of_one_account_held_for_change_queue_and_the_second_reads_what_the_first_saved() throws Exception {
        User anna = IdentityTables.added(users, "anna@example.com");
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        CountDownLatch firstHolds = new CountDownLatch(1);
        ExecutorService secondRequest = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> secondSaw = secondRequest.submit(() -> {
                firstHolds.await();
                return transaction.execute(status -> {
                    User held = users.findByEmailForChange(new EmailAddress("ANNA@example.com")).orElseThrow();
                    boolean sawTheNewPassword = held.passwordHash().equals("{noop}changed");
                    held.disable();
                    users.update(held);
                    return sawTheNewPassword;
                });
            });
            transaction.executeWithoutResult(status -> {
                User held = users.findByIdForChange(anna.id()).orElseThrow();
                firstHolds.countDown();
                await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'").query(Long.class)
                        .single() > 0);
                held.changePassword("{noop}changed");
                users.update(held);
            });

            assertThat(secondSaw.get(10, TimeUnit.SECONDS)).as("the second read once the first had committed").isTrue();
        } finally {
            secondRequest.shutdownNow();
        }
        User after = users.findById(anna.id()).orElseThrow();
        assertThat(after.passwordHash()).isEqualTo("{noop}changed");
        assertThat(after.enabled()).isFalse();
        assertThat(users.findByIdForChange(UserId.random())).isEmpty();
        assertThat(users.findByEmailForChange(new EmailAddress("nobody@example.com"))).isEmpty();
    }

    @Test
    void two_admins_demoting_each_other_at_once_cannot_both_see_another_admin_left() throws Exception {
        User anna = IdentityTables.added(users, "anna@example.com");
        User bob = IdentityTables.added(users, "bob@example.com");
        anna.grant(Role.ADMIN);
        users.update(anna);
        bob.grant(Role.ADMIN);
        users.update(bob);
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        CountDownLatch annaDemotedBob = new CountDownLatch(1);
        ExecutorService bobsRequest = Executors.newSingleThreadExecutor();
        try {
            // Bob's transaction starts counting while Anna's has counted and demoted Bob but not yet committed.
            Future<Long> bobCounted = bobsRequest.submit(() -> {
                annaDemotedBob.await();
                return transaction.execute(status -> users.holdUnlockedWithRole(Role.ADMIN));
            });
            Long annaCounted = transaction.execute(status -> {
                long admins = users.holdUnlockedWithRole(Role.ADMIN);
                User demoted = users.findById(bob.id()).orElseThrow();
                demoted.revoke(Role.ADMIN);
                users.update(demoted);
                annaDemotedBob.countDown();
                await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")
                        .query(Long.class).single() > 0);
                return admins;
            });

            assertThat(annaCounted).isEqualTo(2);
            assertThat(bobCounted.get(10, TimeUnit.SECONDS)).as("counted once Anna's demotion had committed: Anna is the last admin").isEqualTo(1);
        } finally {
            bobsRequest.shutdownNow();
        }
    }
}
