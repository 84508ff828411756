package com.westbethel.motel.application.identity.service;

import com.westbethel.motel.application.audit.port.out.AuditLog;
import com.westbethel.motel.application.identity.port.in.VerifyEmailUseCase;
import com.westbethel.motel.application.identity.port.out.OneTimeTokens;
import com.westbethel.motel.application.identity.port.out.OneTimeTokens.Purpose;
import com.westbethel.motel.application.identity.port.out.Users;
import com.westbethel.motel.application.notification.port.out.NotificationEvents;
import com.westbethel.motel.domain.identity.OpaqueToken;
import com.westbethel.motel.domain.identity.User;
import com.westbethel.motel.domain.shared.EmailAddress;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Proving an address with the emailed link, and sending a new link on request. Proving the address claims no booking made
 * without an account: the click proves the mailbox, not who chose the account's password (see
 * {@link ClaimGuestBookingsService}); the caller gets the proven address back to combine it with a login.
 */
public class VerifyEmailService implements VerifyEmailUseCase {

    private final Users users;
    private final OneTimeTokens oneTimeTokens;
    private final VerificationLinks verificationLinks;
    private final IdentityNotifications emails;
    private final IdentityAudit audit;
    private final Clock clock;

    public VerifyEmailService(Users users, OneTimeTokens oneTimeTokens, NotificationEvents events, AuditLog auditLog,
            IdentitySettings settings, Clock clock) {
        this.users = users;
        this.oneTimeTokens = oneTimeTokens;
        this.emails = new IdentityNotifications(events);
        this.verificationLinks = new VerificationLinks(oneTimeTokens, emails, settings.emailVerificationTtl());
        this.audit = new IdentityAudit(auditLog, clock);
        this.clock = clock;
    }

    @Override
    public Optional<EmailAddress> verifyEmail(String token) {
        Optional<User> user = oneTimeTokens.consume(OpaqueToken.hash(token), Purpose.EMAIL_VERIFICATION, clock.instant())
                .flatMap(users::findByIdForChange);
        user.filter(found -> !found.emailVerified()).ifPresent(found -> {
            Map<String, String> before = IdentityAudit.snapshot(found);
            found.verifyEmail();
            users.update(found);
            audit.user(IdentityAudit.self(found), "USER_EMAIL_VERIFIED", found, before, IdentityAudit.snapshot(found));
            emails.welcome(found);
        });
        return user.map(User::email);
    }

    @Override
    public void resendVerification(String email) {
        if (!EmailAddress.isValid(email)) {
            return;
        }
        users.findByEmail(new EmailAddress(email))
                .filter(user -> !user.emailVerified() && user.enabled())
                .ifPresent(user -> verificationLinks.sendAgain(user, clock.instant()));
    }
}
