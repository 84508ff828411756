package com.westbethel.motel.application.identity.service;

import com.westbethel.motel.domain.identity.LoginThrottle;
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
 * @param accountFreeFailures failed logins an account takes, from any addresses, before each further try must wait
 *     its turn (at most 100 failures an hour, ASVS 2.2.1; see {@code LoginThrottle.accountPace})
 */
public record IdentitySettings(Duration refreshTokenTtl, Duration emailVerificationTtl, Duration passwordResetTtl,
        boolean requireVerifiedEmail, boolean requireAdminMfa, int accountFreeFailures) {

    public static final int DEFAULT_ACCOUNT_FREE_FAILURES = 10;

    /** How long the second login step may take. */
    public static final Duration MFA_CHALLENGE_TTL = Duration.ofMinutes(5);

    public IdentitySettings {
        Objects.requireNonNull(refreshTokenTtl, "refreshTokenTtl");
        Objects.requireNonNull(emailVerificationTtl, "emailVerificationTtl");
        Objects.requireNonNull(passwordResetTtl, "passwordResetTtl");
        LoginThrottle.accountPace(accountFreeFailures);
    }

    public IdentitySettings(Duration refreshTokenTtl, Duration emailVerificationTtl, Duration passwordResetTtl,
            boolean requireVerifiedEmail, boolean requireAdminMfa) {
        this(refreshTokenTtl, emailVerificationTtl, passwordResetTtl, requireVerifiedEmail, requireAdminMfa, DEFAULT_ACCOUNT_FREE_FAILURES);
    }

    public static IdentitySettings defaults() {
        return new IdentitySettings(Duration.ofDays(30), Duration.ofHours(24), Duration.ofHours(1), true, true);
    }
}
