package com.westbethel.motel.application.identity.service;

import com.westbethel.motel.application.audit.port.out.AuditLog;
import com.westbethel.motel.application.identity.port.in.ChangePasswordUseCase;
import com.westbethel.motel.application.identity.port.in.ResetPasswordUseCase;
import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import com.westbethel.motel.application.identity.port.out.AccessTokens;
import com.westbethel.motel.application.identity.port.out.LoginAttempts;
import com.westbethel.motel.application.identity.port.out.OneTimeTokens;
import com.westbethel.motel.application.identity.port.out.OneTimeTokens.Purpose;
import com.westbethel.motel.application.identity.port.out.PasswordHasher;
import com.westbethel.motel.application.identity.port.out.RevocationList;
import com.westbethel.motel.application.identity.port.out.Sessions;
import com.westbethel.motel.application.identity.port.out.Sessions.Session;
import com.westbethel.motel.application.identity.port.out.Users;
import com.westbethel.motel.application.notification.event.PasswordChanged;
import com.westbethel.motel.application.notification.port.out.NotificationEvents;
import com.westbethel.motel.application.support.OpensItsOwnTransaction;
import com.westbethel.motel.application.support.Transactions;
import com.westbethel.motel.domain.identity.OpaqueToken;
import com.westbethel.motel.domain.identity.PasswordPolicy;
import com.westbethel.motel.domain.identity.PasswordVerdict;
import com.westbethel.motel.domain.identity.User;
import com.westbethel.motel.domain.shared.EmailAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Forgotten and changed passwords. */
public class PasswordService implements ResetPasswordUseCase, ChangePasswordUseCase {

    private final Users users;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final OneTimeTokens oneTimeTokens;
    private final Sessions sessions;
    private final LoginAttempts attempts;
    private final Reauthentication reauthentication;
    private final SessionTermination termination;
    private final IdentityNotifications emails;
    private final IdentitySettings settings;
    private final IdentityAudit audit;
    private final Clock clock;
    private final Transactions transactions;

