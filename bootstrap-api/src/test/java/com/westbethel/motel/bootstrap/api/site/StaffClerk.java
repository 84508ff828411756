package com.westbethel.motel.bootstrap.api.site;

import static com.westbethel.motel.bootstrap.api.HttpProbe.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.bootstrap.api.HttpProbe;
import com.westbethel.motel.bootstrap.api.HttpProbe.Reply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A member of staff for the console's browser tests: an account of their own made through the API, given the STAFF role and
 * enrolled in two-factor login (the console requires it), who logs in through the site's login and its code step.
 */
record StaffClerk(String email, String secret, String id) {

    /** A new clerk, enrolled: the setup's code is this time step's, so {@link #logsIn} uses the next one. */
    static StaffClerk enrolled(HttpProbe http, int port, JdbcClient jdbc) {
        String email = Accounts.uniqueEmail("desk-clerk");
        TestAccounts.verified(port, jdbc, email);
        jdbc.sql("UPDATE user_roles SET role = 'STAFF' WHERE user_id = (SELECT id FROM users WHERE email = :email)").param("email", email).update();
        String token = logIn(http, email, TestAccounts.PASSWORD).json().path("accessToken").asString();
        Reply setup = http.post("/api/v1/auth/mfa/setup", json(Map.of("password", TestAccounts.PASSWORD)), token);
        assertThat(setup.status()).as(setup.body()).isEqualTo(200);
        String secret = setup.json().path("secret").asString();
        assertThat(http.post("/api/v1/auth/mfa/verify", json(Map.of("code", Accounts.code(secret, 0))), token).status()).isEqualTo(200);
        String id = jdbc.sql("SELECT id::text FROM users WHERE email = :email").param("email", email).query(String.class).single();
        return new StaffClerk(email, secret, id);
    }

    /** Opens a console page as an anonymous visitor: sent to the login, then the code step, then back to the page. */
    void logsIn(SiteBrowser browser, String path) {
        browser.open(path);
        assertThat(browser.path()).isEqualTo("/login?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8));
        browser.fill("Email address", email).fill("Password", TestAccounts.PASSWORD).press("Log in");
        assertThat(browser.path()).isEqualTo("/login/two-factor");
        browser.fill("Code from your app", Accounts.code(secret, 1)).press("Log in");
        assertThat(browser.path()).isEqualTo(path);
    }

    /** The audit log's name for what this clerk did. */
    String actor() {
        return "staff:" + id;
    }

    static Reply logIn(HttpProbe http, String email, String password) {
        Reply reply = http.post("/api/v1/auth/login", json(Map.of("email", email, "password", password)));
        assertThat(reply.status()).as("login of " + email + ": " + reply.body()).isEqualTo(200);
        return reply;
    }
}
