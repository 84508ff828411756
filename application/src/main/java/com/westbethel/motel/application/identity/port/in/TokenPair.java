package com.westbethel.motel.application.identity.port.in;

/** What a successful login or refresh hands the client. */
public record TokenPair(String accessToken, String refreshToken, long expiresInSeconds) {

    @Override
    public String toString() {
        return "TokenPair[redacted, expiresInSeconds=" + expiresInSeconds + "]";
    }
}
