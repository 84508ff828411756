package com.westbethel.motel.adapters.persistence.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.westbethel.motel.adapters.persistence.TestDatabase;
import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import com.westbethel.motel.domain.identity.Role;
import com.westbethel.motel.domain.identity.SessionId;
import com.westbethel.motel.domain.identity.User;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The revocation list against the real PostgreSQL and the real Redis. Redis database 1 is the test's own:
 * it is flushed freely, database 0 is never touched.
 */
class RedisBackedRevocationListIT {

    private static final int REDIS_TEST_DATABASE = 1;
    private static final Duration ACCESS_TOKEN_TTL = Duration.ofMinutes(15);
    private static final Duration RELOAD_WAIT = Duration.ofSeconds(10);
    private static final String MARKER = RedisBackedRevocationList.MARKER;
    private static final String JTI_KEY = "motel:revoked:jti:";
    private static final String SESSION_KEY = "motel:revoked:sid:";
    private static final String NOT_BEFORE_KEY = "motel:revoked:nbf:";

    private static LettuceConnectionFactory redisFactory;
    private static StringRedisTemplate redis;

    private final DataSource dataSource = TestDatabase.migrated();
    private final JdbcClient jdbc = JdbcClient.create(dataSource);
    private final JdbcUsers users = new JdbcUsers(jdbc);
    /** The system clock at PostgreSQL's precision, so that instants survive a round trip. */
    private final Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    private final RedisBackedRevocationList revocations = new RedisBackedRevocationList(jdbc, redis, ACCESS_TOKEN_TTL, clock);
    private final List<AutoCloseable> closeAfterTest = new CopyOnWriteArrayList<>();
    private User anna;
    private User bob;

