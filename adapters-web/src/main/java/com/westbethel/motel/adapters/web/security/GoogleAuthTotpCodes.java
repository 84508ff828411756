package com.westbethel.motel.adapters.web.security;

import com.warrenstrange.googleauth.GoogleAuthenticator;
import com.warrenstrange.googleauth.GoogleAuthenticatorConfig;
import com.westbethel.motel.application.identity.port.out.TotpCodes;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/** TOTP by googleauth: SHA-1, six digits, 30-second steps, what every authenticator app speaks. */
public class GoogleAuthTotpCodes implements TotpCodes {

    private static final long STEP_MILLIS = TimeUnit.SECONDS.toMillis(30);

    private final GoogleAuthenticator authenticator = new GoogleAuthenticator(new GoogleAuthenticatorConfig.GoogleAuthenticatorConfigBuilder()
            .setTimeStepSizeInMillis(STEP_MILLIS)
            .setCodeDigits(6)
            .setWindowSize(3)
            .build());
    private final String issuer;

    /** @param issuer the name the authenticator app shows, such as "West Bethel Motel" */
    public GoogleAuthTotpCodes(String issuer) {
        this.issuer = issuer;
    }

    @Override
    public String newSecret() {
        return authenticator.createCredentials().getKey();
    }

    @Override
    public OptionalLong matchingStep(String secret, String code, Instant now) {
        long current = now.toEpochMilli() / STEP_MILLIS;
        for (long step = current - 1; step <= current + 1; step++) {
            if (String.format("%06d", authenticator.getTotpPassword(secret, step * STEP_MILLIS)).equals(code)) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    @Override
    public String otpauthUri(String secret, String accountName) {
        String label = encode(issuer) + ":" + encode(accountName);
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(issuer) + "&algorithm=SHA1&digits=6&period=30";
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
