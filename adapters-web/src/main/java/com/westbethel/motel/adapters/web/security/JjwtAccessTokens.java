package com.westbethel.motel.adapters.web.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import com.westbethel.motel.application.identity.port.out.AccessTokens;
import com.westbethel.motel.domain.identity.Role;
import com.westbethel.motel.domain.identity.SessionId;
import com.westbethel.motel.domain.identity.UserId;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jws;
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
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.crypto.SecretKey;

/**
 * Access tokens as JWTs signed with HMAC-SHA256 (jjwt). The algorithm is pinned: a token naming any
 * other algorithm ({@code none}, {@code RS256} for key confusion, a stronger HMAC) is refused before
 * its signature is looked at. Each token names its key ({@code kid}); the signing key can be rotated
 * while the previous keys still verify the tokens they signed, until those expire; each retired key
 * carries its own expiry, after which it verifies nothing (a leaked old key cannot mint tokens for ever).
 *
 * <p>Beyond the signature, a token must be plausible: issued no later than now (give or take the clock
 * skew), and living no longer than the configured time to live ({@code exp - iat}), so a key holder
 * cannot mint a token that outlives the configured lifetime or dates itself into the future.
 *
 * <p>A client sends the same token with every request for its whole life, so a verified token's
 * claims are kept in a small in-process cache keyed by the complete token text, signature included:
 * only the genuine token hits it, and expiry is still checked on every hit. Revocation is not cached;
 * it is checked per request by the caller.
 */
public class JjwtAccessTokens implements AccessTokens {

    private static final String ALGORITHM = "HS256";
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(30);
    private static final int VERIFIED_CACHE_SIZE = 10_000;

    private final String issuer;
    private final Duration timeToLive;
    private final Duration clockSkew;
    private final String signingKeyId;
    private final Map<String, VerificationKey> keys;
    private final Clock clock;
    private final JwtParser parser;
    private final Cache<String, Verified> verified;

    /** A retired signing key: it still verifies the tokens it signed, until {@code retiredUntil}, then nothing. */
    public record RetiredKey(byte[] key, Instant retiredUntil) {

        public RetiredKey {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(retiredUntil, "retiredUntil");
        }
    }

    private record VerificationKey(SecretKey key, Optional<Instant> retiredUntil) {

        boolean retiredAt(Instant now) {
            return retiredUntil.isPresent() && now.isAfter(retiredUntil.get());
        }
    }

    /** Verified claims and the expiry of the key that signed them, so that a cached token dies with its key. */
    private record Verified(AccessTokenClaims claims, Optional<Instant> keyRetiredUntil) {
    }

    /**
     * Keys without expiry and the default clock skew: for tests and benchmarks.
     *
     * @param keys every key that may verify a token, by key id, each at least 256 bits; {@code signingKeyId} signs
     */
    public JjwtAccessTokens(String issuer, Duration timeToLive, String signingKeyId, Map<String, byte[]> keys, Clock clock) {
        this(issuer, timeToLive, signingKeyId, signingKey(keys, signingKeyId), retiredForEver(keys, signingKeyId), DEFAULT_CLOCK_SKEW, clock);
    }

    /**
     * @param signingKey the current key (at least 256 bits), named {@code signingKeyId} in each token's header
     * @param retiredKeys earlier signing keys by key id, each verifying its tokens until its own expiry
     * @param clockSkew how far the issuer's clock may be ahead of or behind ours
     */
    public JjwtAccessTokens(String issuer, Duration timeToLive, String signingKeyId, byte[] signingKey, Map<String, RetiredKey> retiredKeys,
            Duration clockSkew, Clock clock) {
        if (retiredKeys.containsKey(signingKeyId)) {
            throw new IllegalArgumentException("key " + signingKeyId + " cannot both sign and be retired");
        }
        this.issuer = issuer;
        this.timeToLive = timeToLive;
        this.clockSkew = clockSkew;
        this.signingKeyId = signingKeyId;
        Map<String, VerificationKey> verificationKeys = new LinkedHashMap<>();
        verificationKeys.put(signingKeyId, new VerificationKey(secretKey(signingKeyId, signingKey), Optional.empty()));
        retiredKeys.forEach((id, retired) -> verificationKeys.put(id,
                new VerificationKey(secretKey(id, retired.key()), Optional.of(retired.retiredUntil()))));
        this.keys = Map.copyOf(verificationKeys);
        this.clock = clock;
        this.parser = Jwts.parser()
                .keyLocator(new PinnedKeyLocator())
                .requireIssuer(issuer)
                .clock(() -> Date.from(clock.instant()))
                .clockSkewSeconds(clockSkew.toSeconds())
                .build();
        this.verified = Caffeine.newBuilder().maximumSize(VERIFIED_CACHE_SIZE).expireAfterWrite(timeToLive).build();
    }