    @BeforeAll
    static void connectToRedisTestDatabase() {
        redisFactory = factory(6379, LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(5)).build());
        redis = new StringRedisTemplate(redisFactory);
    }

    @AfterAll
    static void leaveRedisTestDatabaseEmptyAndDisconnect() {
        flushRedisTestDatabase();
        redisFactory.destroy();
    }

    @BeforeEach
    void emptyRevocationListWithACompleteCopyInRedis() {
        IdentityTables.empty(jdbc);
        flushRedisTestDatabase();
        anna = IdentityTables.added(users, "anna@example.com");
        bob = IdentityTables.added(users, "bob@example.com");
        revocations.reload();
        assertThat(redis.hasKey(MARKER)).isTrue();
    }

    @AfterEach
    void closeWhatTheTestOpened() throws Exception {
        for (int last = closeAfterTest.size() - 1; last >= 0; last--) {
            closeAfterTest.get(last).close();
        }
    }

    @Test
    void a_revoked_token_id_is_refused_and_other_tokens_of_the_same_session_pass() {
        SessionId session = SessionId.random();
        AccessTokenClaims revoked = token(anna, session, now());
        AccessTokenClaims other = token(anna, session, now());

        revocations.revokeToken(revoked.jti(), revoked.expiresAt());

        assertThat(revocations.isRevoked(revoked)).isTrue();
        assertThat(revocations.isRevoked(other)).isFalse();
    }

    @Test
    void a_revoked_token_id_is_in_redis_until_the_token_would_have_expired() {
        AccessTokenClaims revoked = token(anna, SessionId.random(), now());

        revocations.revokeToken(revoked.jti(), revoked.expiresAt());

        assertThat(redis.opsForValue().get(JTI_KEY + revoked.jti())).isNotNull();
        assertThat(redis.getExpire(JTI_KEY + revoked.jti(), TimeUnit.SECONDS))
                .isBetween(ACCESS_TOKEN_TTL.toSeconds() - 60, ACCESS_TOKEN_TTL.toSeconds());
    }

    @Test
    void a_revoked_session_refuses_every_token_of_that_session_only() {
        SessionId ended = SessionId.random();
        SessionId other = SessionId.random();

        revocations.revokeSession(ended, now().plus(ACCESS_TOKEN_TTL));

        assertThat(revocations.isRevoked(token(anna, ended, now().minusSeconds(60)))).isTrue();
        assertThat(revocations.isRevoked(token(anna, ended, now()))).isTrue();
        assertThat(revocations.isRevoked(token(anna, other, now()))).isFalse();
        assertThat(redis.hasKey(SESSION_KEY + ended)).isTrue();
    }

    @Test
    void a_user_not_before_refuses_tokens_issued_in_whole_seconds_before_it_but_not_tokens_issued_after() {
        Instant notBefore = notBeforeFor(anna);
        long second = notBefore.getEpochSecond();

        assertNotBeforeHonoured(revocations, anna, second);
        assertThat(redis.opsForValue().get(NOT_BEFORE_KEY + anna.id())).isEqualTo(String.valueOf(second));
    }

    @Test
    void a_user_not_before_leaves_other_users_tokens_alone() {
        Instant notBefore = notBeforeFor(anna);

        assertThat(revocations.isRevoked(token(bob, SessionId.random(), notBefore.minusSeconds(60)))).isFalse();
    }

    @Test
    void while_redis_holds_a_complete_copy_the_check_is_answered_by_redis() {
        AccessTokenClaims onlyInRedis = token(anna, SessionId.random(), now());

        redis.opsForValue().set(JTI_KEY + onlyInRedis.jti(), "1", ACCESS_TOKEN_TTL);

        assertThat(revocations.isRevoked(onlyInRedis)).isTrue();
    }

    @Test
    void every_revoked_token_and_session_is_recorded_in_postgresql() {
        AccessTokenClaims revoked = token(anna, SessionId.random(), now());
        SessionId session = SessionId.random();
        Instant sessionUntil = now().plus(ACCESS_TOKEN_TTL);

        revocations.revokeToken(revoked.jti(), revoked.expiresAt());
        revocations.revokeSession(session, sessionUntil);

        assertThat(recordedExpiry("JTI", revoked.jti())).isEqualTo(revoked.expiresAt());
        assertThat(recordedExpiry("SESSION", session.toString())).isEqualTo(sessionUntil);
    }

    @Test
    void revoking_the_same_token_again_keeps_the_later_expiry() {
        String jti = UUID.randomUUID().toString();
        Instant later = now().plus(ACCESS_TOKEN_TTL);

        revocations.revokeToken(jti, later);
        revocations.revokeToken(jti, later.minusSeconds(600));

        assertThat(recordedExpiry("JTI", jti)).isEqualTo(later);
        assertThat(jdbc.sql("SELECT count(*) FROM revoked_tokens").query(Integer.class).single()).isOne();
    }

    @Test
    void after_redis_loses_everything_revocations_still_hold_and_redis_is_reloaded_from_postgresql() {
        SessionId endedSession = SessionId.random();
        AccessTokenClaims revoked = token(anna, SessionId.random(), now());
        AccessTokenClaims ofEndedSession = token(anna, endedSession, now());
        AccessTokenClaims innocent = token(bob, SessionId.random(), now());
        revocations.revokeToken(revoked.jti(), revoked.expiresAt());
        revocations.revokeSession(endedSession, now().plus(ACCESS_TOKEN_TTL));
        Instant notBefore = notBeforeFor(anna);

        flushRedisTestDatabase();

        assertThat(revocations.isRevoked(revoked)).isTrue();
        assertThat(revocations.isRevoked(ofEndedSession)).isTrue();
        assertThat(revocations.isRevoked(token(anna, SessionId.random(), notBefore.minusSeconds(5)))).isTrue();
        assertThat(revocations.isRevoked(innocent)).isFalse();
        await().atMost(RELOAD_WAIT).untilAsserted(() -> {
            assertThat(redis.hasKey(MARKER)).isTrue();
            assertThat(redis.hasKey(JTI_KEY + revoked.jti())).isTrue();
        });
        assertThat(redis.hasKey(SESSION_KEY + endedSession)).isTrue();
        assertThat(redis.opsForValue().get(NOT_BEFORE_KEY + anna.id())).isEqualTo(String.valueOf(notBefore.getEpochSecond()));
        assertThat(revocations.isRevoked(revoked)).isTrue();
        assertThat(revocations.isRevoked(innocent)).isFalse();
    }

    @Test
    void a_reload_copies_only_the_entries_still_alive() {
        AccessTokenClaims live = token(anna, SessionId.random(), now());
        revocations.revokeToken(live.jti(), live.expiresAt());
        String expiredJti = UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO revoked_tokens (kind, id, expires_at) VALUES ('JTI', :id, :expiresAt)")
                .param("id", expiredJti)
                .param("expiresAt", OffsetDateTime.ofInstant(now().minusSeconds(1), ZoneOffset.UTC))
                .update();
        Instant annasNotBefore = notBeforeFor(anna);
        bob.revokeTokensIssuedBefore(now().minus(ACCESS_TOKEN_TTL).minusSeconds(60));
        users.update(bob);
        flushRedisTestDatabase();

        revocations.reload();

        assertThat(redis.hasKey(MARKER)).isTrue();
        assertThat(redis.hasKey(JTI_KEY + live.jti())).isTrue();
        assertThat(redis.getExpire(JTI_KEY + live.jti(), TimeUnit.SECONDS)).isPositive().isLessThanOrEqualTo(ACCESS_TOKEN_TTL.toSeconds());
        assertThat(redis.hasKey(JTI_KEY + expiredJti)).isFalse();
        assertThat(redis.opsForValue().get(NOT_BEFORE_KEY + anna.id())).isEqualTo(String.valueOf(annasNotBefore.getEpochSecond()));
        assertThat(redis.getExpire(NOT_BEFORE_KEY + anna.id(), TimeUnit.SECONDS)).isPositive().isLessThanOrEqualTo(ACCESS_TOKEN_TTL.toSeconds());
        assertThat(redis.hasKey(NOT_BEFORE_KEY + bob.id())).isFalse();
    }

    @Test
    void an_expired_revocation_no_longer_refuses_the_token_in_postgresql() {
        AccessTokenClaims token = token(anna, SessionId.random(), now().minus(ACCESS_TOKEN_TTL));
        jdbc.sql("INSERT INTO revoked_tokens (kind, id, expires_at) VALUES ('JTI', :id, :expiresAt)")
                .param("id", token.jti())
                .param("expiresAt", OffsetDateTime.ofInstant(now().minusSeconds(1), ZoneOffset.UTC))
                .update();
        flushRedisTestDatabase();

        assertThat(revocations.isRevoked(token)).isFalse();
        await().atMost(RELOAD_WAIT).untilAsserted(() -> assertThat(redis.hasKey(MARKER)).isTrue());
        assertThat(redis.hasKey(JTI_KEY + token.jti())).isFalse();
    }

    @Test
    void with_redis_unreachable_revocations_hold_through_postgresql_and_checks_do_not_throw() throws IOException {
        RedisBackedRevocationList withoutRedis = new RedisBackedRevocationList(jdbc, unreachableRedis(closedPort()), ACCESS_TOKEN_TTL, clock);
        SessionId endedSession = SessionId.random();
        AccessTokenClaims revoked = token(anna, SessionId.random(), now());
        revocations.revokeToken(revoked.jti(), revoked.expiresAt());
        revocations.revokeSession(endedSession, now().plus(ACCESS_TOKEN_TTL));
        long notBeforeSecond = notBeforeFor(anna).getEpochSecond();
        AccessTokenClaims innocent = token(bob, SessionId.random(), now());

        assertThatCode(() -> withoutRedis.isRevoked(innocent)).doesNotThrowAnyException();
        assertThat(withoutRedis.isRevoked(revoked)).isTrue();
        assertThat(withoutRedis.isRevoked(token(anna, endedSession, now()))).isTrue();
        assertThat(withoutRedis.isRevoked(innocent)).isFalse();
        assertNotBeforeHonoured(withoutRedis, anna, notBeforeSecond);
    }

    @Test
    void with_redis_unreachable_a_new_revocation_is_recorded_in_postgresql_and_holds() throws IOException {
        RedisBackedRevocationList withoutRedis = new RedisBackedRevocationList(jdbc, unreachableRedis(closedPort()), ACCESS_TOKEN_TTL, clock);
        AccessTokenClaims revoked = token(anna, SessionId.random(), now());
        SessionId endedSession = SessionId.random();

        assertThatCode(() -> {
            withoutRedis.revokeToken(revoked.jti(), revoked.expiresAt());
            withoutRedis.revokeSession(endedSession, now().plus(ACCESS_TOKEN_TTL));
        }).doesNotThrowAnyException();

        assertThat(withoutRedis.isRevoked(revoked)).isTrue();
        assertThat(withoutRedis.isRevoked(token(bob, endedSession, now()))).isTrue();
        assertThat(recordedExpiry("JTI", revoked.jti())).isEqualTo(revoked.expiresAt());
    }

    @Test
    void when_redis_comes_back_after_missing_a_write_it_is_reloaded_before_it_is_trusted_again() throws IOException {
        int port = closedPort();
        SteppingClock steppingClock = new SteppingClock();
        RedisBackedRevocationList cutOff = new RedisBackedRevocationList(jdbc, unreachableRedis(port), ACCESS_TOKEN_TTL, steppingClock);
        AccessTokenClaims revoked = token(anna, SessionId.random(), now());
        cutOff.revokeToken(revoked.jti(), revoked.expiresAt());
        assertThat(redis.hasKey(JTI_KEY + revoked.jti())).isFalse();

        closeAfterTest.add(new TcpProxy(port, 6379));
        steppingClock.advance(Duration.ofMinutes(1));

        assertThat(cutOff.isRevoked(revoked)).isTrue();
        await().atMost(RELOAD_WAIT).untilAsserted(() -> {
            assertThat(redis.hasKey(MARKER)).isTrue();
            assertThat(redis.hasKey(JTI_KEY + revoked.jti())).isTrue();
        });
        assertThat(revocations.isRevoked(revoked)).isTrue();
        assertThat(cutOff.isRevoked(revoked)).isTrue();
    }

    @Test
    void a_revocation_in_a_transaction_reaches_redis_only_once_it_commits() {
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        AccessTokenClaims revoked = token(anna, SessionId.random(), now());

        transaction.executeWithoutResult(status -> {
            revocations.revokeToken(revoked.jti(), revoked.expiresAt());
            assertThat(redis.hasKey(JTI_KEY + revoked.jti())).as("in Redis before the commit").isFalse();
        });

        assertThat(redis.hasKey(JTI_KEY + revoked.jti())).isTrue();
        assertThat(revocations.isRevoked(revoked)).isTrue();
    }

    @Test
    void a_revocation_in_a_transaction_that_rolls_back_revokes_nothing() {
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        AccessTokenClaims token = token(anna, SessionId.random(), now());

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            revocations.revokeToken(token.jti(), token.expiresAt());
            throw new IllegalStateException("the logout failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(redis.hasKey(JTI_KEY + token.jti())).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM revoked_tokens").query(Integer.class).single()).isZero();
        assertThat(revocations.isRevoked(token)).isFalse();
    }

    /** Tokens carry whole seconds (JWT {@code iat}); the not-before refuses those from a second before it. */
    private static void assertNotBeforeHonoured(RedisBackedRevocationList list, User user, long notBeforeSecond) {
        SessionId session = SessionId.random();
        assertThat(list.isRevoked(token(user, session, Instant.ofEpochSecond(notBeforeSecond - 600)))).as("10 minutes before").isTrue();
        assertThat(list.isRevoked(token(user, session, Instant.ofEpochSecond(notBeforeSecond - 1)))).as("a second before").isTrue();
        assertThat(list.isRevoked(token(user, session, Instant.ofEpochSecond(notBeforeSecond)))).as("in the same second").isFalse();
        assertThat(list.isRevoked(token(user, session, Instant.ofEpochSecond(notBeforeSecond + 1)))).as("a second after").isFalse();
    }

    /** Logout everywhere for the user, as the use case does it: the instant with the user, then the revocation list. */
    private Instant notBeforeFor(User user) {
        Instant notBefore = now().truncatedTo(ChronoUnit.SECONDS).plusMillis(250);
        user.revokeTokensIssuedBefore(notBefore);
        users.update(user);
        revocations.revokeUserTokensIssuedBefore(user.id(), notBefore, notBefore.plus(ACCESS_TOKEN_TTL));
        return notBefore;
    }

    private static AccessTokenClaims token(User user, SessionId session, Instant issuedAt) {
        Instant wholeSeconds = issuedAt.truncatedTo(ChronoUnit.SECONDS);
        return new AccessTokenClaims(UUID.randomUUID().toString(), user.id(), session, Set.of(Role.GUEST), wholeSeconds,
                wholeSeconds.plus(ACCESS_TOKEN_TTL));
    }

    private Instant now() {
        return clock.instant();
    }

    private Instant recordedExpiry(String kind, String id) {
        return jdbc.sql("SELECT expires_at FROM revoked_tokens WHERE kind = :kind AND id = :id")
                .param("kind", kind)
                .param("id", id)
                .query(OffsetDateTime.class)
                .single()
                .toInstant();
    }

    private static void flushRedisTestDatabase() {
        redis.execute((RedisCallback<Void>) connection -> {
            connection.serverCommands().flushDb();
            return null;
        });
    }

    private StringRedisTemplate unreachableRedis(int port) {
        LettuceConnectionFactory factory = factory(port, LettuceClientConfiguration.builder()
                .commandTimeout(Duration.ofMillis(500))
                .clientOptions(ClientOptions.builder()
                        .socketOptions(SocketOptions.builder().connectTimeout(Duration.ofMillis(500)).build())
                        .build())
                .build());
        closeAfterTest.add(factory::destroy);
        return new StringRedisTemplate(factory);
    }

    private static LettuceConnectionFactory factory(int port, LettuceClientConfiguration client) {
        RedisStandaloneConfiguration server = new RedisStandaloneConfiguration("127.0.0.1", port);
        server.setDatabase(REDIS_TEST_DATABASE);
        LettuceConnectionFactory factory = new LettuceConnectionFactory(server, client);
        factory.afterPropertiesSet();
        factory.start();
        return factory;
    }

    /** A local port nothing listens on (it was free a moment ago). */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The system clock, moved forward on demand to get past the pause after a Redis failure. */
    private static final class SteppingClock extends Clock {

        private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);

        void advance(Duration duration) {
            ahead.updateAndGet(current -> current.plus(duration));
        }

        @Override
        public Instant instant() {
            return Instant.now().truncatedTo(ChronoUnit.MICROS).plus(ahead.get());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    /** Forwards a local port to Redis: "Redis is back" for a client that could not reach it on that port. */
    private static final class TcpProxy implements AutoCloseable {

        private final ServerSocket server = new ServerSocket();
        private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "redis-test-proxy");
            thread.setDaemon(true);
            return thread;
        });
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();

        TcpProxy(int port, int targetPort) throws IOException {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress("127.0.0.1", port));
            threads.submit(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket client = server.accept();
                        Socket upstream = new Socket("127.0.0.1", targetPort);
                        sockets.add(client);
                        sockets.add(upstream);
                        threads.submit(() -> pipe(client, upstream));
                        threads.submit(() -> pipe(upstream, client));
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        private static void pipe(Socket from, Socket to) {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException closed) {
                // either side went away; closing both ends below
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }

        private static void closeQuietly(Socket socket) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            sockets.forEach(TcpProxy::closeQuietly);
            threads.shutdownNow();
        }
    }
}
