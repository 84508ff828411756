package com.westbethel.motel.application.identity.service;

import com.westbethel.motel.application.identity.port.out.OneTimeTokens;
import com.westbethel.motel.application.identity.port.out.OneTimeTokens.Purpose;
import com.westbethel.motel.domain.identity.OpaqueToken;
import com.westbethel.motel.domain.identity.User;
import java.time.Duration;
import java.time.Instant;

/** The links that prove an address: a one-time token saved by its hash, emailed to the address it proves. */
record VerificationLinks(OneTimeTokens oneTimeTokens, IdentityNotifications emails, Duration timeToLive) {

    /** The first link, in the email that greets a new guest. */
    void sendToNewGuest(User user, Instant now) {
        emails.registered(user, newToken(user, now), timeToLive);
    }

    /** A new link on request; every earlier one stops working. */
    void sendAgain(User user, Instant now) {
        oneTimeTokens.invalidateAll(user.id(), Purpose.EMAIL_VERIFICATION, now);
        emails.verification(user, newToken(user, now), timeToLive);
    }

    private OpaqueToken newToken(User user, Instant now) {
        OpaqueToken token = OpaqueToken.generate();
        oneTimeTokens.save(token.hash(), Purpose.EMAIL_VERIFICATION, user.id(), now.plus(timeToLive));
        return token;
    }
}
