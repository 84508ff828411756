package com.westbethel.motel.application.identity.port.out;

import java.time.Instant;
import java.util.OptionalLong;

/** Time-based one-time passwords (RFC 6238): six digits, 30-second steps. */
public interface TotpCodes {

    /** A new random secret, base32 as authenticator apps expect. */
    String newSecret();

    /** The time step whose code this is, checking one step either side of now for clock drift; empty if none. */
    OptionalLong matchingStep(String secret, String code, Instant now);

    /** The {@code otpauth://} URI an authenticator app scans. */
    String otpauthUri(String secret, String accountName);
}
