package com.westbethel.motel.application.identity.service;

import com.westbethel.motel.application.audit.port.out.AuditLog;
import com.westbethel.motel.application.booking.port.out.BookingClaims;
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
 * Proving an address with the emailed link, and sending a new link on request. A proven address also brings the account
 * the bookings made without an account under that address (issue 11): only proof of the mailbox hands them over.
 */
public class VerifyEmailService implements VerifyEmailUseCase {

    private final Users users;
    private final OneTimeTokens oneTimeTokens;
    private final VerificationLinks verificationLinks;
    private final IdentityNotifications emails;
    private final IdentityAudit audit;
    private final BookingClaims bookingClaims;
    private final Clock clock;

    public VerifyEmailService(Users users, OneTimeTokens oneTimeTokens, BookingClaims bookingClaims, NotificationEvents events, AuditLog auditLog,
            IdentitySettings settings, Clock clock) {
        this.users = users;
        this.bookingClaims = bookingClaims;
        this.oneTimeTokens = oneTimeTokens;
        this.emails = new IdentityNotifications(events);
        this.verificationLinks = new VerificationLinks(oneTimeTokens, emails, settings.emailVerificationTtl());
        this.audit = new IdentityAudit(auditLog, clock);
        this.clock = clock;
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
            int claimed = bookingClaims.claim(found.id(), found.email());
            if (claimed > 0) {
                audit.user(IdentityAudit.self(found), "USER_BOOKINGS_CLAIMED", found, Map.of(), Map.of("bookings", String.valueOf(claimed)));
            }
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
                .ifPresent(user -> verificationLinks.sendAgain(user, clock.instant()));
    }
}
