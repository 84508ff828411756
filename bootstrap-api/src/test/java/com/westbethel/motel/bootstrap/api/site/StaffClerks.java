package com.westbethel.motel.bootstrap.api.site;

import static com.westbethel.motel.bootstrap.api.HttpProbe.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.bootstrap.api.HttpProbe;
import com.westbethel.motel.bootstrap.api.HttpProbe.Reply;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Members of staff for the console's browser tests: an account made STAFF and enrolled in two-factor login through the API
 * (its first code spent there), and its login through the site's pages, as a clerk logs in.
 */
final class StaffClerks {

    /** @param id the account's id, as the audit log names the clerk ({@code staff:<id>}) */
    record Clerk(String email, String secret, String id) {
    }

    private StaffClerks() {
    }

    static Clerk enrolled(int port, JdbcClient jdbc, String prefix) {
        HttpProbe http = new HttpProbe(port);
        String email = Accounts.uniqueEmail(prefix);
        TestAccounts.verified(port, jdbc, email);
        jdbc.sql("UPDATE user_roles SET role = 'STAFF' WHERE user_id = (SELECT id FROM users WHERE email = :email)").param("email", email).update();
        Reply login = http.post("/api/v1/auth/login", json(Map.of("email", email, "password", TestAccounts.PASSWORD)));
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        String token = login.json().path("accessToken").asString();
        Reply setup = http.post("/api/v1/auth/mfa/setup", json(Map.of("password", TestAccounts.PASSWORD)), token);
        assertThat(setup.status()).as(setup.body()).isEqualTo(200);
        String secret = setup.json().path("secret").asString();
        assertThat(http.post("/api/v1/auth/mfa/verify", json(Map.of("code", Accounts.code(secret, 0))), token).status()).isEqualTo(200);
        String id = jdbc.sql("SELECT id::text FROM users WHERE email = :email").param("email", email).query(String.class).single();
        return new Clerk(email, secret, id);
    }

    /** Opens {@code path} as a new visitor: sent to the login, then the code step (the next code), then back to {@code path}. */
    static void logIn(SiteBrowser browser, Clerk clerk, String path) {
        browser.open(path);
        assertThat(browser.path()).startsWith("/login?next=");
        browser.fill("Email address", clerk.email()).fill("Password", TestAccounts.PASSWORD).press("Log in");
        assertThat(browser.path()).isEqualTo("/login/two-factor");
        browser.fill("Code from your app", Accounts.code(clerk.secret(), 1)).press("Log in");
        assertThat(browser.path()).isEqualTo(path);
    }
}
