package com.westbethel.motel.application.identity.service;

import com.westbethel.motel.domain.identity.LoginThrottle;
import com.westbethel.motel.domain.identity.SessionPolicy;
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
 * @param requireStaffMfa whether staff must enrol in MFA: until they do, their tokens carry no role
 * @param sessions how long a session lasts, in all and unused, by role; enforced at each refresh
 * @param accountFreeFailures failed logins an account takes, from any addresses, before each further try must wait
 *     its turn (at most 100 failures an hour, ASVS 2.2.1; see {@code LoginThrottle.accountPace})
 */
public record IdentitySettings(Duration refreshTokenTtl, Duration emailVerificationTtl, Duration passwordResetTtl,
        boolean requireVerifiedEmail, boolean requireAdminMfa, boolean requireStaffMfa, SessionPolicy sessions, int accountFreeFailures) {

    public static final int DEFAULT_ACCOUNT_FREE_FAILURES = 10;

    /** How long the second login step may take. */
    public static final Duration MFA_CHALLENGE_TTL = Duration.ofMinutes(5);

    public IdentitySettings {
        Objects.requireNonNull(refreshTokenTtl, "refreshTokenTtl");
        Objects.requireNonNull(emailVerificationTtl, "emailVerificationTtl");
        Objects.requireNonNull(passwordResetTtl, "passwordResetTtl");
        Objects.requireNonNull(sessions, "sessions");
        LoginThrottle.accountPace(accountFreeFailures);
    }

    /** Staff must enrol in MFA like admins, sessions follow {@link SessionPolicy#defaults()}, accounts get the default free failures. */
    public IdentitySettings(Duration refreshTokenTtl, Duration emailVerificationTtl, Duration passwordResetTtl, boolean requireVerifiedEmail,
            boolean requireAdminMfa) {
        this(refreshTokenTtl, emailVerificationTtl, passwordResetTtl, requireVerifiedEmail, requireAdminMfa, true, SessionPolicy.defaults(),
                DEFAULT_ACCOUNT_FREE_FAILURES);
    }

    public static IdentitySettings defaults() {
        return new IdentitySettings(Duration.ofDays(30), Duration.ofHours(24), Duration.ofHours(1), true, true);
    }

    public IdentitySettings withSessions(SessionPolicy policy) {
        return new IdentitySettings(refreshTokenTtl, emailVerificationTtl, passwordResetTtl, requireVerifiedEmail, requireAdminMfa,
                requireStaffMfa, policy, accountFreeFailures);
    }

    public IdentitySettings withStaffMfaRequired(boolean required) {
        return new IdentitySettings(refreshTokenTtl, emailVerificationTtl, passwordResetTtl, requireVerifiedEmail, requireAdminMfa, required,
                sessions, accountFreeFailures);
    }

    public IdentitySettings withAccountFreeFailures(int freeFailures) {
        return new IdentitySettings(refreshTokenTtl, emailVerificationTtl, passwordResetTtl, requireVerifiedEmail, requireAdminMfa,
                requireStaffMfa, sessions, freeFailures);
    }
}
