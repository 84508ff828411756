package com.westbethel.motel.application.identity.service;

import com.westbethel.motel.application.audit.port.out.AuditLog;
import com.westbethel.motel.application.identity.port.in.ManageMfaUseCase;
import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import com.westbethel.motel.application.identity.port.out.LoginAttempts;
import com.westbethel.motel.application.identity.port.out.MfaEnrolments;
import com.westbethel.motel.application.identity.port.out.MfaEnrolments.MfaEnrolment;
import com.westbethel.motel.application.identity.port.out.PasswordHasher;
import com.westbethel.motel.application.identity.port.out.SecretCipher;
import com.westbethel.motel.application.identity.port.out.TotpCodes;
import com.westbethel.motel.application.identity.port.out.Users;
import com.westbethel.motel.application.notification.event.SecurityAlert;
import com.westbethel.motel.application.notification.port.out.NotificationEvents;
import com.westbethel.motel.application.support.OpensItsOwnTransaction;
import com.westbethel.motel.application.support.Transactions;
import com.westbethel.motel.domain.identity.BackupCodes;
import com.westbethel.motel.domain.identity.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Turning two-factor login on and off, and renewing backup codes. */
public class ManageMfaService implements ManageMfaUseCase {

    private final Users users;
    private final MfaEnrolments enrolments;
    private final TotpCodes totp;
    private final SecretCipher cipher;
    private final PasswordHasher hasher;
    private final Reauthentication reauthentication;
    private final MfaCodeCheck codes;
    private final IdentityNotifications emails;
    private final IdentityAudit audit;
    private final Clock clock;
    private final Transactions transactions;

    public ManageMfaService(Users users, MfaEnrolments enrolments, TotpCodes totp, SecretCipher cipher, PasswordHasher hasher, LoginAttempts attempts,
            NotificationEvents events, AuditLog auditLog, Clock clock, Transactions transactions) {
        this.transactions = transactions;
        this.audit = new IdentityAudit(auditLog, clock);
        this.users = users;
        this.enrolments = enrolments;
        this.totp = totp;
        this.cipher = cipher;
        this.hasher = hasher;
        this.codes = new MfaCodeCheck(enrolments, totp, cipher);
        this.emails = new IdentityNotifications(events);
        this.reauthentication = new Reauthentication(attempts, emails);
        this.clock = clock;
    }

    @Override
    public MfaStatus status(AccessTokenClaims caller) {
        boolean enabled = enrolments.find(caller.user()).map(MfaEnrolment::enabled).orElse(false);
        return new MfaStatus(enabled, enabled ? enrolments.remainingBackupCodes(caller.user()) : 0);
    }

    @Override
    @OpensItsOwnTransaction
    public SetupResult setUp(AccessTokenClaims caller, String currentPassword) {
        Instant now = clock.instant();
        // A stolen access token alone must not enrol the thief's authenticator: the password is asked, and guessing it is throttled.
        // As at login, bcrypt runs between two short transactions, so that no database connection waits on it.
        Proof proof = transactions.inTransaction(() -> new Proof(reauthentication.lockedFor(caller.user(), now), user(caller)));
        if (proof.lockedFor().isPresent()) {
            return new SetupResult.LockedOut(proof.lockedFor().get());
        }
        boolean passwordMatches = hasher.matches(currentPassword, proof.user().passwordHash());
        return transactions.inTransaction(() -> {
            User user = user(caller);
            if (!passwordMatches || !proof.checked(user)) {
                reauthentication.failed(user, now);
                return new SetupResult.WrongPassword();
            }
            reauthentication.succeeded(user.id());
            if (enrolments.find(caller.user()).map(MfaEnrolment::enabled).orElse(false)) {
                return new SetupResult.AlreadyEnabled();
            }
            String secret = totp.newSecret();
            enrolments.savePending(user.id(), cipher.encrypt(secret));
            return new SetupResult.Started(secret, totp.otpauthUri(secret, user.email().value()));
        });
    }

