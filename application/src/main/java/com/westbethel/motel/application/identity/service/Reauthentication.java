package com.westbethel.motel.application.identity.service;

import com.westbethel.motel.application.identity.port.out.LoginAttempts;
import com.westbethel.motel.domain.identity.LoginThrottle;
import com.westbethel.motel.domain.identity.User;
import com.westbethel.motel.domain.identity.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A signed-in user proving again who they are (the current password, or a code) before a sensitive change: changing
 * the password, setting up two-factor login, turning it off. A stolen access token must not buy unlimited guesses of
 * the password: one counter per user, shared by all three, so that it buys five in all rather than five per endpoint,
 * then locks on the address-and-account schedule (30 s doubling to 15 min). The owner is told once, when a lock starts.
 */
record Reauthentication(LoginAttempts attempts, IdentityNotifications emails) {

    private static final LoginThrottle THROTTLE = LoginThrottle.addressAndAccount();

    private static String key(UserId user) {
        return "reauth:" + user;
    }

    /** How long the user must wait before trying again, if a lock is running. */
    Optional<Duration> lockedFor(UserId user, Instant now) {
        return attempts.lockedUntil(List.of(key(user)), now).map(until -> Duration.between(now, until));
    }

    void failed(User user, Instant now) {
        String key = key(user.id());
        int failures = attempts.recordFailure(key, now, THROTTLE.forgetAfter());
        THROTTLE.lockAfter(failures).ifPresent(lock -> {
            attempts.lock(key, now.plus(lock));
            if (failures == THROTTLE.freeFailures()) {
                emails.reauthenticationFailures(user, failures, now);
            }
        });
    }

    void succeeded(UserId user) {
        attempts.clear(key(user));
    }
}
