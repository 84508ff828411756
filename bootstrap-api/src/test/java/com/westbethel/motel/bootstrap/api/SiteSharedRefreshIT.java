package com.westbethel.motel.bootstrap.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.identity.port.in.RefreshSharedTokensUseCase;
import com.westbethel.motel.application.identity.port.in.RefreshTokensUseCase.RefreshResult;
import com.westbethel.motel.domain.identity.Device;
import com.westbethel.motel.domain.identity.OpaqueToken;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * One visitor's web session, served by several replicas at the moment its access token expires: each replica refreshes
 * with the refresh token the session holds. A refresh token works once, so without taking turns through PostgreSQL the
 * second refresh looks like a stolen token, ends the account session and mails a "token reused" alert. No cache in a
 * process helps here: each thread below plays a replica, with nothing shared but the database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SiteSharedRefreshIT extends AbstractApiIT {

    private static final int REPLICAS = 4;
    private static final Device BROWSER = Device.of("127.0.0.1", "Firefox on Linux");

    @Autowired
    RefreshSharedTokensUseCase refresh;

    @Test
    void replicas_refreshing_one_web_session_at_once_refresh_it_once_and_the_session_survives_without_an_alert() throws Exception {
        // given
        String email = guests.verifiedGuest("two-replicas");
        String refreshToken = guests.logIn(email, Guests.PASSWORD).json().path("refreshToken").asString();
        CountDownLatch start = new CountDownLatch(1);
        Callable<RefreshResult> replica = () -> {
            start.await();
            return refresh.refresh(refreshToken, BROWSER);
        };

        // when
        ExecutorService replicas = Executors.newFixedThreadPool(REPLICAS);
        List<RefreshResult> results;
        try {
            List<Future<RefreshResult>> running = IntStream.range(0, REPLICAS).mapToObj(i -> replicas.submit(replica)).toList();
            start.countDown();
            results = running.stream().map(SiteSharedRefreshIT::outcome).toList();
        } finally {
            replicas.shutdownNow();
        }

        // then
        assertThat(results).allSatisfy(result -> assertThat(result).isInstanceOf(RefreshResult.Refreshed.class));
        assertThat(results).as("one pair, handed to every replica").containsOnly(results.get(0));
        assertThat(rotations(email)).as("one refresh").isOne();
        assertThat(activeSessions(email)).isOne();
        assertThat(reuseAlerts(email)).as("no token-reused alert").isZero();
        String next = ((RefreshResult.Refreshed) results.get(0)).tokens().refreshToken();
        assertThat(jdbc.sql("SELECT access_token || refresh_token FROM shared_token_refreshes WHERE refresh_token_hash = :hash")
                .param("hash", OpaqueToken.hash(refreshToken)).query(String.class).single()).as("kept sealed").doesNotContain(next);
        assertThat(http.post("/api/v1/auth/refresh", HttpProbe.json(Map.of("refreshToken", next))).status())
                .as("the shared pair goes on working").isEqualTo(200);
    }

    private static RefreshResult outcome(Future<RefreshResult> running) {
        try {
            return running.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private long rotations(String email) {
        return jdbc.sql("SELECT count(*) FROM refresh_tokens r JOIN user_sessions s ON s.id = r.session_id JOIN users u ON u.id = s.user_id "
                + "WHERE u.email = :email AND r.rotated_at IS NOT NULL").param("email", email).query(Long.class).single();
    }

    private long reuseAlerts(String email) {
        return jdbc.sql("SELECT count(*) FROM security_events WHERE email = :email AND type = 'REFRESH_TOKEN_REUSED'").param("email", email)
                .query(Long.class).single();
    }

    private long activeSessions(String email) {
        return jdbc.sql("SELECT count(*) FROM user_sessions s JOIN users u ON u.id = s.user_id WHERE u.email = :email AND s.ended_at IS NULL")
                .param("email", email).query(Long.class).single();
    }
}
