package com.westbethel.motel.adapters.persistence.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.adapters.persistence.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class JdbcLoginAttemptsIT {

    private static final Duration FORGET_AFTER = Duration.ofMinutes(15);

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

    @Test
    void clearing_a_key_forgets_its_failures_and_lock() {
        attempts.recordFailure("a", now, FORGET_AFTER);
        attempts.lock("a", now.plusSeconds(30));

        attempts.clear("a");

        assertThat(attempts.lockedUntil(List.of("a"), now)).isEmpty();
        assertThat(attempts.recordFailure("a", now, FORGET_AFTER)).isEqualTo(1);
    }
}