    private static byte[] signingKey(Map<String, byte[]> keys, String signingKeyId) {
        if (!keys.containsKey(signingKeyId)) {
            throw new IllegalArgumentException("no key with id " + signingKeyId);
        }
        return keys.get(signingKeyId);
    }

    private static Map<String, RetiredKey> retiredForEver(Map<String, byte[]> keys, String signingKeyId) {
        Map<String, RetiredKey> retired = new LinkedHashMap<>();
        keys.forEach((id, key) -> {
            if (!id.equals(signingKeyId)) {
                retired.put(id, new RetiredKey(key, Instant.MAX));
            }
        });
        return retired;
    }

    private static SecretKey secretKey(String id, byte[] bytes) {
        if (bytes.length < 32) {
            throw new IllegalArgumentException("key " + id + " has " + bytes.length * 8 + " bits; HS256 needs at least 256");
        }
        return Keys.hmacShaKeyFor(bytes);
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
                .signWith(keys.get(signingKeyId).key(), Jwts.SIG.HS256)
                .compact();
        return new IssuedAccessToken(token, jti, expiresAt);
    }

    @Override
    public Optional<AccessTokenClaims> verify(String token) {
        Verified known = verified.getIfPresent(token);
        if (known != null) {
            Instant now = clock.instant();
            boolean keyRetired = known.keyRetiredUntil().isPresent() && now.isAfter(known.keyRetiredUntil().get());
            return keyRetired || now.isAfter(known.claims().expiresAt().plus(clockSkew)) ? Optional.empty() : Optional.of(known.claims());
        }
        Optional<Verified> parsed = parse(token);
        parsed.ifPresent(valid -> verified.put(token, valid));
        return parsed.map(Verified::claims);
    }

    private Optional<Verified> parse(String token) {
        try {
            Jws<Claims> jws = parser.parseSignedClaims(token);
            Claims claims = jws.getPayload();
            AccessTokenClaims accessClaims = new AccessTokenClaims(
                    require(claims.getId(), "jti"),
                    UserId.of(require(claims.getSubject(), "sub")),
                    SessionId.of(require(claims.get("sid", String.class), "sid")),
                    roles(claims.get("roles")),
                    require(claims.getIssuedAt(), "iat").toInstant(),
                    require(claims.getExpiration(), "exp").toInstant());
            if (!plausible(accessClaims)) {
                return Optional.empty();
            }
            return Optional.of(new Verified(accessClaims, keys.get(jws.getHeader().getKeyId()).retiredUntil()));
        } catch (RuntimeException forgedExpiredOrMalformed) {
            // jjwt's JwtException, and bad ids or roles from a token we did not issue: all simply invalid.
            return Optional.empty();
        }
    }

    /** Issued no later than now (give or take the skew), and living no longer than tokens we issue. */
    private boolean plausible(AccessTokenClaims claims) {
        return !claims.issuedAt().isAfter(clock.instant().plus(clockSkew))
                && Duration.between(claims.issuedAt(), claims.expiresAt()).compareTo(timeToLive) <= 0;
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
            VerificationKey key = keys.get(header.getKeyId());
            if (key == null) {
                throw new UnsupportedJwtException("unknown key id " + header.getKeyId());
            }
            if (key.retiredAt(clock.instant())) {
                throw new UnsupportedJwtException("key " + header.getKeyId() + " is retired");
            }
            return key.key();
        }
    }
}
