package com.westbethel.motel.adapters.persistence.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.adapters.persistence.TestDatabase;
import com.westbethel.motel.application.identity.port.out.OneTimeTokens.Purpose;
import com.westbethel.motel.domain.identity.User;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class JdbcIdentityHousekeepingIT {

    private final JdbcClient jdbc = JdbcClient.create(TestDatabase.migrated());
    private final JdbcIdentityHousekeeping housekeeping = new JdbcIdentityHousekeeping(jdbc);
    private final Instant now = IdentityTables.now();

    @BeforeEach
    void emptyTables() {
        IdentityTables.empty(jdbc);
    }

    @Test
    void only_what_expired_before_the_instant_goes() {
        User anna = IdentityTables.added(new JdbcUsers(jdbc), "anna@example.com");
        JdbcOneTimeTokens tokens = new JdbcOneTimeTokens(jdbc);
        tokens.save("a".repeat(64), Purpose.PASSWORD_RESET, anna.id(), now.minus(Duration.ofDays(3)));
        tokens.save("b".repeat(64), Purpose.PASSWORD_RESET, anna.id(), now.plus(Duration.ofHours(1)));
        jdbc.sql("INSERT INTO revoked_tokens (kind, id, expires_at) VALUES ('JTI', 'old', now() - interval '3 days'), ('JTI', 'live', now() + interval '1 hour')").update();

        long deleted = housekeeping.deleteTokensExpiredBefore(now.minus(Duration.ofDays(1)));

        assertThat(deleted).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM one_time_tokens").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT id FROM revoked_tokens").query(String.class).single()).isEqualTo("live");
    }

    @Test
    void a_counter_still_locking_someone_is_kept() {
        JdbcLoginAttempts attempts = new JdbcLoginAttempts(jdbc);
        attempts.recordFailure("idle", now.minus(Duration.ofDays(2)), Duration.ofMinutes(15));
        attempts.recordFailure("locked", now.minus(Duration.ofDays(2)), Duration.ofMinutes(15));
        attempts.lock("locked", now.plus(Duration.ofMinutes(5)));

        assertThat(housekeeping.deleteLoginCountersIdleSince(now.minus(Duration.ofDays(1)))).isEqualTo(1);
        assertThat(jdbc.sql("SELECT key FROM login_throttle").query(String.class).single()).isEqualTo("locked");
    }
}
