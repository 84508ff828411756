package com.westbethel.motel.application.identity.service;

import com.westbethel.motel.application.audit.port.out.AuditLog;
import com.westbethel.motel.application.identity.port.in.ChangePasswordUseCase;
import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import com.westbethel.motel.application.identity.port.out.LoginAttempts;
import com.westbethel.motel.application.identity.port.out.OneTimeTokens;
import com.westbethel.motel.application.identity.port.out.OneTimeTokens.Purpose;
import com.westbethel.motel.application.identity.port.out.PasswordHasher;
import com.westbethel.motel.application.identity.port.out.Users;
import com.westbethel.motel.application.notification.event.PasswordChanged;
import com.westbethel.motel.application.notification.port.out.NotificationEvents;
import com.westbethel.motel.application.support.OpensItsOwnTransaction;
import com.westbethel.motel.application.support.Transactions;
import com.westbethel.motel.domain.identity.PasswordPolicy;
import com.westbethel.motel.domain.identity.PasswordVerdict;
import com.westbethel.motel.domain.identity.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** A logged-in user changes the password, proving the current one; every other session ends. */
public class ChangePasswordService implements ChangePasswordUseCase {

    private final Users users;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final OneTimeTokens oneTimeTokens;
    private final Reauthentication reauthentication;
    private final SessionTermination termination;
    private final IdentityNotifications emails;
    private final IdentityAudit audit;
    private final Clock clock;
    private final Transactions transactions;

    public ChangePasswordService(Users users, PasswordHasher hasher, PasswordPolicy policy, OneTimeTokens oneTimeTokens, LoginAttempts attempts,
            SessionTermination termination, NotificationEvents events, AuditLog auditLog, Clock clock, Transactions transactions) {
        this.users = users;
        this.hasher = hasher;
        this.policy = policy;
        this.oneTimeTokens = oneTimeTokens;
        this.termination = termination;
        this.emails = new IdentityNotifications(events);
        this.reauthentication = new Reauthentication(attempts, emails);
        this.audit = new IdentityAudit(auditLog, clock);
        this.clock = clock;
        this.transactions = transactions;
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
        User user = users.findByIdForChange(caller.user())
                .orElseThrow(() -> new IllegalStateException("authenticated user " + caller.user() + " is gone"));
        if (!user.passwordHash().equals(checkedHash)) {
            // Changed by another request while this one was hashing: the current password given is no longer proven.
            return new ChangeResult.WrongCurrentPassword();
        }
        user.changePassword(passwordHash);
        users.update(user);
        // A reset link sent before the change would otherwise still set a password of its holder's choosing.
        oneTimeTokens.invalidateAll(user.id(), Purpose.PASSWORD_RESET, clock.instant());
        // The session that changed the password goes on; every other one ends.
        termination.endAllBut(user.id(), caller.session(), "PASSWORD_CHANGED");
        audit.user(IdentityAudit.self(user), "USER_PASSWORD_CHANGED", user, Map.of(), Map.of("sessions", "others ended"));
        emails.passwordChanged(user, PasswordChanged.How.CHANGED);
        return new ChangeResult.Changed();
    }
}
