package com.westbethel.motel.adapters.persistence.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.adapters.persistence.TestDatabase;
import com.westbethel.motel.application.identity.port.out.Sessions.RefreshToken;
import com.westbethel.motel.application.identity.port.out.Sessions.Session;
import com.westbethel.motel.domain.identity.Device;
import com.westbethel.motel.domain.identity.OpaqueToken;
import com.westbethel.motel.domain.identity.SessionId;
import com.westbethel.motel.domain.identity.User;
import com.westbethel.motel.domain.identity.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class JdbcSessionsIT {

    private static final int RACERS = 10;

    private final JdbcClient jdbc = JdbcClient.create(TestDatabase.migrated());
    private final JdbcUsers users = new JdbcUsers(jdbc);
    private final JdbcSessions sessions = new JdbcSessions(jdbc);
    private final Instant now = IdentityTables.now();
    private ExecutorService racers;
    private User anna;
    private User bob;

    @BeforeEach
    void annaAndBobWithoutSessions() {
        IdentityTables.empty(jdbc);
        anna = IdentityTables.added(users, "anna@example.com");
        bob = IdentityTables.added(users, "bob@example.com");
    }

    @AfterEach
    void stopRacers() {
        if (racers != null) {
            racers.shutdownNow();
        }
    }

    @Test
    void a_started_session_is_found_active_with_its_device() {
        Session session = session(anna.id(), now.minusSeconds(30));

        sessions.start(session);

        Session found = sessions.find(session.id()).orElseThrow();
        assertThat(found).isEqualTo(session);
        assertThat(found.active()).isTrue();
        assertThat(found.device().ipAddress()).isEqualTo("203.0.113.7");
        assertThat(found.device().userAgent()).isEqualTo("Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0");
    }

    @Test
    void an_unknown_session_is_not_found() {
        assertThat(sessions.find(SessionId.random())).isEmpty();
    }

    @Test
    void an_overlong_user_agent_is_cut_to_512_characters() {
        Session session = new Session(SessionId.random(), anna.id(), new Device("2001:db8::1", "A".repeat(2000), "f".repeat(32)),
                now, now, Optional.empty());

        sessions.start(session);

        assertThat(sessions.find(session.id()).orElseThrow().device().userAgent()).isEqualTo("A".repeat(512));
    }

    @Test
    void active_sessions_of_a_user_are_listed_most_recently_seen_first_without_ended_ones_or_other_users() {
        Session older = session(anna.id(), now.minusSeconds(600));
        Session newer = session(anna.id(), now.minusSeconds(60));
        Session ended = session(anna.id(), now.minusSeconds(30));
        Session bobs = session(bob.id(), now);
        List.of(older, newer, ended, bobs).forEach(sessions::start);
        sessions.end(ended.id(), now, "LOGOUT");

        assertThat(sessions.activeOf(anna.id())).extracting(Session::id).containsExactly(newer.id(), older.id());
    }

    @Test
    void a_user_without_sessions_has_no_active_ones() {
        assertThat(sessions.activeOf(anna.id())).isEmpty();
    }

    @Test
    void touch_moves_last_seen_forward() {
        Session session = session(anna.id(), now.minusSeconds(600));
        sessions.start(session);

        sessions.touch(session.id(), now);

        assertThat(sessions.find(session.id()).orElseThrow().lastSeenAt()).isEqualTo(now);
    }

    @Test
    void touch_never_moves_last_seen_back() {
        Session session = session(anna.id(), now);
        sessions.start(session);

        sessions.touch(session.id(), now.minusSeconds(600));

        assertThat(sessions.find(session.id()).orElseThrow().lastSeenAt()).isEqualTo(now);
    }

    @Test
    void touch_changes_the_order_of_active_sessions() {
        Session first = session(anna.id(), now.minusSeconds(600));
        Session second = session(anna.id(), now.minusSeconds(60));
        sessions.start(first);
        sessions.start(second);

        sessions.touch(first.id(), now);

        assertThat(sessions.activeOf(anna.id())).extracting(Session::id).containsExactly(first.id(), second.id());
    }

    @Test
    void ending_a_session_records_when_and_why_and_revokes_every_refresh_token_of_its_family_only() {
        Session ending = session(anna.id(), now.minusSeconds(600));
        Session staying = session(anna.id(), now.minusSeconds(600));
        sessions.start(ending);
        sessions.start(staying);
        RefreshToken rotated = refreshToken(ending, now.minusSeconds(300));
        RefreshToken current = refreshToken(ending, now.minusSeconds(10));
        RefreshToken otherFamily = refreshToken(staying, now.minusSeconds(10));
        List.of(rotated, current, otherFamily).forEach(sessions::saveRefreshToken);
        sessions.markRotated(rotated.tokenHash(), now.minusSeconds(10));

        assertThat(sessions.end(ending.id(), now, "LOGOUT")).isTrue();

        assertThat(sessions.find(ending.id()).orElseThrow().endedAt()).contains(now);
        assertThat(jdbc.sql("SELECT end_reason FROM user_sessions WHERE id = :id").param("id", ending.id().value())
                .query(String.class).single()).isEqualTo("LOGOUT");
        assertThat(sessions.findRefreshToken(rotated.tokenHash()).orElseThrow().revokedAt()).contains(now);
        assertThat(sessions.findRefreshToken(current.tokenHash()).orElseThrow().revokedAt()).contains(now);
        assertThat(sessions.findRefreshToken(otherFamily.tokenHash()).orElseThrow().revokedAt()).isEmpty();
        assertThat(sessions.find(staying.id()).orElseThrow().active()).isTrue();
        assertThat(sessions.markRotated(current.tokenHash(), now)).isFalse();
    }

    @Test
    void ending_a_session_that_already_ended_returns_false_and_keeps_the_first_end() {
        Session session = session(anna.id(), now.minusSeconds(600));
        sessions.start(session);
        sessions.end(session.id(), now.minusSeconds(60), "LOGOUT");

        assertThat(sessions.end(session.id(), now, "ADMIN_REVOKED")).isFalse();

        assertThat(sessions.find(session.id()).orElseThrow().endedAt()).contains(now.minusSeconds(60));
        assertThat(jdbc.sql("SELECT end_reason FROM user_sessions WHERE id = :id").param("id", session.id().value())
                .query(String.class).single()).isEqualTo("LOGOUT");
    }

    @Test
    void ending_an_unknown_session_returns_false() {
        assertThat(sessions.end(SessionId.random(), now, "LOGOUT")).isFalse();
    }

    @Test
    void ending_all_sessions_of_a_user_returns_the_ones_it_ended_and_revokes_their_refresh_tokens() {
        Session first = session(anna.id(), now.minusSeconds(600));
        Session second = session(anna.id(), now.minusSeconds(300));
        Session alreadyEnded = session(anna.id(), now.minusSeconds(900));
        Session bobs = session(bob.id(), now.minusSeconds(300));
        List.of(first, second, alreadyEnded, bobs).forEach(sessions::start);
        sessions.end(alreadyEnded.id(), now.minusSeconds(800), "LOGOUT");
        RefreshToken firstToken = refreshToken(first, now.minusSeconds(60));
        RefreshToken secondToken = refreshToken(second, now.minusSeconds(60));
        RefreshToken bobsToken = refreshToken(bobs, now.minusSeconds(60));
        List.of(firstToken, secondToken, bobsToken).forEach(sessions::saveRefreshToken);

        List<SessionId> ended = sessions.endAllOf(anna.id(), now, "PASSWORD_RESET");

        assertThat(ended).containsExactlyInAnyOrder(first.id(), second.id());
        assertThat(sessions.activeOf(anna.id())).isEmpty();
        assertThat(sessions.find(alreadyEnded.id()).orElseThrow().endedAt()).contains(now.minusSeconds(800));
        assertThat(sessions.findRefreshToken(firstToken.tokenHash()).orElseThrow().revokedAt()).contains(now);
        assertThat(sessions.findRefreshToken(secondToken.tokenHash()).orElseThrow().revokedAt()).contains(now);
        assertThat(sessions.activeOf(bob.id())).extracting(Session::id).containsExactly(bobs.id());
        assertThat(sessions.findRefreshToken(bobsToken.tokenHash()).orElseThrow().revokedAt()).isEmpty();
    }

    @Test
    void ending_all_sessions_of_a_user_without_any_returns_none() {
        assertThat(sessions.endAllOf(anna.id(), now, "LOGOUT_EVERYWHERE")).isEmpty();
    }

    @Test
    void a_saved_refresh_token_is_found_by_its_hash() {
        Session session = session(anna.id(), now);
        sessions.start(session);
        RefreshToken token = refreshToken(session, now);

        sessions.saveRefreshToken(token);

        assertThat(sessions.findRefreshToken(token.tokenHash())).contains(token);
        assertThat(sessions.findRefreshToken(OpaqueToken.generate().hash())).isEmpty();
    }

    @Test
    void a_refresh_token_is_marked_rotated_exactly_once() {
        Session session = session(anna.id(), now);
        sessions.start(session);
        RefreshToken token = refreshToken(session, now);
        sessions.saveRefreshToken(token);

        assertThat(sessions.markRotated(token.tokenHash(), now.plusSeconds(1))).isTrue();
        assertThat(sessions.markRotated(token.tokenHash(), now.plusSeconds(2))).isFalse();

        assertThat(sessions.findRefreshToken(token.tokenHash()).orElseThrow().rotatedAt()).contains(now.plusSeconds(1));
    }

    @Test
    void an_unknown_refresh_token_cannot_be_marked_rotated() {
        assertThat(sessions.markRotated(OpaqueToken.generate().hash(), now)).isFalse();
    }

    @Test
    void when_ten_requests_race_to_rotate_the_same_refresh_token_exactly_one_wins() throws Exception {
        Session session = session(anna.id(), now);
        sessions.start(session);
        racers = Executors.newFixedThreadPool(RACERS);

        for (int round = 0; round < 5; round++) {
            RefreshToken token = refreshToken(session, now);
            sessions.saveRefreshToken(token);
            CyclicBarrier startTogether = new CyclicBarrier(RACERS);
            List<Callable<Boolean>> attempts = new ArrayList<>();
            for (int racer = 0; racer < RACERS; racer++) {
                Instant at = now.plusMillis(racer + 1);
                attempts.add(() -> {
                    startTogether.await(10, TimeUnit.SECONDS);
                    return sessions.markRotated(token.tokenHash(), at);
                });
            }

            List<Boolean> outcomes = new ArrayList<>();
            for (Future<Boolean> outcome : racers.invokeAll(attempts, 30, TimeUnit.SECONDS)) {
                outcomes.add(outcome.get());
            }

            assertThat(outcomes).hasSize(RACERS).containsOnlyOnce(true);
            assertThat(sessions.findRefreshToken(token.tokenHash()).orElseThrow().rotatedAt()).isPresent();
        }
    }

    @Test // Account pace review, finding 2: the owner's device skips the account pace, so it must be hard to pose as
    void a_device_counts_as_seen_before_only_with_its_fingerprint_from_the_same_address_or_slash_64() {
        Device phone = Device.of("2001:db8:7:1::5", "Safari on iPhone");
        sessions.start(new Session(SessionId.random(), anna.id(), phone, now, now, Optional.empty()));
        Session ended = session(anna.id(), now.minusSeconds(60));
        sessions.start(ended);
        sessions.end(ended.id(), now, "LOGOUT");

        assertThat(sessions.loggedInBeforeFrom(anna.id(), Device.of("2001:db8:7:1::abcd", "Safari on iPhone"))).as("same /64").isTrue();
        assertThat(sessions.loggedInBeforeFrom(anna.id(), ended.device())).as("an ended session counts").isTrue();
        assertThat(sessions.loggedInBeforeFrom(anna.id(), Device.of("2001:db8:7:2::5", "Safari on iPhone"))).as("another /64").isFalse();
        assertThat(sessions.loggedInBeforeFrom(anna.id(), Device.of("2001:db8:7:1::5", "curl/8"))).as("another browser").isFalse();
        assertThat(sessions.loggedInBeforeFrom(bob.id(), phone)).as("another user").isFalse();
    }

    private static Session session(UserId user, Instant at) {
        return new Session(SessionId.random(), user, Device.of("203.0.113.7", "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0", "\"Firefox\""),
                at, at, Optional.empty());
    }

    private static RefreshToken refreshToken(Session session, Instant issuedAt) {
        return new RefreshToken(OpaqueToken.generate().hash(), session.id(), session.user(), issuedAt, issuedAt.plus(Duration.ofDays(30)),
                Optional.empty(), Optional.empty());
    }
}