    /** What the first step read: a re-authentication lock, if one runs, and the user whose password is checked. */
    private record Proof(Optional<Duration> lockedFor, User user) {

        /** The password was checked against the hash {@code current} still has (not one changed meanwhile). */
        boolean checked(User current) {
            return current.passwordHash().equals(user.passwordHash());
        }
    }

    @Override
    public ConfirmResult confirm(AccessTokenClaims caller, String code) {
        Optional<String> pending = enrolments.find(caller.user()).flatMap(MfaEnrolment::pendingSecret);
        if (pending.isEmpty()) {
            return new ConfirmResult.NotStarted();
        }
        Instant now = clock.instant();
        OptionalLong step = codes.step(pending.get(), code, now);
        if (step.isEmpty() || !enrolments.activate(caller.user(), step.getAsLong(), now)) {
            return new ConfirmResult.InvalidCode();
        }
        User user = user(caller);
        audit.user(IdentityAudit.self(user), "USER_MFA_ENABLED", user, Map.of("mfa", "off"), Map.of("mfa", "on"));
        emails.securityAlert(user, SecurityAlert.Kind.MFA_ENABLED, now);
        return new ConfirmResult.Enabled(newBackupCodes(caller));
    }

    @Override
    @OpensItsOwnTransaction
    public DisableResult disable(AccessTokenClaims caller, Optional<String> code, Optional<String> password) {
        Instant now = clock.instant();
        // A stolen access token must not buy unlimited guesses of the password (or of a code) here either.
        Proof proof = transactions.inTransaction(() -> new Proof(reauthentication.lockedFor(caller.user(), now), user(caller)));
        if (proof.lockedFor().isPresent()) {
            return new DisableResult.LockedOut(proof.lockedFor().get());
        }
        boolean passwordMatches = password.map(given -> hasher.matches(given, proof.user().passwordHash())).orElse(false);
        return transactions.inTransaction(() -> {
            Optional<MfaEnrolment> enrolment = enrolments.find(caller.user()).filter(MfaEnrolment::enabled);
            if (enrolment.isEmpty()) {
                return new DisableResult.Refused();
            }
            User user = user(caller);
            boolean proven = code.map(given -> codes.accepts(enrolment.get(), given, now)).orElse(false)
                    || (passwordMatches && proof.checked(user));
            if (!proven) {
                reauthentication.failed(user, now);
                return new DisableResult.Refused();
            }
            reauthentication.succeeded(user.id());
            enrolments.remove(user.id());
            audit.user(IdentityAudit.self(user), "USER_MFA_DISABLED", user, Map.of("mfa", "on"), Map.of("mfa", "off"));
            emails.securityAlert(user, SecurityAlert.Kind.MFA_DISABLED, now);
            return new DisableResult.Disabled();
        });
    }

    @Override
    public Optional<List<String>> regenerateBackupCodes(AccessTokenClaims caller, String code) {
        Optional<MfaEnrolment> enrolment = enrolments.find(caller.user()).filter(MfaEnrolment::enabled);
        Instant now = clock.instant();
        if (enrolment.isEmpty() || !codes.accepts(enrolment.get(), code, now)) {
            return Optional.empty();
        }
        emails.securityAlert(user(caller), SecurityAlert.Kind.BACKUP_CODES_REGENERATED, now);
        return Optional.of(newBackupCodes(caller));
    }

    private List<String> newBackupCodes(AccessTokenClaims caller) {
        List<String> fresh = BackupCodes.generate();
        enrolments.replaceBackupCodes(caller.user(), fresh.stream().map(BackupCodes::hash).toList());
        return fresh;
    }

    private User user(AccessTokenClaims caller) {
        return users.findById(caller.user()).orElseThrow(() -> new IllegalStateException("authenticated user " + caller.user() + " is gone"));
    }
}
