package com.westbethel.motel.application.identity.service;

import com.westbethel.motel.application.audit.port.out.AuditLog;
import com.westbethel.motel.application.booking.port.out.BookingClaims;
import com.westbethel.motel.application.identity.port.in.ClaimGuestBookingsUseCase;
import com.westbethel.motel.application.identity.port.out.Users;
import com.westbethel.motel.domain.identity.User;
import com.westbethel.motel.domain.identity.UserId;
import com.westbethel.motel.domain.shared.EmailAddress;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** Bookings made without an account move to the account whose own verified address the caller has just proven. */
public class ClaimGuestBookingsService implements ClaimGuestBookingsUseCase {

    private final Users users;
    private final BookingClaims bookingClaims;
    private final IdentityAudit audit;

    public ClaimGuestBookingsService(Users users, BookingClaims bookingClaims, AuditLog auditLog, Clock clock) {
        this.users = users;
        this.bookingClaims = bookingClaims;
        this.audit = new IdentityAudit(auditLog, clock);
    }

    @Override
    public ClaimResult claim(UserId account, EmailAddress provenMailbox) {
        Optional<User> owner = users.findById(account).filter(User::enabled).filter(User::emailVerified).filter(user -> user.email().equals(provenMailbox));
        if (owner.isEmpty()) {
            return new ClaimResult.NotTheAccountsAddress();
        }
        int claimed = bookingClaims.claim(account, provenMailbox);
        if (claimed > 0) {
            audit.user(IdentityAudit.self(owner.get()), "USER_BOOKINGS_CLAIMED", owner.get(), Map.of(), Map.of("bookings", String.valueOf(claimed)));
        }
        return new ClaimResult.Claimed(claimed);
    }
}
