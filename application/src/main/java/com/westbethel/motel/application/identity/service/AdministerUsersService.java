package com.westbethel.motel.application.identity.service;

import com.westbethel.motel.application.audit.port.out.AuditLog;
import com.westbethel.motel.application.identity.port.in.AdministerUsersUseCase;
import com.westbethel.motel.application.identity.port.out.MfaEnrolments;
import com.westbethel.motel.application.identity.port.out.OneTimeTokens;
import com.westbethel.motel.application.identity.port.out.PasswordHasher;
import com.westbethel.motel.application.identity.port.out.RevocationList;
import com.westbethel.motel.application.identity.port.out.RevocationRecords;
import com.westbethel.motel.application.identity.port.out.RevocationRecords.RevokedEntry;
import com.westbethel.motel.application.identity.port.out.Sessions;
import com.westbethel.motel.application.identity.port.out.Users;
import com.westbethel.motel.application.notification.event.Recipient;
import com.westbethel.motel.application.notification.event.SecurityAlert;
import com.westbethel.motel.application.notification.port.out.NotificationEvents;
import com.westbethel.motel.application.support.OpensItsOwnTransaction;
import com.westbethel.motel.application.support.Transactions;
import com.westbethel.motel.domain.audit.AuditEntry;
import com.westbethel.motel.domain.identity.PasswordPolicy;
import com.westbethel.motel.domain.identity.PasswordVerdict;
import com.westbethel.motel.domain.identity.Role;
import com.westbethel.motel.domain.identity.SessionId;
import com.westbethel.motel.domain.identity.User;
import com.westbethel.motel.domain.identity.UserId;
import com.westbethel.motel.domain.shared.EmailAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Accounts administered from motel-admin; see {@link AdministerUsersUseCase}. */
public class AdministerUsersService implements AdministerUsersUseCase {

    private final Users users;
    private final Sessions sessions;
    private final RevocationList revocations;
    private final RevocationRecords revocationRecords;
    private final MfaEnrolments enrolments;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final NotificationEvents notifications;
    private final IdentityAudit audit;
    private final AuditLog auditLog;
    private final SessionTermination termination;
    private final Duration accessTokenTtl;
    private final Clock clock;
    private final Transactions transactions;

    public AdministerUsersService(Users users, Sessions sessions, OneTimeTokens oneTimeTokens, RevocationList revocations,
            RevocationRecords revocationRecords, MfaEnrolments enrolments, PasswordHasher hasher, PasswordPolicy policy,
            NotificationEvents notifications, AuditLog auditLog, Duration accessTokenTtl, Clock clock, Transactions transactions) {
        this.transactions = transactions;
        this.users = users;
        this.sessions = sessions;
        this.revocations = revocations;
        this.revocationRecords = revocationRecords;
        this.enrolments = enrolments;
        this.hasher = hasher;
        this.policy = policy;
        this.notifications = notifications;
        this.audit = new IdentityAudit(auditLog, clock);
        this.auditLog = auditLog;
        this.termination = new SessionTermination(users, sessions, oneTimeTokens, revocations, accessTokenTtl, clock);
        this.accessTokenTtl = accessTokenTtl;
        this.clock = clock;
    }

    @Override
    public List<UserSummary> users(int limit) {
        return users.list(limit).stream().map(this::summary).toList();
    }

    @Override
    @OpensItsOwnTransaction
    public Result createAdmin(String email, String password, String firstName, String lastName, String actor) {
        if (!EmailAddress.isValid(email)) {
            return new Result.Refused(email + " is not an email address.");
        }
        EmailAddress address = new EmailAddress(email);
        if (transactions.inTransaction(() -> users.findByEmail(address).isPresent())) {
            return new Result.Refused("There is already an account for " + address.value() + ".");
        }
        if (policy.evaluate(password, address, firstName, lastName) instanceof PasswordVerdict.Refused refused) {
            return new Result.Refused("The password is refused: " + refused.reason() + " " + refused.advice());
        }
        // Hashed outside any transaction, so that no connection waits on bcrypt.
        String passwordHash = hasher.hash(password);
        return transactions.inTransaction(() -> storeAdmin(address, passwordHash, firstName, lastName, actor));
    }

    private Result storeAdmin(EmailAddress address, String passwordHash, String firstName, String lastName, String actor) {
        // The operator vouches for the address.
        User admin = new User(UserId.random(), address, firstName.strip(), lastName.strip(), passwordHash, EnumSet.of(Role.ADMIN),
                true, true, clock.instant(), null);
        if (!users.add(admin)) {
            return new Result.Refused("There is already an account for " + address.value() + ".");
        }
        audit.user(actor, "USER_REGISTERED", admin, Map.of(), IdentityAudit.snapshot(admin));
        return new Result.Done(summary(admin), "created; they must enrol in two-factor login at their first login");
    }

