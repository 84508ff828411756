package com.westbethel.motel.bootstrap.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.bootstrap.api.SiteBrowser.Page;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * With two-factor login required of staff and admins (as in production; the same properties as MfaApiIT, so the same
 * Spring context), a member of staff who has not turned it on logs in with a token that grants no role: the console
 * answers with a 403 page that says to turn it on first and links to where that is done.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"motel.security.require-admin-mfa=true",
        "motel.security.require-staff-mfa=true"})
class StaffConsoleTwoFactorIT extends AbstractApiIT {

    @Test
    void staff_without_two_factor_login_are_asked_to_turn_it_on_first() {
        SiteBrowser clerk = new SiteBrowser(port);
        String email = guests.verifiedGuest("console-unenrolled");
        jdbc.sql("UPDATE user_roles SET role = 'STAFF' WHERE user_id = (SELECT id FROM users WHERE email = :email)").param("email", email).update();
        assertThat(clerk.logIn(email, Guests.PASSWORD).status()).isEqualTo(302);

        Page refused = clerk.get("/staff");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text()).contains("Turn on two-factor login first", "Staff and admins use the staff console only with two-factor login");
        assertThat(refused.body()).contains("href=\"/account/two-factor\"");
        assertThat(clerk.get("/account/two-factor").status()).as("where it is turned on").isEqualTo(200);
    }
}
