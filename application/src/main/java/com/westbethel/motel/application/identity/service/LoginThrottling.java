package com.westbethel.motel.application.identity.service;

import com.westbethel.motel.application.identity.port.out.LoginAttempts;
import com.westbethel.motel.application.identity.port.out.SecurityEvents;
import com.westbethel.motel.application.identity.port.out.Sessions;
import com.westbethel.motel.domain.identity.Device;
import com.westbethel.motel.domain.identity.LoginThrottle;
import com.westbethel.motel.domain.identity.User;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How both login steps are slowed against guessing, with failure counters and locks in {@link LoginAttempts}. Each step
 * counts by the address with the account (a lock after five failures, 30 s doubling to 15 min) and by the address over
 * every account (a spray); the password step also paces the account from anywhere, and the code step the user from
 * anywhere, and gives each challenge a few tries only. Password and code guessers are counted apart. Every failure and
 * lock goes into the security log; the owner is emailed once, when an address's lock on their account starts.
 */
public record LoginThrottling(LoginAttempts attempts, Sessions sessions, LoginAlerts alerts, IdentitySettings settings) {

    private static final int MFA_TRIES_PER_CHALLENGE = 5;

    /** The counters of one step: by address and account, by address alone, by account from anywhere. */
    private record Keys(String addressAndAccount, String address, String account) {

        /** Keyed by the address as typed, known account or not, so that a lock reveals nothing. */
        static Keys password(Device device, String email) {
            return new Keys("password:" + device.throttleKey() + "|" + email, "password:" + device.throttleKey(), accountPaceKey(email));
        }

        static Keys mfa(Device device, User user) {
            return new Keys("mfa:" + device.throttleKey() + "|" + user.id(), "mfa:" + device.throttleKey(), "mfa:account:" + user.id());
        }
    }

    /** The account pace's key: by the email as typed, known account or not, so that the pace reveals nothing. */
    private static String accountPaceKey(String email) {
        return "password:account:" + email.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Until when a password try on this address is refused, if it is; otherwise the try has taken its turn of the
     * account pace. {@code email} is as typed (stripped and lower-cased), whether or not an account has it.
     */
    Optional<Instant> passwordTryLockedUntil(Optional<User> account, String email, Device device, Instant now) {
        Keys keys = Keys.password(device, email);
        Optional<Instant> locked = attempts.lockedUntil(List.of(keys.addressAndAccount(), keys.address()), now);
        if (locked.isEmpty() && !ownersDevice(account, device)) {
            locked = claimAccountTry(keys.account(), now);
        }
        locked.ifPresent(until -> alerts.log(account, email, SecurityEvents.Type.LOGIN_LOCKED, device, now));
        return locked;
    }

    /**
     * ASVS 2.2.1: whatever the addresses, an account sees at most 100 failed tries an hour. After a few free tries,
     * every further one waits its turn; never a lock that grows, and the owner's next login clears it. The turn is
     * claimed before the password is checked, in one atomic step: checked only afterwards, tries sent at once would
     * all pass before the first of them was counted.
     */
    private Optional<Instant> claimAccountTry(String account, Instant now) {
        LoginThrottle pace = LoginThrottle.accountPace(settings.accountFreeFailures());
        return attempts.claimPacedTry(account, now, pace.freeFailures(), pace.spacing(), pace.forgetAfter());
    }

    /**
     * A device the owner has logged in from before, where it is now, skips the account pace (the address and
     * address-and-account lockouts still apply): otherwise a stranger sending one wrong try each time the wait ends
     * would keep the owner out from everywhere, a hard lock after all. Its own typos take no turn either. Posing as it
     * takes the owner's network and browser, and from there the address-and-account lockout holds the guesses.
     */
    private boolean ownersDevice(Optional<User> account, Device device) {
        return account.map(found -> sessions.loggedInBeforeFrom(found.id(), device)).orElse(false);
    }

    void passwordFailed(Optional<User> account, String email, Device device, Instant now) {
        failed(account, email, Keys.password(device, email), device, now);
    }

    /**
     * The address's own counter stays: succeeding on one's own account must not reset a spray. The account's pace
     * goes, free tries and all: the owner is in.
     */
    void passwordSucceeded(String email, Device device) {
        Keys keys = Keys.password(device, email);
        attempts.clear(keys.addressAndAccount());
        attempts.clear(keys.account());
    }

    /** A completed password reset proves the owner: strangers' wrong tries no longer slow their next login. */
    void ownerProven(User user) {
        attempts.clear(accountPaceKey(user.email().value()));
    }

    /** Until when a code try for this user from this address is refused, if it is. */
    Optional<Instant> codeTryLockedUntil(User user, Device device, Instant now) {
        Keys keys = Keys.mfa(device, user);
        Optional<Instant> locked = attempts.lockedUntil(List.of(keys.addressAndAccount(), keys.address(), keys.account()), now);
        locked.ifPresent(until -> alerts.log(user, SecurityEvents.Type.LOGIN_LOCKED, device, now));
        return locked;
    }

    /**
     * Counts a wrong code, across every address too (a password holder spreading guesses over many addresses is
     * slowed as well); true when the challenge has had its tries and the password must be given again.
     */
    boolean codeFailed(User user, String challengeHash, Device device, Instant now) {
        Keys keys = Keys.mfa(device, user);
        failed(Optional.of(user), user.email().value(), keys, device, now);
        LoginThrottle accountWide = LoginThrottle.address();
        accountWide.lockAfter(attempts.recordFailure(keys.account(), now, accountWide.forgetAfter()))
                .ifPresent(lock -> attempts.lock(keys.account(), now.plus(lock)));
        return attempts.recordFailure("mfa:challenge:" + challengeHash, now, IdentitySettings.MFA_CHALLENGE_TTL) >= MFA_TRIES_PER_CHALLENGE;
    }

    void codeSucceeded(User user, Device device) {
        attempts.clear(Keys.mfa(device, user).addressAndAccount());
    }

    private void failed(Optional<User> account, String email, Keys keys, Device device, Instant now) {
        alerts.log(account, email, SecurityEvents.Type.LOGIN_FAILED, device, now);
        LoginThrottle accountThrottle = LoginThrottle.addressAndAccount();
        int failures = attempts.recordFailure(keys.addressAndAccount(), now, accountThrottle.forgetAfter());
        accountThrottle.lockAfter(failures).ifPresent(lock -> {
            attempts.lock(keys.addressAndAccount(), now.plus(lock));
            if (failures == accountThrottle.freeFailures()) {
                account.ifPresent(owner -> alerts.lockout(owner, device, failures, now));
            }
        });
        LoginThrottle addressThrottle = LoginThrottle.address();
        int addressFailures = attempts.recordFailure(keys.address(), now, addressThrottle.forgetAfter());
        addressThrottle.lockAfter(addressFailures).ifPresent(lock -> attempts.lock(keys.address(), now.plus(lock)));
    }
}