    public PasswordService(Users users, PasswordHasher hasher, PasswordPolicy policy, OneTimeTokens oneTimeTokens, Sessions sessions,
            LoginAttempts attempts, RevocationList revocations, AccessTokens accessTokens, NotificationEvents events, AuditLog auditLog,
            IdentitySettings settings, Clock clock, Transactions transactions) {
        this.attempts = attempts;
        this.transactions = transactions;
        this.audit = new IdentityAudit(auditLog, clock);
        this.users = users;
        this.hasher = hasher;
        this.policy = policy;
        this.oneTimeTokens = oneTimeTokens;
        this.sessions = sessions;
        this.termination = new SessionTermination(users, sessions, oneTimeTokens, revocations, accessTokens.timeToLive(), clock);
        this.emails = new IdentityNotifications(events, settings);
        this.reauthentication = new Reauthentication(attempts, emails);
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void requestPasswordReset(String email) {
        if (!EmailAddress.isValid(email)) {
            return;
        }
        users.findByEmail(new EmailAddress(email)).filter(User::enabled).ifPresent(user -> {
            Instant now = clock.instant();
            oneTimeTokens.invalidateAll(user.id(), Purpose.PASSWORD_RESET, now);
            OpaqueToken token = OpaqueToken.generate();
            oneTimeTokens.save(token.hash(), Purpose.PASSWORD_RESET, user.id(), now.plus(settings.passwordResetTtl()));
            emails.passwordReset(user, token);
        });
    }

    @Override
    public boolean isResetTokenValid(String token) {
        return oneTimeTokens.peek(OpaqueToken.hash(token), Purpose.PASSWORD_RESET, clock.instant()).isPresent();
    }

    @Override
    @OpensItsOwnTransaction
    public ResetResult resetPassword(String token, String newPassword) {
        String hash = OpaqueToken.hash(token);
        Optional<User> found = transactions.inTransaction(
                () -> oneTimeTokens.peek(hash, Purpose.PASSWORD_RESET, clock.instant()).flatMap(users::findById));
        if (found.isEmpty()) {
            return new ResetResult.InvalidToken();
        }
        User checked = found.get();
        // A refused password leaves the link usable, so the guest can try a better one.
        if (policy.evaluate(newPassword, checked.email(), checked.firstName(), checked.lastName()) instanceof PasswordVerdict.Refused refused) {
            return new ResetResult.PasswordRefused(refused.reason(), refused.advice());
        }
        // Hashed outside any transaction, so that no connection waits on bcrypt.
        String passwordHash = hasher.hash(newPassword);
        return transactions.inTransaction(() -> storeResetPassword(hash, passwordHash));
    }

    private ResetResult storeResetPassword(String hash, String passwordHash) {
        Optional<User> found = oneTimeTokens.consume(hash, Purpose.PASSWORD_RESET, clock.instant()).flatMap(users::findById);
        if (found.isEmpty()) {
            return new ResetResult.InvalidToken();
        }
        User user = found.get();
        user.changePassword(passwordHash);
        // Following the emailed link proves the address is the user's.
        user.verifyEmail();
        termination.endAll(user, "PASSWORD_RESET");
        // The emailed link proves the owner: strangers' wrong tries no longer slow their next login.
        attempts.clear(LoginService.accountPaceKey(user.email().value()));
        audit.user(IdentityAudit.self(user), "USER_PASSWORD_RESET", user, Map.of(), Map.of("sessions", "all ended"));
        emails.passwordChanged(user, PasswordChanged.How.RESET);
        return new ResetResult.Done();
    }

    @Override
    @OpensItsOwnTransaction
    public ChangeResult changePassword(AccessTokenClaims caller, String currentPassword, String newPassword) {
        Instant now = clock.instant();
        // A stolen access token must not buy unlimited guesses of the current password.
        Optional<Duration> locked = reauthentication.lockedFor(caller.user(), now);
        if (locked.isPresent()) {
            return new ChangeResult.LockedOut(locked.get());
        }
        User checked = transactions.inTransaction(() -> current(caller));
        // Both bcrypt steps run outside any transaction, so that no connection waits on them.
        if (!hasher.matches(currentPassword, checked.passwordHash())) {
            reauthentication.failed(checked, now);
            return new ChangeResult.WrongCurrentPassword();
        }
        reauthentication.succeeded(checked.id());
        if (policy.evaluate(newPassword, checked.email(), checked.firstName(), checked.lastName()) instanceof PasswordVerdict.Refused refused) {
            return new ChangeResult.PasswordRefused(refused.reason(), refused.advice());
        }
        String passwordHash = hasher.hash(newPassword);
        return transactions.inTransaction(() -> storeChangedPassword(caller, checked.passwordHash(), passwordHash));
    }

    private User current(AccessTokenClaims caller) {
        return users.findById(caller.user()).orElseThrow(() -> new IllegalStateException("authenticated user " + caller.user() + " is gone"));
    }

    private ChangeResult storeChangedPassword(AccessTokenClaims caller, String checkedHash, String passwordHash) {
        User user = current(caller);
        if (!user.passwordHash().equals(checkedHash)) {
            // Changed by another request while this one was hashing: the current password given is no longer proven.
            return new ChangeResult.WrongCurrentPassword();
        }
        user.changePassword(passwordHash);
        users.update(user);
        // A reset link sent before the change would otherwise still set a password of its holder's choosing.
        oneTimeTokens.invalidateAll(user.id(), Purpose.PASSWORD_RESET, clock.instant());
        // The session that changed the password goes on; every other one ends.
        sessions.activeOf(user.id()).stream()
                .map(Session::id)
                .filter(session -> !session.equals(caller.session()))
                .forEach(session -> termination.end(session, "PASSWORD_CHANGED"));
        audit.user(IdentityAudit.self(user), "USER_PASSWORD_CHANGED", user, Map.of(), Map.of("sessions", "others ended"));
        emails.passwordChanged(user, PasswordChanged.How.CHANGED);
        return new ChangeResult.Changed();
    }
}
