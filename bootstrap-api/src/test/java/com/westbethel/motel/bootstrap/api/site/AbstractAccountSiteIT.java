package com.westbethel.motel.bootstrap.api.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.bootstrap.api.HttpProbe;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.Cookie;

/**
 * Where a browser test of the account pages starts: {@link AbstractSiteIT}'s browser and emails, the {@link Accounts} of
 * the test, and what the browser itself does not show: the status of the page, the web session behind its cookie, the
 * account's state in the database.
 */
abstract class AbstractAccountSiteIT extends AbstractSiteIT {

    Accounts accounts;

    @BeforeEach
    void accounts() {
        accounts = new Accounts(new HttpProbe(port), emails);
    }

    /** The HTTP status of the page shown, as the browser received it (Navigation Timing's {@code responseStatus}). */
    long status() {
        return (Long) browser.driver().executeScript("return performance.getEntriesByType('navigation')[0].responseStatus");
    }

    /** The id of the visitor's web session, from its cookie (Spring Session writes it base64-encoded); null without one. */
    String webSessionId() {
        Cookie cookie = browser.driver().manage().getCookieNamed("SESSION");
        return cookie == null ? null : new String(Base64.getDecoder().decode(cookie.getValue()), StandardCharsets.US_ASCII);
    }

    /**
     * The visitor's web session ends while the page stays open, as one left idle past its limit: Spring Session takes a
     * session whose last access is older than its idle limit for ended (and its cleanup job deletes it).
     */
    void webSessionIdlePastItsLimit() {
        assertThat(jdbc.sql("UPDATE spring_session SET last_access_time = 0, expiry_time = 0 WHERE session_id = :id")
                .param("id", webSessionId()).update()).isOne();
    }

    /** Whether the server still holds the web session {@code id}. */
    boolean webSessionExists(String id) {
        return jdbc.sql("SELECT count(*) FROM spring_session WHERE session_id = :id").param("id", id).query(Long.class).single() == 1;
    }

    boolean emailVerified(String email) {
        return jdbc.sql("SELECT email_verified FROM users WHERE email = :email").param("email", email).query(Boolean.class).single();
    }

    /** How many of the account's emailed tokens for {@code purpose} ({@code EMAIL_VERIFICATION}, {@code PASSWORD_RESET}) are still unused. */
    long unusedTokens(String email, String purpose) {
        return jdbc.sql("""
                        SELECT count(*) FROM one_time_tokens t JOIN users u ON u.id = t.user_id
                        WHERE u.email = :email AND t.purpose = :purpose AND t.used_at IS NULL""")
                .param("email", email).param("purpose", purpose).query(Long.class).single();
    }
}
