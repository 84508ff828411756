package com.westbethel.motel.application.identity.service;

import com.westbethel.motel.application.audit.port.out.AuditLog;
import com.westbethel.motel.application.identity.port.in.ResetPasswordUseCase;
import com.westbethel.motel.application.identity.port.out.OneTimeTokens;
import com.westbethel.motel.application.identity.port.out.OneTimeTokens.Purpose;
import com.westbethel.motel.application.identity.port.out.PasswordHasher;
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
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** A forgotten password: a one-time link by email, then a new password that ends every session. */
public class ResetPasswordService implements ResetPasswordUseCase {

    private final Users users;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final OneTimeTokens oneTimeTokens;
    private final LoginThrottling loginThrottling;
    private final SessionTermination termination;
    private final IdentityNotifications emails;
    private final IdentityAudit audit;
    private final IdentitySettings settings;
    private final Clock clock;
    private final Transactions transactions;

    public ResetPasswordService(Users users, PasswordHasher hasher, PasswordPolicy policy, OneTimeTokens oneTimeTokens,
            LoginThrottling loginThrottling, SessionTermination termination, NotificationEvents events, AuditLog auditLog,
            IdentitySettings settings, Clock clock, Transactions transactions) {
        this.users = users;
        this.hasher = hasher;
        this.policy = policy;
        this.oneTimeTokens = oneTimeTokens;
        this.loginThrottling = loginThrottling;
        this.termination = termination;
        this.emails = new IdentityNotifications(events);
        this.audit = new IdentityAudit(auditLog, clock);
        this.settings = settings;
        this.clock = clock;
        this.transactions = transactions;
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
            emails.passwordReset(user, token, settings.passwordResetTtl());
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
        // The account is held before its link is used up, the order of every change of an account: a password change holds
        // the account and then ends its reset links, and the other order could deadlock with it.
        Optional<User> held = oneTimeTokens.peek(hash, Purpose.PASSWORD_RESET, clock.instant()).flatMap(users::findByIdForChange);
        if (held.isEmpty() || oneTimeTokens.consume(hash, Purpose.PASSWORD_RESET, clock.instant()).isEmpty()) {
            return new ResetResult.InvalidToken();
        }
        User user = held.get();
        user.changePassword(passwordHash);
        // Following the emailed link proves the address is the user's.
        user.verifyEmail();
        termination.endAll(user, "PASSWORD_RESET");
        loginThrottling.ownerProven(user);
        audit.user(IdentityAudit.self(user), "USER_PASSWORD_RESET", user, Map.of(), Map.of("sessions", "all ended"));
        emails.passwordChanged(user, PasswordChanged.How.RESET);
        return new ResetResult.Done();
    }
}
