package com.westbethel.motel.bootstrap.api.site;

import static com.westbethel.motel.bootstrap.api.HttpProbe.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.bootstrap.api.HttpProbe;
import com.westbethel.motel.bootstrap.api.HttpProbe.Reply;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Members of staff and admins of a browser test's own, enrolled in two-factor login as the console wants them, and their
 * way in: the console sends the anonymous visitor to the site's login, then its code step, then back.
 */
final class StaffAccounts {

    private StaffAccounts() {
    }

    /** A verified account with {@code role} (STAFF or ADMIN) alone, enrolled in two-factor login with the code of step 0; its TOTP secret. */
    static String enrolled(int port, JdbcClient jdbc, String email, String role) {
        HttpProbe http = new HttpProbe(port);
        TestAccounts.verified(port, jdbc, email);
        jdbc.sql("UPDATE user_roles SET role = :role WHERE user_id = (SELECT id FROM users WHERE email = :email)").param("role", role)
                .param("email", email).update();
        Reply login = http.post("/api/v1/auth/login", json(Map.of("email", email, "password", TestAccounts.PASSWORD)));
        assertThat(login.status()).as("login of " + email + ": " + login.body()).isEqualTo(200);
        String token = login.json().path("accessToken").asString();
        Reply setup = http.post("/api/v1/auth/mfa/setup", json(Map.of("password", TestAccounts.PASSWORD)), token);
        assertThat(setup.status()).as(setup.body()).isEqualTo(200);
        String secret = setup.json().path("secret").asString();
        assertThat(http.post("/api/v1/auth/mfa/verify", json(Map.of("code", Accounts.code(secret, 0))), token).status()).isEqualTo(200);
        return secret;
    }

    /**
     * Opens {@code page} as an anonymous visitor, logs in with the password and the next code (step 1: enrolment used step 0),
     * and checks each step's address on the way back to the page.
     */
    static void logIn(SiteBrowser browser, String page, String email, String secret) {
        browser.open(page);
        assertThat(browser.path()).isEqualTo("/login?next=" + page.replace("/", "%2F"));
        browser.fill("Email address", email).fill("Password", TestAccounts.PASSWORD).press("Log in");
        assertThat(browser.path()).isEqualTo("/login/two-factor");
        browser.fill("Code from your app", Accounts.code(secret, 1)).press("Log in");
        assertThat(browser.path()).isEqualTo(page);
    }
}
