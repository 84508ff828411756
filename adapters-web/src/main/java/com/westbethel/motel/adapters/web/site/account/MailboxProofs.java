package com.westbethel.motel.adapters.web.site.account;

import com.westbethel.motel.application.identity.port.in.AuthenticateUseCase;
import com.westbethel.motel.application.identity.port.in.ClaimGuestBookingsUseCase;
import com.westbethel.motel.application.identity.port.in.ClaimGuestBookingsUseCase.ClaimResult;
import com.westbethel.motel.application.identity.port.in.TokenPair;
import com.westbethel.motel.domain.shared.EmailAddress;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serial;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Bookings made without an account join the account only when one party holds both proofs: the mailbox (the verification
 * link used in this browser) and the account (logged in, in the same web session). The verification link alone proves
 * nothing about who chose the account's password, so the proof waits in the web session, for a while, for a login as the
 * account of that address ({@link ClaimGuestBookingsUseCase}).
 */
final class MailboxProofs {

    /** How long a used verification link counts as proof for a login that follows it in the same browser. */
    static final Duration VALID_FOR = Duration.ofMinutes(30);
    private static final String PROVEN = MailboxProofs.class.getName() + ".PROVEN";

    private final ClaimGuestBookingsUseCase claims;
    private final AuthenticateUseCase authenticate;
    private final Clock clock;

    MailboxProofs(ClaimGuestBookingsUseCase claims, AuthenticateUseCase authenticate, Clock clock) {
        this.claims = claims;
        this.authenticate = authenticate;
        this.clock = clock;
    }

    /**
     * A mailbox proven in this browser, kept for the login that follows. (Nobody is logged in as the account here yet: an
     * account logs in only once its address is verified.)
     */
    void proven(HttpServletRequest request, EmailAddress mailbox) {
        request.getSession(true).setAttribute(PROVEN, new ProvenMailbox(mailbox.value(), clock.instant()));
    }

    /** Just logged in with {@code tokens}: a mailbox this web session proved lately claims its bookings for the account, if it is the account's. */
    void loggedIn(HttpServletRequest request, TokenPair tokens) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(PROVEN) instanceof ProvenMailbox proof)) {
            return;
        }
        if (proof.provenAt().plus(VALID_FOR).isBefore(clock.instant())) {
            session.removeAttribute(PROVEN);
            return;
        }
        authenticate.authenticate(tokens.accessToken())
                .filter(account -> claims.claim(account.user(), new EmailAddress(proof.mailbox())) instanceof ClaimResult.Claimed)
                .ifPresent(account -> session.removeAttribute(PROVEN));
    }

    /** Serializable, as every value Spring Session JDBC stores is. */
    record ProvenMailbox(String mailbox, Instant provenAt) implements Serializable {

        @Serial
        private static final long serialVersionUID = 1L;
    }
}
