package com.westbethel.motel.adapters.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import com.westbethel.motel.domain.identity.Role;
import com.westbethel.motel.domain.identity.SessionId;
import com.westbethel.motel.domain.identity.UserId;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

    // Finding 11: a token is plausible in time, not only well signed.
    @Test
    void a_token_issued_in_the_future_beyond_the_clock_skew_is_refused() {
        JjwtAccessTokens tokens = new JjwtAccessTokens("motel", Duration.ofMinutes(15), "new", NEW_KEY, Map.of(), Duration.ofSeconds(30), clock);
        Instant now = clock.instant();

        assertThat(tokens.verify(signed(NEW_KEY, "new", now.plusSeconds(20), now.plusSeconds(20).plus(Duration.ofMinutes(15))))).isPresent();
        assertThat(tokens.verify(signed(NEW_KEY, "new", now.plusSeconds(31 * 60), now.plusSeconds(31 * 60).plus(Duration.ofMinutes(15)))))
                .isEmpty();
        assertThat(tokens.verify(signed(NEW_KEY, "new", now.plusSeconds(60), now.plusSeconds(60).plus(Duration.ofMinutes(10))))).isEmpty();
    }

    // Finding 11
    @Test
    void a_token_living_longer_than_the_configured_lifetime_is_refused() {
        JjwtAccessTokens tokens = new JjwtAccessTokens("motel", Duration.ofMinutes(15), "new", NEW_KEY, Map.of(), Duration.ofSeconds(30), clock);
        Instant now = clock.instant();

        assertThat(tokens.verify(signed(NEW_KEY, "new", now, now.plus(Duration.ofMinutes(15))))).isPresent();
        assertThat(tokens.verify(signed(NEW_KEY, "new", now, now.plus(Duration.ofMinutes(15)).plusSeconds(1)))).isEmpty();
        assertThat(tokens.verify(signed(NEW_KEY, "new", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365))))).isEmpty();
    }

    // Finding 11
    @Test
    void a_retired_key_verifies_its_tokens_until_its_expiry_and_nothing_after() {
        JjwtAccessTokens before = new JjwtAccessTokens("motel", Duration.ofMinutes(15), "old", Map.of("old", OLD_KEY), clock);
        String oldToken = before.issue(anna, laptop, EnumSet.of(Role.GUEST)).token();
        JjwtAccessTokens after = new JjwtAccessTokens("motel", Duration.ofMinutes(15), "new", NEW_KEY,
                Map.of("old", new JjwtAccessTokens.RetiredKey(OLD_KEY, Instant.parse("2027-06-01T12:10:00Z"))), Duration.ofSeconds(30), clock);
        assertThat(after.verify(oldToken)).isPresent();

        clock.set(Instant.parse("2027-06-01T12:10:01Z"));

        assertThat(after.verify(oldToken)).as("cached before the retirement, refused after it").isEmpty();
        String mintedWithTheOldKey = signed(OLD_KEY, "old", clock.instant(), clock.instant().plus(Duration.ofMinutes(15)));
        assertThat(after.verify(mintedWithTheOldKey)).isEmpty();
        assertThat(after.verify(after.issue(anna, laptop, EnumSet.of(Role.GUEST)).token())).isPresent();
    }

    /** A token signed with a known key but with the times a key holder chose. */
    private String signed(byte[] key, String keyId, Instant issuedAt, Instant expiresAt) {
        return Jwts.builder()
                .header().keyId(keyId).and()
                .id(UUID.randomUUID().toString())
                .issuer("motel")
                .subject(anna.toString())
                .issuedAt(Date.from(issuedAt))
                .expiration(Date.from(expiresAt))
                .claim("sid", laptop.toString())
                .claim("roles", List.of("GUEST"))
                .signWith(Keys.hmacShaKeyFor(key), Jwts.SIG.HS256)
                .compact();
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
