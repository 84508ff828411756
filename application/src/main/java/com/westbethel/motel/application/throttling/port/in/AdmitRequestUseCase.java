package com.westbethel.motel.application.throttling.port.in;

import com.westbethel.motel.domain.shared.ClientAddress;
import java.time.Duration;

/**
 * Every request is counted against the rate limit of its kind, per client address; requests about an
 * account (password reset, verification emails) also per address and account together. A bucket per
 * account alone would let anyone drain it and lock the account's owner out, so there is none.
 */
public interface AdmitRequestUseCase {

    Admission admitFromAddress(RequestKind kind, ClientAddress clientAddress);

    Admission admitForAccount(RequestKind kind, ClientAddress clientAddress, String account);

    /**
     * What a request does, by the route it matched; {@code UNROUTED} is a request no route of the API serves;
     * {@code GUEST_BOOKING} a booking made without an account (each one holds a room for a while).
     */
    enum RequestKind { API, LOGIN, REGISTER, PASSWORD_RESET, VERIFICATION, MFA, GUEST_BOOKING, UNROUTED }

    record Admission(boolean admitted, Duration retryAfter) {

        public static Admission admit() {
            return new Admission(true, Duration.ZERO);
        }
    }
}
