package com.westbethel.motel.adapters.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import com.westbethel.motel.domain.identity.Role;
import com.westbethel.motel.domain.identity.SessionId;
import com.westbethel.motel.domain.identity.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JjwtAccessTokensTest {

    private static final byte[] OLD_KEY = "an old key of thirty-two bytes!!".getBytes();
    private static final byte[] NEW_KEY = "a new key of thirty-two bytes!!!".getBytes();

    private final SettableClock clock = new SettableClock(Instant.parse("2027-06-01T12:00:00Z"));
    private final UserId anna = UserId.random();
    private final SessionId laptop = SessionId.random();

    @Test
    void an_issued_token_verifies_to_its_claims() {
        JjwtAccessTokens tokens = new JjwtAccessTokens("motel", Duration.ofMinutes(15), "new", Map.of("new", NEW_KEY), clock);

        var issued = tokens.issue(anna, laptop, EnumSet.of(Role.GUEST, Role.STAFF));
        AccessTokenClaims claims = tokens.verify(issued.token()).orElseThrow();

        assertThat(claims.user()).isEqualTo(anna);
        assertThat(claims.session()).isEqualTo(laptop);
        assertThat(claims.roles()).containsExactlyInAnyOrder(Role.GUEST, Role.STAFF);
        assertThat(claims.jti()).isEqualTo(issued.jti());
        assertThat(claims.expiresAt()).isEqualTo(Instant.parse("2027-06-01T12:15:00Z"));
    }

    @Test
    void an_expired_token_is_refused_even_after_it_was_verified_and_cached() {
        JjwtAccessTokens tokens = new JjwtAccessTokens("motel", Duration.ofMinutes(15), "new", Map.of("new", NEW_KEY), clock);
        String token = tokens.issue(anna, laptop, EnumSet.of(Role.GUEST)).token();
        assertThat(tokens.verify(token)).isPresent();

        clock.set(Instant.parse("2027-06-01T12:15:31Z"));

        assertThat(tokens.verify(token)).isEmpty();
    }

    @Test
    void after_a_key_rotation_tokens_signed_with_the_previous_key_still_verify() {
        JjwtAccessTokens before = new JjwtAccessTokens("motel", Duration.ofMinutes(15), "old", Map.of("old", OLD_KEY), clock);
        String oldToken = before.issue(anna, laptop, EnumSet.of(Role.GUEST)).token();

        JjwtAccessTokens after = new JjwtAccessTokens("motel", Duration.ofMinutes(15), "new", Map.of("old", OLD_KEY, "new", NEW_KEY), clock);

        assertThat(after.verify(oldToken)).isPresent();
        assertThat(after.verify(after.issue(anna, laptop, EnumSet.of(Role.GUEST)).token())).isPresent();
    }

    @Test
    void a_token_naming_a_retired_key_or_another_issuer_is_refused() {
        String oldToken = new JjwtAccessTokens("motel", Duration.ofMinutes(15), "old", Map.of("old", OLD_KEY), clock)
                .issue(anna, laptop, EnumSet.of(Role.GUEST)).token();
        String otherIssuer = new JjwtAccessTokens("elsewhere", Duration.ofMinutes(15), "new", Map.of("new", NEW_KEY), clock)
                .issue(anna, laptop, EnumSet.of(Role.GUEST)).token();

        JjwtAccessTokens current = new JjwtAccessTokens("motel", Duration.ofMinutes(15), "new", Map.of("new", NEW_KEY), clock);

        assertThat(current.verify(oldToken)).isEmpty();
        assertThat(current.verify(otherIssuer)).isEmpty();
    }

    @Test
    void a_tampered_payload_is_refused() {
        JjwtAccessTokens tokens = new JjwtAccessTokens("motel", Duration.ofMinutes(15), "new", Map.of("new", NEW_KEY), clock);
        String[] parts = tokens.issue(anna, laptop, EnumSet.of(Role.GUEST)).token().split("\\.");
        String admin = tokens.issue(anna, laptop, EnumSet.of(Role.ADMIN)).token().split("\\.")[1];

        assertThat(tokens.verify(parts[0] + "." + admin + "." + parts[2])).isEmpty();
    }

    @Test
    void keys_shorter_than_256_bits_are_refused_at_start() {
        assertThatThrownBy(() -> new JjwtAccessTokens("motel", Duration.ofMinutes(15), "short", Map.of("short", new byte[16]), clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs at least 256");
    }

    private static final class SettableClock extends Clock {

        private Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
