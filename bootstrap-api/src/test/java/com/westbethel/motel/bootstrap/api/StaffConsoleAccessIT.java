package com.westbethel.motel.bootstrap.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.bootstrap.api.SiteBrowser.Page;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Who gets into the staff console's pages: an anonymous visitor is sent to the site's login page and back; a guest gets
 * the 403 page; a member of staff gets the page, and a form without the session's CSRF token is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StaffConsoleAccessIT extends AbstractApiIT {

    @Test
    void an_anonymous_visitor_logs_in_first_and_comes_back_to_the_console() {
        SiteBrowser anonymous = new SiteBrowser(port);

        Page today = anonymous.get("/staff");
        Page housekeeping = anonymous.get("/staff/housekeeping");

        assertThat(today.status()).isEqualTo(302);
        assertThat(today.location()).endsWith("/login?next=%2Fstaff");
        assertThat(housekeeping.location()).endsWith("/login?next=%2Fstaff%2Fhousekeeping");
    }

    @Test
    void a_guest_gets_the_403_page_and_a_member_of_staff_gets_the_console() {
        SiteBrowser guest = new SiteBrowser(port);
        guest.logIn(guests.verifiedGuest("console-guest"), Guests.PASSWORD);
        SiteBrowser clerk = new SiteBrowser(port);
        String email = guests.verifiedGuest("console-clerk");
        jdbc.sql("UPDATE user_roles SET role = 'STAFF' WHERE user_id = (SELECT id FROM users WHERE email = :email)").param("email", email).update();
        clerk.logIn(email, Guests.PASSWORD);

        Page refused = guest.get("/staff");
        Page today = clerk.get("/staff");
        Page housekeeping = clerk.get("/staff/housekeeping");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text()).contains("You cannot open this page").doesNotContain("two-factor");
        assertThat(guest.get("/staff/housekeeping").status()).isEqualTo(403);
        assertThat(today.status()).isEqualTo(200);
        assertThat(today.text()).contains("Today at the desk", "Arrivals", "Departures", "In the house");
        assertThat(housekeeping.status()).isEqualTo(200);
        assertThat(housekeeping.text()).contains("Housekeeping");
        assertThat(today.header("Content-Security-Policy")).contains("script-src 'self'", "style-src 'self'");
    }

    @Test
    void a_consoles_form_without_the_sessions_csrf_token_is_refused() {
        SiteBrowser clerk = new SiteBrowser(port);
        String email = guests.verifiedGuest("console-csrf");
        jdbc.sql("UPDATE user_roles SET role = 'STAFF' WHERE user_id = (SELECT id FROM users WHERE email = :email)").param("email", email).update();
        clerk.logIn(email, Guests.PASSWORD);
        String room = jdbc.sql("SELECT id::text FROM rooms LIMIT 1").query(String.class).single();
        String before = jdbc.sql("SELECT housekeeping FROM rooms WHERE id = CAST(:id AS uuid)").param("id", room).query(String.class).single();

        Page refused = clerk.postExactly("/staff/rooms/" + room + "/housekeeping", Map.of("status", before.equals("DIRTY") ? "CLEAN" : "DIRTY"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text()).contains("This form has expired");
        assertThat(jdbc.sql("SELECT housekeeping FROM rooms WHERE id = CAST(:id AS uuid)").param("id", room).query(String.class).single())
                .isEqualTo(before);
    }
}
