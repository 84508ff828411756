package com.westbethel.motel.adapters.persistence.identity;

import static com.westbethel.motel.application.identity.port.out.OneTimeTokens.Purpose.EMAIL_VERIFICATION;
import static com.westbethel.motel.application.identity.port.out.OneTimeTokens.Purpose.PASSWORD_RESET;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.adapters.persistence.TestDatabase;
import com.westbethel.motel.domain.identity.OpaqueToken;
import com.westbethel.motel.domain.identity.User;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class JdbcOneTimeTokensIT {

    private static final Duration LIFETIME = Duration.ofHours(1);

    private final JdbcClient jdbc = JdbcClient.create(TestDatabase.migrated());
    private final JdbcUsers users = new JdbcUsers(jdbc);
    private final JdbcOneTimeTokens tokens = new JdbcOneTimeTokens(jdbc);
    private final Instant now = IdentityTables.now();
    private User anna;
    private User bob;

    @BeforeEach
    void annaAndBobWithoutTokens() {
        IdentityTables.empty(jdbc);
        anna = IdentityTables.added(users, "anna@example.com");
        bob = IdentityTables.added(users, "bob@example.com");
    }

    @Test
    void peeking_names_the_user_without_using_the_token() {
        String hash = OpaqueToken.generate().hash();
        tokens.save(hash, PASSWORD_RESET, anna.id(), now.plus(LIFETIME));

        assertThat(tokens.peek(hash, PASSWORD_RESET, now)).contains(anna.id());
        assertThat(tokens.peek(hash, PASSWORD_RESET, now)).contains(anna.id());

        assertThat(tokens.consume(hash, PASSWORD_RESET, now)).contains(anna.id());
    }

    @Test
    void a_token_is_consumed_only_once() {
        String hash = OpaqueToken.generate().hash();
        tokens.save(hash, EMAIL_VERIFICATION, anna.id(), now.plus(LIFETIME));

        assertThat(tokens.consume(hash, EMAIL_VERIFICATION, now)).contains(anna.id());
        assertThat(tokens.consume(hash, EMAIL_VERIFICATION, now.plusSeconds(1))).isEmpty();
        assertThat(tokens.peek(hash, EMAIL_VERIFICATION, now.plusSeconds(1))).isEmpty();
    }

    @Test
    void consuming_records_when_the_token_was_used() {
        String hash = OpaqueToken.generate().hash();
        tokens.save(hash, EMAIL_VERIFICATION, anna.id(), now.plus(LIFETIME));

        tokens.consume(hash, EMAIL_VERIFICATION, now);

        assertThat(jdbc.sql("SELECT used_at FROM one_time_tokens WHERE token_hash = :hash").param("hash", hash)
                .query(OffsetDateTime.class).single().toInstant()).isEqualTo(now);
    }

    @Test
    void an_expired_token_is_neither_peeked_nor_consumed() {
        String hash = OpaqueToken.generate().hash();
        tokens.save(hash, PASSWORD_RESET, anna.id(), now.plus(LIFETIME));
        Instant afterExpiry = now.plus(LIFETIME).plusSeconds(1);

        assertThat(tokens.peek(hash, PASSWORD_RESET, afterExpiry)).isEmpty();
        assertThat(tokens.consume(hash, PASSWORD_RESET, afterExpiry)).isEmpty();
    }

    @Test
    void a_token_is_refused_at_the_very_instant_it_expires() {
        String hash = OpaqueToken.generate().hash();
        tokens.save(hash, PASSWORD_RESET, anna.id(), now.plus(LIFETIME));

        assertThat(tokens.peek(hash, PASSWORD_RESET, now.plus(LIFETIME))).isEmpty();
        assertThat(tokens.consume(hash, PASSWORD_RESET, now.plus(LIFETIME))).isEmpty();
        assertThat(tokens.consume(hash, PASSWORD_RESET, now.plus(LIFETIME).minusNanos(1000))).contains(anna.id());
    }

    @Test
    void a_token_works_only_for_the_purpose_it_was_issued_for() {
        String hash = OpaqueToken.generate().hash();
        tokens.save(hash, EMAIL_VERIFICATION, anna.id(), now.plus(LIFETIME));

        assertThat(tokens.peek(hash, PASSWORD_RESET, now)).isEmpty();
        assertThat(tokens.consume(hash, PASSWORD_RESET, now)).isEmpty();

        assertThat(tokens.consume(hash, EMAIL_VERIFICATION, now)).contains(anna.id());
    }

    @Test
    void an_unknown_token_names_nobody() {
        assertThat(tokens.peek(OpaqueToken.generate().hash(), PASSWORD_RESET, now)).isEmpty();
        assertThat(tokens.consume(OpaqueToken.generate().hash(), PASSWORD_RESET, now)).isEmpty();
    }

    @Test
    void invalidate_all_ends_every_outstanding_token_of_that_purpose_for_that_user_only() {
        String firstReset = OpaqueToken.generate().hash();
        String secondReset = OpaqueToken.generate().hash();
        String verification = OpaqueToken.generate().hash();
        String bobsReset = OpaqueToken.generate().hash();
        tokens.save(firstReset, PASSWORD_RESET, anna.id(), now.plus(LIFETIME));
        tokens.save(secondReset, PASSWORD_RESET, anna.id(), now.plus(LIFETIME));
        tokens.save(verification, EMAIL_VERIFICATION, anna.id(), now.plus(LIFETIME));
        tokens.save(bobsReset, PASSWORD_RESET, bob.id(), now.plus(LIFETIME));

        tokens.invalidateAll(anna.id(), PASSWORD_RESET, now);

        assertThat(tokens.peek(firstReset, PASSWORD_RESET, now)).isEmpty();
        assertThat(tokens.consume(secondReset, PASSWORD_RESET, now)).isEmpty();
        assertThat(tokens.peek(verification, EMAIL_VERIFICATION, now)).contains(anna.id());
        assertThat(tokens.peek(bobsReset, PASSWORD_RESET, now)).contains(bob.id());
    }

    @Test
    void a_token_saved_after_invalidate_all_works() {
        tokens.save(OpaqueToken.generate().hash(), PASSWORD_RESET, anna.id(), now.plus(LIFETIME));
        tokens.invalidateAll(anna.id(), PASSWORD_RESET, now);
        String newer = OpaqueToken.generate().hash();

        tokens.save(newer, PASSWORD_RESET, anna.id(), now.plus(LIFETIME));

        assertThat(tokens.consume(newer, PASSWORD_RESET, now)).contains(anna.id());
    }
}
