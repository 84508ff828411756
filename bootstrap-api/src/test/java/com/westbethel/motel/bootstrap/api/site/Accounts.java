package com.westbethel.motel.bootstrap.api.site;

import static com.westbethel.motel.bootstrap.api.HttpProbe.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.warrenstrange.googleauth.GoogleAuthenticator;
import com.westbethel.motel.bootstrap.api.EmailedLinks;
import com.westbethel.motel.bootstrap.api.HttpProbe;
import com.westbethel.motel.bootstrap.api.HttpProbe.Reply;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * The accounts of the account pages' browser tests, and what their owners do outside the browser: sign up and verify
 * through the API (for a test about another page), log in from another device, read the code of their authenticator app.
 */
final class Accounts {

    static final String PASSWORD = "lantern orchard velvet kayak";
    static final String NEW_PASSWORD = "harbour pepper glacier trumpet";
    /** What the authenticator app on the guest's phone computes: RFC 6238 TOTP, as any app does. */
    private static final GoogleAuthenticator AUTHENTICATOR_APP = new GoogleAuthenticator();

    private final HttpProbe http;
    private final EmailedLinks emails;

    Accounts(HttpProbe http, EmailedLinks emails) {
        this.http = http;
        this.emails = emails;
    }

    /** An address nobody has used: {@code prefix-xxxxxxxx@example.com}. */
    static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    /** Kari Holm, signed up through the API with {@link #PASSWORD} and verified with the token of the emailed link; the address. */
    String verified(String prefix) {
        String email = uniqueEmail(prefix);
        assertThat(http.post("/api/v1/auth/register", json(Map.of("email", email, "password", PASSWORD, "firstName", "Kari", "lastName", "Holm")))
                .status()).as("sign-up of " + email).isEqualTo(202);
        assertThat(http.post("/api/v1/auth/verify-email", json(Map.of("token", token(emails.link(email, "email-verification", "/verify-email")))))
                .status()).as("verification of " + email).isEqualTo(200);
        return email;
    }

    /** A login through the API from another device (its browser named by {@code userAgent}); the access token. */
    String logInElsewhere(String email, String userAgent) {
        Reply loggedIn = http.send(http.request("/api/v1/auth/login").header("Content-Type", "application/json").setHeader("User-Agent", userAgent)
                .POST(HttpRequest.BodyPublishers.ofString(json(Map.of("email", email, "password", PASSWORD)))));
        assertThat(loggedIn.status()).as(loggedIn.body()).isEqualTo(200);
        return loggedIn.json().path("accessToken").asString();
    }

    /** Whether the API still takes {@code accessToken}. */
    boolean accepted(String accessToken) {
        return http.get("/api/v1/users/me", accessToken).status() == 200;
    }

    /** The token of a link ({@code /verify-email?token=...}), decoded. */
    static String token(String link) {
        return URLDecoder.decode(URI.create(link).getRawQuery().substring("token=".length()), StandardCharsets.UTF_8);
    }

    /**
     * The code the app shows for {@code secret}, {@code stepsAhead} 30-second steps from now. A code's step is used once,
     * and never one before it: the set-up takes this step's code, the next login the next step's.
     */
    static String code(String secret, int stepsAhead) {
        return String.format("%06d", AUTHENTICATOR_APP.getTotpPassword(secret, System.currentTimeMillis() + stepsAhead * 30_000L));
    }

    /** {@code "123456"} as a guest pastes it from an app that groups the digits: {@code "123 456"}. */
    static String spaced(String code) {
        return code.substring(0, 3) + " " + code.substring(3);
    }
}
