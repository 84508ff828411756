package com.westbethel.motel.application.throttling.port.in;

import java.time.Duration;

/**
 * Every request is counted against the rate limit of its kind, per client address; requests about
 * an account (login, password reset, verification) also per account.
 */
public interface AdmitRequestUseCase {

    Admission admitFromAddress(RequestKind kind, String clientAddress);

    Admission admitForAccount(RequestKind kind, String account);

    enum RequestKind { API, LOGIN, REGISTER, PASSWORD_RESET, VERIFICATION, MFA }

    record Admission(boolean admitted, Duration retryAfter) {

        public static Admission admit() {
            return new Admission(true, Duration.ZERO);
        }
    }
}
