package com.westbethel.motel.bootstrap.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.westbethel.motel.application.audit.port.in.QueryAuditLogUseCase;
import com.westbethel.motel.application.identity.port.out.Users;
import com.westbethel.motel.bootstrap.api.HttpProbe.Reply;
import com.westbethel.motel.bootstrap.api.SiteBrowser.Page;
import com.westbethel.motel.domain.identity.User;
import com.westbethel.motel.domain.identity.UserId;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The staff console's admin screens over the API (issue 14): accounts, the email queue and the audit log's verification are
 * an admin's alone; the guard rails hold (nobody locks or demotes themselves); every change is audited under the admin's
 * user id and ends the changed account's sessions.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminConsoleApiIT extends AbstractApiIT {

    @Autowired
    QueryAuditLogUseCase auditLog;

    @Autowired
    Users users;

    @Autowired
    PlatformTransactionManager transactions;

    String admin;
    String adminId;

    /** An admin of this test's own, so that what it does to itself touches no other test's admin. */
    @BeforeEach
    void anAdminOfItsOwn() {
        String email = guests.verifiedGuest("console-admin");
        adminId = idOf(email);
        jdbc.sql("UPDATE user_roles SET role = 'ADMIN' WHERE user_id = CAST(:id AS uuid)").param("id", adminId).update();
        admin = guests.accessToken(email);
    }

    @Test
    void staff_and_guests_are_refused_every_admin_screen_and_anonymous_callers_must_log_in() {
        String clerkEmail = guests.verifiedGuest("console-clerk");
        jdbc.sql("UPDATE user_roles SET role = 'STAFF' WHERE user_id = CAST(:id AS uuid)").param("id", idOf(clerkEmail)).update();
        String clerk = guests.accessToken(clerkEmail);
        String guest = guests.loggedInGuest("console-guest");
        String target = idOf(guests.verifiedGuest("console-target"));

        for (String bearer : new String[] {clerk, guest}) {
            assertThat(http.get("/api/v1/admin/users", bearer).status()).isEqualTo(403);
            assertThat(http.post("/api/v1/admin/users/" + target + "/lock", "{}", bearer).status()).isEqualTo(403);
            assertThat(put("/api/v1/admin/users/" + target + "/roles/admin", bearer).status()).isEqualTo(403);
            assertThat(http.get("/api/v1/admin/email-queue", bearer).status()).isEqualTo(403);
            assertThat(http.post("/api/v1/admin/email-queue/" + UUID.randomUUID() + "/retry", "{}", bearer).status()).isEqualTo(403);
            assertThat(http.get("/api/v1/admin/audit/verification", bearer).status()).isEqualTo(403);
        }
        assertThat(http.get("/api/v1/admin/users").status()).isEqualTo(401);
        assertThat(jdbc.sql("SELECT enabled FROM users WHERE id = CAST(:id AS uuid)").param("id", target).query(Boolean.class).single()).isTrue();

        SiteBrowser clerkPages = new SiteBrowser(port);
        clerkPages.logIn(clerkEmail, Guests.PASSWORD);
        Page refused = clerkPages.get("/staff/admin/users");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(clerkPages.get("/staff").text()).doesNotContain("Email queue", "Audit log");
        assertThat(new SiteBrowser(port).get("/staff/admin/email-queue").location()).endsWith("/login?next=%2Fstaff%2Fadmin%2Femail-queue");
    }

    @Test
    void an_admin_finds_an_account_by_email_locks_it_ending_its_sessions_and_unlocks_it_all_audited() {
        String email = guests.verifiedGuest("console-locked");
        String id = idOf(email);
        String theirs = guests.accessToken(email);
        String fragment = email.substring(0, email.indexOf('@')).toUpperCase();

        JsonNode found = http.get("/api/v1/admin/users?email=" + fragment + "&size=5", admin).json();
        Reply locked = http.post("/api/v1/admin/users/" + id + "/lock", "{}", admin);

        assertThat(found.path("totalItems").asLong()).isEqualTo(1);
        assertThat(found.path("items").get(0).path("email").asString()).isEqualTo(email);
        assertThat(found.path("items").get(0).path("roles").toString()).isEqualTo("[\"GUEST\"]");
        assertThat(locked.status()).as(locked.body()).isEqualTo(200);
        assertThat(locked.json().path("user").path("locked").asBoolean()).isTrue();
        assertThat(http.get("/api/v1/users/me", theirs).status()).as("the locked account's token").isEqualTo(401);
        assertThat(guests.logIn(email, Guests.PASSWORD).status()).isEqualTo(403);

        Reply unlocked = http.post("/api/v1/admin/users/" + id + "/unlock", "{}", admin);

        assertThat(unlocked.json().path("user").path("locked").asBoolean()).isFalse();
        assertThat(guests.logIn(email, Guests.PASSWORD).status()).isEqualTo(200);
        assertThat(audited(id)).containsExactly("USER_LOCKED by admin:" + adminId, "USER_UNLOCKED by admin:" + adminId);
    }

    @Test
    void a_role_given_and_taken_ends_the_accounts_sessions_and_is_audited_and_the_next_login_carries_the_new_roles() {
        String email = guests.verifiedGuest("console-promoted");
        String id = idOf(email);
        String asGuest = guests.accessToken(email);

        Reply granted = put("/api/v1/admin/users/" + id + "/roles/staff", admin);

        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        assertThat(granted.json().path("user").path("roles").toString()).isEqualTo("[\"GUEST\",\"STAFF\"]");
        assertThat(http.get("/api/v1/users/me", asGuest).status()).as("the token issued before").isEqualTo(401);
        String asStaff = guests.accessToken(email);
        assertThat(http.get("/api/v1/admin/front-desk/today", asStaff).status()).isEqualTo(200);

        Reply revoked = http.delete("/api/v1/admin/users/" + id + "/roles/staff", admin);

        assertThat(revoked.json().path("user").path("roles").toString()).isEqualTo("[\"GUEST\"]");
        assertThat(http.get("/api/v1/admin/front-desk/today", asStaff).status()).isEqualTo(401);
        assertThat(http.get("/api/v1/admin/front-desk/today", guests.accessToken(email)).status()).isEqualTo(403);
        assertThat(audited(id)).containsExactly("USER_ROLE_GRANTED by admin:" + adminId, "USER_ROLE_REVOKED by admin:" + adminId);
    }

    @Test
    void an_admin_can_neither_lock_themselves_nor_take_away_their_own_admin_role() {
        Reply lockSelf = http.post("/api/v1/admin/users/" + adminId + "/lock", "{}", admin);
        Reply demoteSelf = http.delete("/api/v1/admin/users/" + adminId + "/roles/admin", admin);

        assertThat(lockSelf.status()).isEqualTo(409);
        assertThat(lockSelf.json().path("type").asString()).isEqualTo("/problems/account-change-refused");
        assertThat(lockSelf.json().path("detail").asString()).isEqualTo("You cannot lock your own account.");
        assertThat(demoteSelf.status()).isEqualTo(409);
        assertThat(demoteSelf.json().path("detail").asString()).isEqualTo("You cannot take away your own admin role.");
        assertThat(http.get("/api/v1/admin/users?size=1", admin).status()).as("still an admin, still logged in").isEqualTo(200);
        assertThat(audited(adminId)).isEmpty();
    }

    @Test
    void a_lock_waits_for_a_change_of_the_account_already_in_flight_and_is_not_saved_over_by_it() throws Exception {
        String email = guests.verifiedGuest("console-in-flight");
        UserId id = new UserId(UUID.fromString(idOf(email)));
        CountDownLatch read = new CountDownLatch(1);
        CountDownLatch save = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            // A password reset of the guest's own, between its read of the account and its save (bcrypt runs there).
            Future<?> reset = threads.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
                User user = users.findByIdForChange(id).orElseThrow();
                read.countDown();
                awaitQuietly(save);
                user.changePassword("{noop}reset-in-flight");
                users.update(user);
            }));
            read.await(10, TimeUnit.SECONDS);
            Future<Reply> lock = threads.submit(() -> http.post("/api/v1/admin/users/" + id.value() + "/lock", "{}", admin));
            await().atMost(Duration.ofSeconds(10)).until(() -> lock.isDone() || waitingOnARowLock());
            save.countDown();
            reset.get(10, TimeUnit.SECONDS);

            assertThat(lock.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
        } finally {
            threads.shutdownNow();
        }
        User after = users.findById(id).orElseThrow();
        assertThat(after.enabled()).as("the lock, saved after the reset, is not undone by it").isFalse();
        assertThat(after.passwordHash()).as("nor the reset by the lock").isEqualTo("{noop}reset-in-flight");
    }

    @Test
    void two_admins_locking_each_other_at_once_take_turns_and_no_request_fails_on_a_deadlock() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                String anna = guests.verifiedGuest("console-anna");
                String bob = guests.verifiedGuest("console-bob");
                jdbc.sql("UPDATE user_roles SET role = 'ADMIN' WHERE user_id IN (CAST(:anna AS uuid), CAST(:bob AS uuid))")
                        .param("anna", idOf(anna)).param("bob", idOf(bob)).update();
                String annas = guests.accessToken(anna);
                String bobs = guests.accessToken(bob);
                Future<Reply> annaLocksBob = threads.submit(() -> http.post("/api/v1/admin/users/" + idOf(bob) + "/lock", "{}", annas));
                Future<Reply> bobLocksAnna = threads.submit(() -> http.post("/api/v1/admin/users/" + idOf(anna) + "/lock", "{}", bobs));

                // This test's own admin stays unlocked, so either may lock the other, and neither deadlocks on the other's
                // account. A lock ends the locked admin's sessions: their own request, if it is authenticated after the
                // other's lock committed, is a 401.
                Map<String, Reply> replies = Map.of(bob, annaLocksBob.get(20, TimeUnit.SECONDS), anna, bobLocksAnna.get(20, TimeUnit.SECONDS));
                assertThat(replies.values()).allSatisfy(reply -> assertThat(reply.status()).as(reply.body()).isIn(200, 401))
                        .anySatisfy(reply -> assertThat(reply.status()).isEqualTo(200));
                replies.forEach((locked, reply) -> assertThat(jdbc.sql("SELECT enabled FROM users WHERE email = :email").param("email", locked)
                        .query(Boolean.class).single()).as(locked).isEqualTo(reply.status() != 200));
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void bad_paging_an_unknown_role_or_account_are_refused_without_echoing_them() {
        Reply page = http.get("/api/v1/admin/users?size=1000", admin);
        Reply role = put("/api/v1/admin/users/" + adminId + "/roles/owner", admin);
        Reply nobody = http.post("/api/v1/admin/users/" + UUID.randomUUID() + "/lock", "{}", admin);

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.json().path("type").asString()).isEqualTo("/problems/invalid-request");
        assertThat(role.status()).isEqualTo(400);
        assertThat(role.json().path("detail").asString()).isEqualTo("The role is staff or admin.");
        assertThat(nobody.status()).isEqualTo(404);
        assertThat(http.get("/api/v1/admin/email-queue/dead?limit=0", admin).status()).isEqualTo(400);
        assertThat(http.get("/api/v1/admin/audit/recent?limit=201", admin).status()).isEqualTo(400);
    }

    @Test
    void a_dead_email_is_listed_with_its_recipient_masked_and_sent_again_once_audited() {
        String recipient = Guests.uniqueEmail("console-dead");
        UUID dead = deadEmail("booking-confirmation", recipient);
        UUID reset = deadEmail("password-reset", recipient);

        JsonNode status = http.get("/api/v1/admin/email-queue", admin).json();
        JsonNode listed = null;
        for (JsonNode email : http.get("/api/v1/admin/email-queue/dead?limit=200", admin).json()) {
            if (email.path("id").asString().equals(dead.toString())) {
                listed = email;
            }
        }
        Reply retried = http.post("/api/v1/admin/email-queue/" + dead + "/retry", "{}", admin);

        assertThat(status.path("dead").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(status.has("pending") && status.has("sentLast24Hours")).isTrue();
        assertThat(listed).as("the dead email in the list").isNotNull();
        assertThat(listed.path("recipient").asString()).isEqualTo(recipient.charAt(0) + "***@example.com");
        assertThat(listed.path("lastError").asString()).isEqualTo("550 5.1.1 <" + recipient.charAt(0) + "***@example.com>: mailbox unavailable");
        assertThat(listed.path("attempts").asInt()).isEqualTo(8);
        assertThat(listed.toString()).doesNotContain(recipient);
        assertThat(retried.status()).as(retried.body()).isEqualTo(204);
        assertThat(jdbc.sql("SELECT status FROM email_queue WHERE id = :id").param("id", dead).query(String.class).single()).isNotEqualTo("DEAD");
        assertThat(jdbc.sql("SELECT actor FROM audit_log WHERE action = 'EMAIL_REQUEUED' AND entity_id = :id").param("id", dead.toString())
                .query(String.class).list()).containsExactly("admin:" + adminId);

        Reply again = http.post("/api/v1/admin/email-queue/" + dead + "/retry", "{}", admin);
        Reply scrubbed = http.post("/api/v1/admin/email-queue/" + reset + "/retry", "{}", admin);
        Reply unknown = http.post("/api/v1/admin/email-queue/" + UUID.randomUUID() + "/retry", "{}", admin);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("type").asString()).isEqualTo("/problems/email-not-dead");
        assertThat(scrubbed.json().path("type").asString()).isEqualTo("/problems/email-link-scrubbed");
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void the_audit_verification_is_the_chain_walk_of_motel_admin_and_the_newest_entries_come_first() {
        String target = idOf(guests.verifiedGuest("console-audited"));
        http.post("/api/v1/admin/users/" + target + "/lock", "{}", admin);

        JsonNode verification = http.get("/api/v1/admin/audit/verification", admin).json();
        JsonNode recent = http.get("/api/v1/admin/audit/recent?limit=20", admin).json();

        var broken = auditLog.verify();
        assertThat(verification.path("intact").asBoolean()).isEqualTo(broken.isEmpty());
        assertThat(verification.path("brokenEntryId").isNull()).isEqualTo(broken.isEmpty());
        assertThat(verification.path("unkeyedEntries").asLong()).isEqualTo(auditLog.unkeyedEntries());
        assertThat(recent.size()).isBetween(1, 20);
        long newest = jdbc.sql("SELECT max(id) FROM audit_log").query(Long.class).single();
        assertThat(recent.get(0).path("id").asLong()).isLessThanOrEqualTo(newest);
        List<String> actions = recent.findValuesAsString("action");
        assertThat(actions).contains("USER_LOCKED");
        for (int index = 1; index < recent.size(); index++) {
            assertThat(recent.get(index).path("id").asLong()).isLessThan(recent.get(index - 1).path("id").asLong());
        }
    }

    private UUID deadEmail(String template, String recipient) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO email_queue (id, template, recipient, message_id, status, attempts, last_error)
                        VALUES (:id, :template, :recipient, :messageId, 'DEAD', 8, :error)
                        """)
                .param("id", id).param("template", template).param("recipient", recipient).param("messageId", "<" + id + "@test>")
                .param("error", "550 5.1.1 <" + recipient + ">: mailbox unavailable")
                .update();
        return id;
    }

    /** Whether a request of the API waits for a row another transaction holds. */
    private boolean waitingOnARowLock() {
        return jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")
                .query(Long.class).single() > 0;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<String> audited(String userId) {
        return jdbc.sql("SELECT action || ' by ' || actor FROM audit_log WHERE entity_type = 'user' AND entity_id = :id AND actor LIKE 'admin:%' ORDER BY id")
                .param("id", userId).query(String.class).list();
    }

    private String idOf(String email) {
        return jdbc.sql("SELECT id::text FROM users WHERE email = :email").param("email", email).query(String.class).single();
    }

    private Reply put(String path, String bearer) {
        return http.send(http.request(path).header("Authorization", "Bearer " + bearer).PUT(HttpRequest.BodyPublishers.noBody()));
    }
}
