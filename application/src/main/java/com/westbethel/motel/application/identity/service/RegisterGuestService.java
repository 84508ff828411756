package com.westbethel.motel.application.identity.service;

import com.westbethel.motel.application.audit.port.out.AuditLog;
import com.westbethel.motel.application.identity.port.in.RegisterGuestUseCase;
import com.westbethel.motel.application.identity.port.in.UserView;
import com.westbethel.motel.application.identity.port.out.LoginAttempts;
import com.westbethel.motel.application.identity.port.out.OneTimeTokens;
import com.westbethel.motel.application.identity.port.out.PasswordHasher;
import com.westbethel.motel.application.identity.port.out.Users;
import com.westbethel.motel.application.notification.port.out.NotificationEvents;
import com.westbethel.motel.application.operations.port.out.BusinessMetrics;
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

/** Opening a guest account, unverified until the emailed link proves the address. */
public class RegisterGuestService implements RegisterGuestUseCase {

    /** Further sign-up attempts within this spell of the last one tell the owner nothing new. */
    static final Duration SIGN_UP_NOTICE_QUIET = Duration.ofHours(1);

    private final Users users;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final LoginAttempts attempts;
    private final VerificationLinks verificationLinks;
    private final IdentityNotifications emails;
    private final IdentityAudit audit;
    private final Clock clock;
    private final Transactions transactions;
    private final BusinessMetrics metrics;

    public RegisterGuestService(Users users, PasswordHasher hasher, PasswordPolicy policy, OneTimeTokens oneTimeTokens, LoginAttempts attempts,
            NotificationEvents events, AuditLog auditLog, IdentitySettings settings, Clock clock, Transactions transactions,
            BusinessMetrics metrics) {
        this.users = users;
        this.hasher = hasher;
        this.policy = policy;
        this.attempts = attempts;
        this.emails = new IdentityNotifications(events);
        this.verificationLinks = new VerificationLinks(oneTimeTokens, emails, settings.emailVerificationTtl());
        this.audit = new IdentityAudit(auditLog, clock);
        this.clock = clock;
        this.transactions = transactions;
        this.metrics = metrics;
    }

    @Override
    @OpensItsOwnTransaction
    public RegistrationResult register(RegisterGuestCommand command) {
        if (policy.evaluate(command.password(), command.email(), command.firstName(), command.lastName())
                instanceof PasswordVerdict.Refused refused) {
            return new RegistrationResult.PasswordRefused(refused.reason(), refused.advice());
        }
        // Hashed before the transaction opens, so that no connection waits on bcrypt, and whether or not the
        // address is known, so that the answer takes as long either way.
        String passwordHash = hasher.hash(command.password());
        return transactions.inTransaction(() -> storeRegistration(command, passwordHash));
    }

    private RegistrationResult storeRegistration(RegisterGuestCommand command, String passwordHash) {
        Optional<User> owner = users.findByEmail(command.email());
        if (owner.isPresent()) {
            // The caller is answered as for a new address; the owner learns of the attempt by email, once an hour
            // at most, so that sign-ups from many addresses cannot flood their inbox.
            if (attempts.recordFailure("sign-up-notice:" + owner.get().id(), clock.instant(), SIGN_UP_NOTICE_QUIET) == 1) {
                emails.signUpAttempted(owner.get());
            }
            return new RegistrationResult.EmailTaken();
        }
        Instant now = clock.instant();
        User user = User.registerGuest(command.email(), command.firstName(), command.lastName(), passwordHash, now);
        if (!users.add(user)) {
            return new RegistrationResult.EmailTaken();
        }
        verificationLinks.sendToNewGuest(user, now);
        audit.user(IdentityAudit.self(user), "USER_REGISTERED", user, Map.of(), IdentityAudit.snapshot(user));
        metrics.registration();
        return new RegistrationResult.Registered(UserView.of(user));
    }
}
