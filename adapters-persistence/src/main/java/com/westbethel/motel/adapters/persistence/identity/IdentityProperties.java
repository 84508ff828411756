package com.westbethel.motel.adapters.persistence.identity;

import com.westbethel.motel.domain.identity.SessionPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code motel.security.*}: the identity settings an operator may tune.
 *
 * @param requireVerifiedEmail login waits for a verified email address
 * @param bcryptStrength bcrypt's log2 cost for new password hashes
 * @param passwordMinimumEntropy bits of guessing work a password must need (nbvcxz)
 * @param refreshTokenTtl life of one refresh token (each use issues a new one)
 * @param emailVerificationTtl life of an email verification link
 * @param passwordResetTtl life of a password reset link
 * @param requireAdminMfa admins must enrol in MFA; until then their tokens carry no role
 * @param requireStaffMfa staff must enrol in MFA; until then their tokens carry no role
 * @param session how long sessions last, by role
 * @param mfaEncryptionKey base64 of 32 random bytes encrypting TOTP secrets; empty means a random key for this process only
 * @param accountFreeFailures failed logins an account takes from any addresses before each further try waits its turn
 */
@ConfigurationProperties("motel.security")
public record IdentityProperties(
        @DefaultValue("true") boolean requireVerifiedEmail,
        @DefaultValue("12") int bcryptStrength,
        @DefaultValue("35") double passwordMinimumEntropy,
        @DefaultValue("30d") Duration refreshTokenTtl,
        @DefaultValue("24h") Duration emailVerificationTtl,
        @DefaultValue("1h") Duration passwordResetTtl,
        @DefaultValue("true") boolean requireAdminMfa,
        @DefaultValue("true") boolean requireStaffMfa,
        @DefaultValue Session session,
        @DefaultValue("") String mfaEncryptionKey,
        @DefaultValue Jwt jwt,
        @DefaultValue("10") int accountFreeFailures) {

    /**
     * {@code motel.security.session.*}: a session ends at its first refresh past either limit (the client logs in again).
     *
     * @param guestLifetime the longest a guest's session lasts from its login
     * @param guestIdleTimeout the longest a guest's session lasts unused (no refresh)
     * @param staffLifetime the same for anyone with the STAFF or ADMIN role
     * @param staffIdleTimeout the same for anyone with the STAFF or ADMIN role
     */
    public record Session(
            @DefaultValue("30d") Duration guestLifetime,
            @DefaultValue("7d") Duration guestIdleTimeout,
            @DefaultValue("12h") Duration staffLifetime,
            @DefaultValue("30m") Duration staffIdleTimeout) {

        public SessionPolicy policy() {
            return new SessionPolicy(new SessionPolicy.Limits(guestLifetime, guestIdleTimeout), new SessionPolicy.Limits(staffLifetime, staffIdleTimeout));
        }
    }

    /**
     * @param signingKey base64 of at least 32 random bytes; empty means a random key for this process only
     * @param signingKeyId the {@code kid} of the signing key
     * @param previousKeys retired keys that still verify the tokens they signed, for rotation, each until its expiry:
     *        {@code previous-keys.<kid>.key} (base64) and {@code previous-keys.<kid>.retired-until} (an ISO instant); the
     *        older shape {@code previous-keys.<kid>=<base64>} still works and retires the key one token lifetime (plus the
     *        clock skew) after this process started, the longest a token signed before the rotation can live
     * @param clockSkew how far another replica's clock may differ: a token issued further in the future is refused
     */
    public record Jwt(
            @DefaultValue("west-bethel-motel") String issuer,
            @DefaultValue("15m") Duration accessTokenTtl,
            @DefaultValue("") String signingKey,
            @DefaultValue("primary") String signingKeyId,
            Map<String, String> previousKeys,
            @DefaultValue("30s") Duration clockSkew) {

        public Jwt {
            previousKeys = previousKeys == null ? Map.of() : Map.copyOf(previousKeys);
        }

        /** The retired keys by kid, whichever shape configured them; {@code started} is when this process started. */
        public Map<String, RetiredKey> retiredKeys(Instant started) {
            Map<String, String> keys = new TreeMap<>();
            Map<String, Instant> expiries = new TreeMap<>();
            previousKeys.forEach((name, value) -> {
                int dot = name.lastIndexOf('.');
                String field = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
                if (field.equals("key")) {
                    keys.put(name.substring(0, dot), value);
                } else if (field.equals("retireduntil")) {
                    expiries.put(name.substring(0, dot), Instant.parse(value.strip()));
                } else {
                    keys.put(name, value);
                }
            });
            expiries.keySet().stream().filter(kid -> !keys.containsKey(kid)).findFirst().ifPresent(kid -> {
                throw new IllegalArgumentException("motel.security.jwt.previous-keys." + kid + ".retired-until is set but motel.security.jwt.previous-keys." + kid + ".key is not");
            });
            Instant defaultExpiry = started.plus(accessTokenTtl).plus(clockSkew);
            Map<String, RetiredKey> retired = new LinkedHashMap<>();
            keys.forEach((kid, key) -> retired.put(kid, new RetiredKey(key, expiries.getOrDefault(kid, defaultExpiry))));
            return retired;
        }
    }

    /** A retired signing key (base64) and when it stops verifying anything. */
    public record RetiredKey(String key, Instant retiredUntil) {
    }
}
