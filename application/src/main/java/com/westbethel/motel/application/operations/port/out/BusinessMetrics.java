package com.westbethel.motel.application.operations.port.out;

import com.westbethel.motel.application.booking.port.in.Channel;
import com.westbethel.motel.application.identity.port.in.LogInUseCase.LoginResult;
import com.westbethel.motel.domain.shared.Money;
import java.time.Duration;
import java.util.Optional;

/**
 * The business facts operators watch (bookings, payments, logins, sign-ups, expired holds), told by the use case at the point
 * each fact happens. The one home of every business meter.
 *
 * <p>A fact told inside a transaction counts only once that transaction commits: a booking rolled back counts nothing, so the
 * implementation holds each fact until the commit (and drops it on a rollback). A fact told outside any transaction counts at
 * once. {@link #tokenValidation} is a measurement, not a fact, and counts at once either way.
 */
public interface BusinessMetrics {

    /** A room was held for a new booking (an idempotent retry that replays the first booking is not a new one). */
    void bookingCreated(Channel channel);

    void bookingCancelled(Channel channel);

    /**
     * The processor's answer to one charge, as recorded: approved, declined, or no answer at all (the payment stays pending).
     * Told once per charge sent, and once more when a charge that got no answer is later found approved or declined by
     * asking the processor; asking again, and failing to get an answer, counts nothing.
     */
    void payment(PaymentOutcome outcome);

    /**
     * A payment confirmed the booking: its value, in the property's currency. {@code channel} is the one the payment came
     * through; empty when the worker finished a payment whose request had given up waiting for the processor.
     */
    void bookingConfirmed(Money total, Optional<Channel> channel);

    /** A new account was stored. */
    void registration();

    void login(LoginOutcome outcome);

    /** One access token checked (signature, lifetime, revocation) and how long that took. */
    void tokenValidation(boolean valid, Duration took);

    /** The worker let unpaid holds run out, freeing their rooms. */
    void holdsExpired(int holds);

    enum PaymentOutcome {
        SUCCEEDED,
        DECLINED,
        /** The processor failed or did not answer in time: nothing is known of the charge yet. */
        ERROR
    }

    enum LoginOutcome {
        SUCCESS,
        /** Wrong credentials, an unverified or disabled account, a wrong or stale second-factor code. */
        FAILURE,
        /** Refused before any check: throttled address, paced account, too many wrong codes. */
        LOCKED,
        /** The password was right; a code from the authenticator must follow. */
        MFA_REQUIRED;

        /** The one mapping of a login's answer to its outcome, for both steps of a login. */
        public static LoginOutcome of(LoginResult result) {
            if (result instanceof LoginResult.LoggedIn) {
                return SUCCESS;
            }
            if (result instanceof LoginResult.MfaRequired) {
                return MFA_REQUIRED;
            }
            return result instanceof LoginResult.LockedOut ? LOCKED : FAILURE;
        }
    }
}
