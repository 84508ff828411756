package com.westbethel.motel.bootstrap.api;

import static com.westbethel.motel.bootstrap.api.HttpProbe.json;
import static com.westbethel.motel.bootstrap.api.Guests.randomAddress;
import static com.westbethel.motel.bootstrap.api.Guests.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.identity.port.out.PasswordHasher;
import com.westbethel.motel.bootstrap.api.HttpProbe.Reply;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The API as production starts it, without a proxy in front: no proxy is trusted, so a client's own
 * {@code X-Forwarded-For} and {@code X-Forwarded-Proto} are ignored (finding 1 of issue 10). A pool of two
 * connections and a hasher that notes whether a transaction is open show that passwords are hashed
 * outside database transactions (finding 2).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.tomcat.remoteip.internal-proxies=",
        "motel.rate-limit.per-address.mfa=3/1m",
        "spring.datasource.hikari.maximum-pool-size=2"})
class NoProxyIT extends AbstractApiIT {

    /** Each hash and check of a password, with whether a database transaction was open at that moment. */
    static final List<Boolean> HASHED_INSIDE_A_TRANSACTION = new CopyOnWriteArrayList<>();
    /** Each check of a password against its hash (a login), with whether a database transaction was open at that moment. */
    static final List<Boolean> CHECKED_INSIDE_A_TRANSACTION = new CopyOnWriteArrayList<>();

    @TestConfiguration
    static class RecordingHasher {

        @Bean
        static BeanPostProcessor recordWhereHashingHappens() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (!(bean instanceof PasswordHasher hasher)) {
                        return bean;
                    }
                    return new PasswordHasher() {
                        @Override
                        public String hash(String password) {
                            HASHED_INSIDE_A_TRANSACTION.add(TransactionSynchronizationManager.isActualTransactionActive());
                            return hasher.hash(password);
                        }

                        @Override
                        public boolean matches(String password, String hash) {
                            CHECKED_INSIDE_A_TRANSACTION.add(TransactionSynchronizationManager.isActualTransactionActive());
                            return hasher.matches(password, hash);
                        }
                    };
                }
            };
        }
    }

    @Test
    void a_fresh_x_forwarded_for_per_request_does_not_get_past_a_rate_limit() {
        Reply last = null;
        for (int i = 0; i < 4; i++) {
            last = http.send(http.request("/api/v1/auth/mfa/verify").header("Content-Type", "application/json")
                    .header("X-Forwarded-For", randomAddress())
                    .POST(HttpRequest.BodyPublishers.ofString(json(Map.of("mfaToken", "no-such-challenge", "code", "123456")))));
        }

        assertThat(last.status()).isEqualTo(429);
    }

    @Test
    void a_fresh_x_forwarded_for_per_request_does_not_get_past_the_login_lockout() {
        String email = uniqueEmail("proxy");
        for (int i = 0; i < 5; i++) {
            assertThat(guests.failedLogInFrom(randomAddress(), email).status()).isEqualTo(401);
        }

        Reply locked = guests.failedLogInFrom(randomAddress(), email);

        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.json().path("type").asString()).isEqualTo("/problems/login-locked");
        assertThat(jdbc.sql("SELECT DISTINCT ip_address FROM security_events WHERE email = :email").param("email", email)
                .query(String.class).list()).as("the peer's address, not the header").containsAnyOf("127.0.0.1", "::1").hasSize(1);
    }

    @Test
    void x_forwarded_proto_from_a_client_does_not_make_the_request_secure() {
        Reply reply = http.send(http.request("/api/v1/room-types").header("X-Forwarded-Proto", "https").GET());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Strict-Transport-Security")).isNull();
    }

    @Test
    void sign_ups_hash_the_password_before_any_transaction_opens_and_many_at_once_fit_a_pool_of_two() {
        HASHED_INSIDE_A_TRANSACTION.clear();

        List<Reply> replies = IntStream.range(0, 12)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> guests.register(uniqueEmail("proxy"), Guests.PASSWORD)))
                .toList().stream().map(CompletableFuture::join).toList();

        assertThat(replies).extracting(Reply::status).allMatch(status -> status == 201 || status == 202);
        assertThat(HASHED_INSIDE_A_TRANSACTION).hasSizeGreaterThanOrEqualTo(12).containsOnly(false);
    }

    @Test
    void logins_check_the_password_outside_any_transaction_and_many_at_once_fit_a_pool_of_two() {
        String email = guests.verifiedGuest("proxy");
        CHECKED_INSIDE_A_TRANSACTION.clear();

        List<Reply> replies = IntStream.range(0, 12)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> guests.logIn(email, i % 6 == 0 ? Guests.WRONG_PASSWORD : Guests.PASSWORD)))
                .toList().stream().map(CompletableFuture::join).toList();

        assertThat(replies).extracting(Reply::status).containsOnly(200, 401);
        assertThat(replies).filteredOn(reply -> reply.status() == 200).hasSize(10);
        assertThat(CHECKED_INSIDE_A_TRANSACTION).hasSize(12).containsOnly(false);
    }

    @Test
    void mfa_set_up_and_disable_check_the_password_outside_any_transaction() {
        String email = guests.verifiedGuest("proxy");
        String bearer = guests.accessToken(email);
        CHECKED_INSIDE_A_TRANSACTION.clear();

        Reply wrong = http.post("/api/v1/auth/mfa/setup", json(Map.of("password", Guests.WRONG_PASSWORD)), bearer);
        Reply setUp = http.post("/api/v1/auth/mfa/setup", json(Map.of("password", Guests.PASSWORD)), bearer);
        Reply disable = http.post("/api/v1/auth/mfa/disable", json(Map.of("password", Guests.PASSWORD)), bearer);

        assertThat(wrong.status()).isEqualTo(400);
        assertThat(setUp.status()).isEqualTo(200);
        assertThat(disable.status()).isLessThan(500); // MFA was set up but not confirmed: nothing to turn off
        assertThat(CHECKED_INSIDE_A_TRANSACTION).hasSize(3).containsOnly(false);
    }
}
