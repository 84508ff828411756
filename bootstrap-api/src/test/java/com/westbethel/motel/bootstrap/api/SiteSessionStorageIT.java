package com.westbethel.motel.bootstrap.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.bootstrap.api.SiteBrowser.Page;
import com.westbethel.motel.domain.identity.OpaqueToken;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * What the web session stores in PostgreSQL (spring_session_attributes): the account's tokens and a two-factor set-up's
 * secret are sealed with the MFA encryption key, so a read of the session table yields no live token and no secret.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SiteSessionStorageIT extends AbstractApiIT {

    /** An opaque refresh token is 43 URL-safe base64 characters (256 bits). */
    private static final int REFRESH_TOKEN_LENGTH = 43;
    private static final Pattern URL_SAFE_RUN = Pattern.compile("[A-Za-z0-9_-]{" + REFRESH_TOKEN_LENGTH + ",}");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]+\\.eyJ[A-Za-z0-9_-]+\\.");

    @Test
    void the_session_rows_hold_neither_the_accounts_tokens_nor_the_two_factor_secret_in_any_readable_form() {
        // given: a logged-in visitor in the middle of a two-factor set-up
        String email = guests.verifiedGuest("sealed-session");
        SiteBrowser browser = new SiteBrowser(port);
        assertThat(browser.logIn(email, Guests.PASSWORD).location()).endsWith("/account");
        browser.get("/account/two-factor");
        assertThat(browser.post("/account/two-factor/setup", Map.of("password", Guests.PASSWORD)).location()).endsWith("/account/two-factor/setup");
        String secret = secretOf(browser.get("/account/two-factor/setup"));

        // when
        String stored = new String(sessionBytes(browser), StandardCharsets.ISO_8859_1);

        // then
        assertThat(stored).as("the session is the one under test").isNotEmpty();
        assertThat(stored).doesNotContain(secret);
        assertThat(JWT.matcher(stored).find()).as("an access token in clear").isFalse();
        assertThat(refreshTokenHashesOf(email)).isNotEmpty().doesNotContainAnyElementsOf(candidateHashes(stored));
    }

    /** Every attribute of the browser's web session, as PostgreSQL stores them. */
    private byte[] sessionBytes(SiteBrowser browser) {
        String sessionId = new String(Base64.getDecoder().decode(browser.sessionCookie().orElseThrow().getValue()), StandardCharsets.US_ASCII);
        List<byte[]> attributes = jdbc.sql("""
                        SELECT a.attribute_bytes FROM spring_session_attributes a JOIN spring_session s ON s.primary_id = a.session_primary_id
                        WHERE s.session_id = :id
                        """).param("id", sessionId).query((row, number) -> row.getBytes(1)).list();
        int length = attributes.stream().mapToInt(bytes -> bytes.length).sum();
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] bytes : attributes) {
            System.arraycopy(bytes, 0, all, at, bytes.length);
            at += bytes.length;
        }
        return all;
    }

    /** The hashes of the account's refresh tokens, as refresh_tokens stores them. */
    private Set<String> refreshTokenHashesOf(String email) {
        return new HashSet<>(jdbc.sql("SELECT r.token_hash FROM refresh_tokens r JOIN user_sessions s ON s.id = r.session_id "
                + "JOIN users u ON u.id = s.user_id WHERE u.email = :email").param("email", email).query(String.class).list());
    }

    /** The hash of every stretch of the stored bytes that could be a refresh token written in clear. */
    private static List<String> candidateHashes(String stored) {
        List<String> hashes = new ArrayList<>();
        Matcher run = URL_SAFE_RUN.matcher(stored);
        while (run.find()) {
            for (int start = run.start(); start + REFRESH_TOKEN_LENGTH <= run.end(); start++) {
                hashes.add(OpaqueToken.hash(stored.substring(start, start + REFRESH_TOKEN_LENGTH)));
            }
        }
        return hashes;
    }

    private static String secretOf(Page setUp) {
        Matcher secret = Pattern.compile("class=\"secret\">([A-Z2-7 ]+)<").matcher(setUp.body());
        assertThat(secret.find()).as("the secret for manual entry").isTrue();
        return secret.group(1).replace(" ", "");
    }
}
