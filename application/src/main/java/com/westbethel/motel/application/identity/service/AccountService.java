package com.westbethel.motel.application.identity.service;

import com.westbethel.motel.application.audit.port.out.AuditLog;
import com.westbethel.motel.application.identity.port.in.EnsureFirstAdminUseCase;
import com.westbethel.motel.application.identity.port.in.RegisterGuestUseCase;
import com.westbethel.motel.application.identity.port.in.UserView;
import com.westbethel.motel.application.identity.port.in.VerifyEmailUseCase;
import com.westbethel.motel.application.identity.port.in.ViewProfileUseCase;
import com.westbethel.motel.application.identity.port.out.LoginAttempts;
import com.westbethel.motel.application.identity.port.out.OneTimeTokens;
import com.westbethel.motel.application.identity.port.out.OneTimeTokens.Purpose;
import com.westbethel.motel.application.identity.port.out.PasswordHasher;
import com.westbethel.motel.application.identity.port.out.Users;
import com.westbethel.motel.application.notification.port.out.NotificationEvents;
import com.westbethel.motel.application.support.OpensItsOwnTransaction;
import com.westbethel.motel.application.support.Transactions;
import com.westbethel.motel.domain.identity.OpaqueToken;
import com.westbethel.motel.domain.identity.PasswordPolicy;
import com.westbethel.motel.domain.identity.PasswordVerdict;
import com.westbethel.motel.domain.identity.Role;
import com.westbethel.motel.domain.identity.User;
import com.westbethel.motel.domain.identity.UserId;
import com.westbethel.motel.domain.shared.EmailAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;

/** Opening accounts and proving email addresses. */
public class AccountService implements RegisterGuestUseCase, VerifyEmailUseCase, ViewProfileUseCase, EnsureFirstAdminUseCase {

    /** Further sign-up attempts within this spell of the last one tell the owner nothing new. */
    static final Duration SIGN_UP_NOTICE_QUIET = Duration.ofHours(1);

    private final Users users;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final OneTimeTokens oneTimeTokens;
    private final LoginAttempts attempts;
    private final IdentityNotifications emails;
    private final IdentitySettings settings;
    private final IdentityAudit audit;
    private final Clock clock;
    private final Transactions transactions;

    public AccountService(Users users, PasswordHasher hasher, PasswordPolicy policy, OneTimeTokens oneTimeTokens, LoginAttempts attempts,
            NotificationEvents events, AuditLog auditLog, IdentitySettings settings, Clock clock, Transactions transactions) {
        this.transactions = transactions;
        this.audit = new IdentityAudit(auditLog, clock);
        this.attempts = attempts;
        this.users = users;
        this.hasher = hasher;
        this.policy = policy;
        this.oneTimeTokens = oneTimeTokens;
        this.emails = new IdentityNotifications(events, settings);
        this.settings = settings;
        this.clock = clock;
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
        emails.registered(user, newVerificationToken(user, now));
        audit.user(IdentityAudit.self(user), "USER_REGISTERED", user, Map.of(), IdentityAudit.snapshot(user));
        return new RegistrationResult.Registered(UserView.of(user));
    }

    @Override
    public boolean verifyEmail(String token) {
        Optional<User> user = oneTimeTokens.consume(OpaqueToken.hash(token), Purpose.EMAIL_VERIFICATION, clock.instant())
                .flatMap(users::findById);
        user.filter(found -> !found.emailVerified()).ifPresent(found -> {
            Map<String, String> before = IdentityAudit.snapshot(found);
            found.verifyEmail();
            users.update(found);
            audit.user(IdentityAudit.self(found), "USER_EMAIL_VERIFIED", found, before, IdentityAudit.snapshot(found));
            emails.welcome(found);
        });
        return user.isPresent();
    }

    @Override
    public void resendVerification(String email) {
        if (!EmailAddress.isValid(email)) {
            return;
        }
        users.findByEmail(new EmailAddress(email))
                .filter(user -> !user.emailVerified() && user.enabled())
                .ifPresent(user -> {
                    Instant now = clock.instant();
                    oneTimeTokens.invalidateAll(user.id(), Purpose.EMAIL_VERIFICATION, now);
                    emails.verification(user, newVerificationToken(user, now));
                });
    }

    @Override
    public Optional<UserView> profile(UserId user) {
        return users.findById(user).map(UserView::of);
    }

    @Override
    @OpensItsOwnTransaction
    public FirstAdminResult ensureFirstAdmin(String email, String password) {
        if (transactions.inTransaction(() -> users.anyWithRole(Role.ADMIN))) {
            return FirstAdminResult.ADMIN_ALREADY_EXISTS;
        }
        EmailAddress address = new EmailAddress(email);
        if (transactions.inTransaction(() -> users.findByEmail(address).isPresent())) {
            return FirstAdminResult.EMAIL_TAKEN_BY_NON_ADMIN;
        }
        if (policy.evaluate(password, address, "Motel", "Admin") instanceof PasswordVerdict.Refused refused) {
            throw new IllegalArgumentException("The first admin's password is refused: " + refused.reason() + " " + refused.advice());
        }
        String passwordHash = hasher.hash(password);
        return transactions.inTransaction(() -> storeFirstAdmin(address, passwordHash));
    }

    private FirstAdminResult storeFirstAdmin(EmailAddress address, String passwordHash) {
        // Checked again: another replica may have created one while this one hashed.
        if (users.anyWithRole(Role.ADMIN)) {
            return FirstAdminResult.ADMIN_ALREADY_EXISTS;
        }
        if (users.findByEmail(address).isPresent()) {
            return FirstAdminResult.EMAIL_TAKEN_BY_NON_ADMIN;
        }
        // The operator chose the address, so it counts as verified.
        User admin = new User(UserId.random(), address, "Motel", "Admin", passwordHash, EnumSet.of(Role.ADMIN),
                true, true, clock.instant(), null);
        if (!users.add(admin)) {
            return FirstAdminResult.EMAIL_TAKEN_BY_NON_ADMIN;
        }
        audit.user("system:configuration", "USER_REGISTERED", admin, Map.of(), IdentityAudit.snapshot(admin));
        return FirstAdminResult.CREATED;
    }

    private OpaqueToken newVerificationToken(User user, Instant now) {
        OpaqueToken token = OpaqueToken.generate();
        oneTimeTokens.save(token.hash(), Purpose.EMAIL_VERIFICATION, user.id(), now.plus(settings.emailVerificationTtl()));
        return token;
    }
}
