package com.westbethel.motel.domain.identity;

import com.westbethel.motel.domain.shared.Sha256;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * A 256-bit random secret handed to a user once (refresh token, email verification or password
 * reset link). Only its SHA-256 hash is stored, so a database leak reveals no usable token; a fast
 * hash is enough because the secret has full entropy.
 */
public record OpaqueToken(String value) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BYTES = 32;

    public OpaqueToken {
        Objects.requireNonNull(value, "value");
    }

    public static OpaqueToken generate() {
        byte[] secret = new byte[BYTES];
        RANDOM.nextBytes(secret);
        return new OpaqueToken(Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** The form kept in storage: lower-case hex SHA-256 of the token's text. */
    public String hash() {
        return hash(value);
    }

    public static String hash(String token) {
        return Sha256.hex(token);
    }

    @Override
    public String toString() {
        return "OpaqueToken[redacted]";
    }
}
