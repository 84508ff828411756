package com.westbethel.motel.adapters.web.security;

import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import com.westbethel.motel.application.identity.port.out.AccessTokens;
import com.westbethel.motel.domain.identity.Role;
import com.westbethel.motel.domain.identity.SessionId;
import com.westbethel.motel.domain.identity.UserId;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwsHeader;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.UnsupportedJwtException;
import io.jsonwebtoken.security.Keys;
import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.crypto.SecretKey;

/**
 * Access tokens as JWTs signed with HMAC-SHA256 (jjwt). The algorithm is pinned: a token naming any
 * other algorithm ({@code none}, {@code RS256} for key confusion, a stronger HMAC) is refused before
 * its signature is looked at. Each token names its key ({@code kid}); the signing key can be rotated
 * while the previous keys still verify the tokens they signed, until those expire.
 *
 * <p>A client sends the same token with every request for its whole life, so a verified token's
 * claims are kept in a small in-process cache keyed by the complete token text, signature included:
 * only the genuine token hits it, and expiry is still checked on every hit. Revocation is not cached;
 * it is checked per request by the caller.
 */
public class JjwtAccessTokens implements AccessTokens {

    private static final String ALGORITHM = "HS256";
    private static final int CLOCK_SKEW_SECONDS = 30;
    private static final int VERIFIED_CACHE_SIZE = 10_000;

    private final String issuer;
    private final Duration timeToLive;
    private final String signingKeyId;
    private final Map<String, SecretKey> keys;
    private final Clock clock;
    private final JwtParser parser;
    private final Cache<String, AccessTokenClaims> verified;

    /**
     * @param keys every key that may verify a token, by key id, each at least 256 bits; {@code signingKeyId} signs
     */
    public JjwtAccessTokens(String issuer, Duration timeToLive, String signingKeyId, Map<String, byte[]> keys, Clock clock) {
        if (!keys.containsKey(signingKeyId)) {
            throw new IllegalArgumentException("no key with id " + signingKeyId);
        }
        this.issuer = issuer;
        this.timeToLive = timeToLive;
        this.signingKeyId = signingKeyId;
        Map<String, SecretKey> secretKeys = new LinkedHashMap<>();
        keys.forEach((id, bytes) -> {
            if (bytes.length < 32) {
                throw new IllegalArgumentException("key " + id + " has " + bytes.length * 8 + " bits; HS256 needs at least 256");
            }
            secretKeys.put(id, Keys.hmacShaKeyFor(bytes));
        });
        this.keys = Map.copyOf(secretKeys);
        this.clock = clock;
        this.parser = Jwts.parser()
                .keyLocator(new PinnedKeyLocator())
                .requireIssuer(issuer)
                .clock(() -> Date.from(clock.instant()))
                .clockSkewSeconds(CLOCK_SKEW_SECONDS)
                .build();
        this.verified = Caffeine.newBuilder().maximumSize(VERIFIED_CACHE_SIZE).expireAfterWrite(timeToLive).build();
    }

    @Override
    public IssuedAccessToken issue(UserId user, SessionId session, Set<Role> roles) {
        String jti = UUID.randomUUID().toString();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(timeToLive);
        String token = Jwts.builder()
                .header().keyId(signingKeyId).and()
                .id(jti)
                .issuer(issuer)
                .subject(user.toString())
                .issuedAt(Date.from(now))
                .expiration(Date.from(expiresAt))
                .claim("sid", session.toString())
                .claim("roles", roles.stream().map(Role::name).sorted().toList())
                .signWith(keys.get(signingKeyId), Jwts.SIG.HS256)
                .compact();
        return new IssuedAccessToken(token, jti, expiresAt);
    }

    @Override
    public Optional<AccessTokenClaims> verify(String token) {
        AccessTokenClaims known = verified.getIfPresent(token);
        if (known != null) {
            return clock.instant().isAfter(known.expiresAt().plusSeconds(CLOCK_SKEW_SECONDS)) ? Optional.empty() : Optional.of(known);
        }
        Optional<AccessTokenClaims> claims = parse(token);
        claims.ifPresent(valid -> verified.put(token, valid));
        return claims;
    }

    private Optional<AccessTokenClaims> parse(String token) {
        try {
            Claims claims = parser.parseSignedClaims(token).getPayload();
            return Optional.of(new AccessTokenClaims(
                    require(claims.getId(), "jti"),
                    UserId.of(require(claims.getSubject(), "sub")),
                    SessionId.of(require(claims.get("sid", String.class), "sid")),
                    roles(claims.get("roles")),
                    require(claims.getIssuedAt(), "iat").toInstant(),
                    require(claims.getExpiration(), "exp").toInstant()));
        } catch (RuntimeException forgedExpiredOrMalformed) {
            // jjwt's JwtException, and bad ids or roles from a token we did not issue: all simply invalid.
            return Optional.empty();
        }
    }

    @Override
    public Duration timeToLive() {
        return timeToLive;
    }

    private static <T> T require(T value, String claim) {
        if (value == null) {
            throw new IllegalArgumentException("missing claim " + claim);
        }
        return value;
    }

    private static Set<Role> roles(Object claim) {
        if (!(claim instanceof Collection<?> names)) {
            throw new IllegalArgumentException("missing claim roles");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        names.forEach(name -> roles.add(Role.valueOf(String.valueOf(name))));
        return roles;
    }

    private final class PinnedKeyLocator extends LocatorAdapter<Key> {

        @Override
        protected Key locate(JwsHeader header) {
            if (!ALGORITHM.equals(header.getAlgorithm())) {
                throw new UnsupportedJwtException("algorithm " + header.getAlgorithm() + " is not accepted");
            }
            SecretKey key = keys.get(header.getKeyId());
            if (key == null) {
                throw new UnsupportedJwtException("unknown key id " + header.getKeyId());
            }
            return key;
        }
    }
}
