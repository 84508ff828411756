package com.westbethel.motel.application.identity.service;

import java.time.Duration;
import java.util.Objects;

/**
 * The identity rules an operator may tune.
 *
 * @param refreshTokenTtl how long a refresh token stays usable (each use issues a new one)
 * @param emailVerificationTtl how long a verification link works (24 h: greylisted mail arrives late)
 * @param passwordResetTtl how long a reset link works
 * @param requireVerifiedEmail whether login waits for a verified email address
 * @param requireAdminMfa whether admins must enrol in MFA: until they do, their tokens carry no role
 */
public record IdentitySettings(Duration refreshTokenTtl, Duration emailVerificationTtl, Duration passwordResetTtl,
        boolean requireVerifiedEmail, boolean requireAdminMfa) {

    /** How long the second login step may take. */
    public static final Duration MFA_CHALLENGE_TTL = Duration.ofMinutes(5);

    public IdentitySettings {
        Objects.requireNonNull(refreshTokenTtl, "refreshTokenTtl");
        Objects.requireNonNull(emailVerificationTtl, "emailVerificationTtl");
        Objects.requireNonNull(passwordResetTtl, "passwordResetTtl");
    }

    public static IdentitySettings defaults() {
        return new IdentitySettings(Duration.ofDays(30), Duration.ofHours(24), Duration.ofHours(1), true, true);
    }
}