    @Override
    public Result lock(String email, String actor) {
        return change(email, user -> {
            if (!user.enabled()) {
                return new Result.Done(summary(user), "was already locked");
            }
            Map<String, String> before = IdentityAudit.snapshot(user);
            user.disable();
            termination.endAll(user, "LOCKED_BY_ADMIN");
            audit.user(actor, "USER_LOCKED", user, before, IdentityAudit.snapshot(user));
            return new Result.Done(summary(user), "locked; every session ended");
        });
    }

    @Override
    public Result unlock(String email, String actor) {
        return change(email, user -> {
            if (user.enabled()) {
                return new Result.Done(summary(user), "was not locked");
            }
            Map<String, String> before = IdentityAudit.snapshot(user);
            user.enable();
            users.update(user);
            audit.user(actor, "USER_UNLOCKED", user, before, IdentityAudit.snapshot(user));
            return new Result.Done(summary(user), "unlocked");
        });
    }

    @Override
    public Result resetMfa(String email, String actor) {
        return change(email, user -> {
            if (enrolments.find(user.id()).isEmpty()) {
                return new Result.Refused(user.email().value() + " has no two-factor login to reset.");
            }
            enrolments.remove(user.id());
            termination.endAll(user, "MFA_RESET_BY_ADMIN");
            audit.user(actor, "USER_MFA_RESET", user, Map.of("mfa", "enabled"), Map.of("mfa", "removed", "sessions", "all ended"));
            notifications.publish(SecurityAlert.of(Recipient.of(user), SecurityAlert.Kind.MFA_RESET, clock.instant()));
            return new Result.Done(summary(user), "two-factor login removed, every session ended, the user told by email");
        });
    }

    @Override
    public Result revokeAllTokens(String email, String actor) {
        return change(email, user -> {
            termination.endAll(user, "REVOKED_BY_ADMIN");
            audit.user(actor, "USER_TOKENS_REVOKED", user, Map.of(), Map.of("sessions", "all ended"));
            return new Result.Done(summary(user), "every token and session revoked");
        });
    }

    @Override
    public void revokeToken(String jti, String actor) {
        if (jti.isBlank() || jti.length() > 64) {
            throw new IllegalArgumentException("A token id (jti) is 1 to 64 characters.");
        }
        // The token's own expiry is unknown here; no access token outlives the configured lifetime.
        Instant now = clock.instant();
        revocations.revokeToken(jti, SessionTermination.keepUntil(now.plus(accessTokenTtl)));
        auditLog.append(new AuditEntry(now, actor, "TOKEN_REVOKED", "access_token", jti, Map.of(), Map.of("revoked", "true")));
    }

    @Override
    public List<RevokedEntry> revoked(int limit) {
        Instant now = clock.instant();
        return revocationRecords.inForce(now, now.minus(accessTokenTtl).minus(SessionTermination.REVOCATION_MARGIN), limit);
    }

    @Override
    public List<SessionSummary> sessions(String email) {
        User user = find(email).orElseThrow(() -> new UnknownUserException(email));
        return sessions.activeOf(user.id()).stream()
                .map(session -> new SessionSummary(session.id().value(), session.device().ipAddress(), session.device().userAgent(),
                        session.createdAt(), session.lastSeenAt()))
                .toList();
    }

    @Override
    public boolean endSession(UUID session, String actor) {
        Optional<Sessions.Session> found = sessions.find(new SessionId(session)).filter(Sessions.Session::active);
        if (found.isEmpty()) {
            return false;
        }
        termination.end(found.get().id(), "ENDED_BY_ADMIN");
        users.findById(found.get().user()).ifPresent(user ->
                audit.user(actor, "USER_SESSION_ENDED", user, Map.of(), Map.of("session", session.toString())));
        return true;
    }

    /** The account held until the transaction ends: two changes of it queue rather than one overwriting the other. */
    private Result change(String email, Function<User, Result> change) {
        return address(email).flatMap(users::findByEmailForChange).map(change).orElseGet(() -> new Result.UnknownUser(email));
    }

    private Optional<User> find(String email) {
        return address(email).flatMap(users::findByEmail);
    }

    /** The address typed, when it is one: anything else names no account. */
    private static Optional<EmailAddress> address(String email) {
        return EmailAddress.isValid(email) ? Optional.of(new EmailAddress(email)) : Optional.empty();
    }

    private UserSummary summary(User user) {
        return summary(user, enrolments);
    }

    /** The account as an administrator sees it: whether it has two-factor login comes from its enrolment. */
    static UserSummary summary(User user, MfaEnrolments enrolments) {
        return new UserSummary(user.id().value(), user.email().value(), (user.firstName() + " " + user.lastName()).strip(), user.roles(),
                user.emailVerified(), !user.enabled(), enrolments.find(user.id()).map(enrolment -> enrolment.enabled()).orElse(false),
                user.createdAt());
    }
}
