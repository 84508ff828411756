package com.westbethel.motel.adapters.persistence.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.adapters.persistence.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class JdbcLoginAttemptsIT {

    private static final Duration FORGET_AFTER = Duration.ofMinutes(15);
    private static final String PACED = "password:account:anna@example.com";
    private static final int FREE_TRIES = 10;
    private static final Duration SPACING = Duration.ofSeconds(40);

    private final JdbcClient jdbc = JdbcClient.create(TestDatabase.migrated());
    private final JdbcLoginAttempts attempts = new JdbcLoginAttempts(jdbc);
    private final Instant now = IdentityTables.now();

    @BeforeEach
    void emptyTables() {
        IdentityTables.empty(jdbc);
    }

    @Test
    void failures_count_up_and_start_over_after_a_quiet_spell() {
        assertThat(attempts.recordFailure("password:192.0.2.1|anna@example.com", now, FORGET_AFTER)).isEqualTo(1);
        assertThat(attempts.recordFailure("password:192.0.2.1|anna@example.com", now.plusSeconds(1), FORGET_AFTER)).isEqualTo(2);

        assertThat(attempts.recordFailure("password:192.0.2.1|anna@example.com", now.plus(Duration.ofMinutes(20)), FORGET_AFTER)).isEqualTo(1);
    }

    @Test
    void concurrent_failures_are_all_counted() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> counts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            counts.add(pool.submit(() -> attempts.recordFailure("password:192.0.2.2", now, FORGET_AFTER)));
        }
        List<Integer> seen = new ArrayList<>();
        for (Future<Integer> count : counts) {
            seen.add(count.get());
        }
        pool.shutdown();

        assertThat(seen).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 40).boxed().toList());
    }

    @Test
    void the_latest_running_lock_among_the_keys_is_reported_and_an_ended_one_is_not() {
        attempts.recordFailure("a", now, FORGET_AFTER);
        attempts.recordFailure("b", now, FORGET_AFTER);
        attempts.lock("a", now.plusSeconds(30));
        attempts.lock("b", now.plusSeconds(60));

        assertThat(attempts.lockedUntil(List.of("a", "b", "c"), now)).contains(now.plusSeconds(60));
        assertThat(attempts.lockedUntil(List.of("a"), now.plusSeconds(31))).isEmpty();
    }

    @Test
    void a_shorter_lock_never_shortens_a_running_one() {
        attempts.recordFailure("a", now, FORGET_AFTER);
        attempts.lock("a", now.plusSeconds(120));

        attempts.lock("a", now.plusSeconds(30));

        assertThat(attempts.lockedUntil(List.of("a"), now)).contains(now.plusSeconds(120));
    }

    @Test // Account pace review, finding 1 (High): tries sent at once must not all pass before the first is counted
    void thirty_paced_claims_at_once_past_the_free_tries_admit_exactly_one() throws Exception {
        for (int i = 0; i < FREE_TRIES - 1; i++) {
            assertThat(claim(now)).as("free try " + (i + 1)).isEmpty();
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<Instant>>> claims = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            claims.add(pool.submit(() -> {
                assertThat(start.await(10, TimeUnit.SECONDS)).isTrue();
                return claim(now);
            }));
        }
        start.countDown();
        List<Optional<Instant>> outcomes = new ArrayList<>();
        for (Future<Optional<Instant>> claim : claims) {
            outcomes.add(claim.get(30, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(outcomes).filteredOn(Optional::isEmpty).as("admitted").hasSize(1);
        assertThat(outcomes).filteredOn(Optional::isPresent).as("refused, told when to come back")
                .hasSize(29).allSatisfy(refused -> assertThat(refused).contains(now.plus(SPACING)));
    }

    @Test // Account pace review, finding 1
    void a_paced_key_gives_one_turn_per_spacing_after_the_free_tries_and_forgets_after_a_quiet_spell() {
        for (int i = 0; i < FREE_TRIES; i++) {
            assertThat(claim(now)).isEmpty();
        }
        assertThat(claim(now.plusSeconds(39))).contains(now.plus(SPACING));
        assertThat(claim(now.plus(SPACING))).as("the next turn").isEmpty();
        assertThat(claim(now.plus(SPACING).plusSeconds(1))).contains(now.plus(SPACING).plus(SPACING));

        Instant quietHourLater = now.plus(SPACING).plus(Duration.ofHours(1)).plusSeconds(1);
        for (int i = 0; i < FREE_TRIES - 1; i++) {
            assertThat(claim(quietHourLater)).as("free again").isEmpty();
        }
    }

    @Test // Account pace review, finding 2: clearing the key (a login, a reset) gives the free tries back
    void clearing_a_paced_key_ends_its_wait() {
        for (int i = 0; i < FREE_TRIES; i++) {
            claim(now);
        }
        assertThat(claim(now)).isPresent();

        attempts.clear(PACED);

        assertThat(claim(now)).isEmpty();
    }

    private Optional<Instant> claim(Instant at) {
        return attempts.claimPacedTry(PACED, at, FREE_TRIES, SPACING, Duration.ofHours(1));
    }

    @Test
    void clearing_a_key_forgets_its_failures_and_lock() {
        attempts.recordFailure("a", now, FORGET_AFTER);
        attempts.lock("a", now.plusSeconds(30));

        attempts.clear("a");

        assertThat(attempts.lockedUntil(List.of("a"), now)).isEmpty();
        assertThat(attempts.recordFailure("a", now, FORGET_AFTER)).isEqualTo(1);
    }
}
