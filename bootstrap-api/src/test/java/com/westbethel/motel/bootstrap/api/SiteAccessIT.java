package com.westbethel.motel.bootstrap.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.bootstrap.api.SiteBrowser.Page;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The website's chain ends safely: the open pages are listed, {@code /account/**} needs a login, and any other path is a
 * 404 page for everyone, even one a controller serves (here one the test adds), so a page added without its line in the
 * list stays unreachable rather than open.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SiteAccessIT extends AbstractApiIT {

    @TestConfiguration
    static class UnlistedPage {

        @Bean
        ForgottenController forgottenController() {
            return new ForgottenController();
        }
    }

    /** A page someone added without listing it among the site's pages. */
    @RestController
    static class ForgottenController {

        @GetMapping("/staff-notes")
        String notes() {
            return "the staff's notes";
        }
    }

    @Test
    void a_path_the_site_does_not_list_is_a_404_page_even_when_a_controller_serves_it() {
        SiteBrowser anonymous = new SiteBrowser(port);
        SiteBrowser loggedIn = new SiteBrowser(port);
        loggedIn.logIn(guests.verifiedGuest("unlisted"), Guests.PASSWORD);

        Page forAnonymous = anonymous.get("/staff-notes");
        Page forAccount = loggedIn.get("/staff-notes");

        assertThat(forAnonymous.status()).isEqualTo(404);
        assertThat(forAccount.status()).isEqualTo(404);
        assertThat(forAnonymous.contentType()).startsWith("text/html");
        assertThat(forAnonymous.body()).doesNotContain("the staff's notes");
        assertThat(forAccount.body()).doesNotContain("the staff's notes");
    }

    @Test
    void an_unknown_path_is_the_404_page_for_an_anonymous_visitor_not_a_login_redirect() {
        SiteBrowser anonymous = new SiteBrowser(port);

        Page unknown = anonymous.get("/no-such-page/at/all");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("text/html");
        assertThat(unknown.location()).isNull();
    }

    @Test
    void the_listed_pages_stay_open_and_the_account_pages_ask_for_a_login() {
        SiteBrowser anonymous = new SiteBrowser(port);

        assertThat(anonymous.get("/login").status()).isEqualTo(200);
        assertThat(anonymous.get("/register").status()).isEqualTo(200);
        assertThat(anonymous.get("/forgot-password").status()).isEqualTo(200);
        assertThat(anonymous.get("/verify-email?token=anything").status()).isEqualTo(200);
        assertThat(anonymous.get("/unsubscribe?token=anything").status()).isNotIn(302, 401, 403);
        assertThat(anonymous.get("/site/favicon.svg").status()).isEqualTo(200);
        assertThat(anonymous.get("/bookings/" + UUID.randomUUID() + "/review").location()).as("no login redirect").isNull();
        assertThat(anonymous.get("/manage/not-a-token").location()).as("no login redirect").isNull();
        Page account = anonymous.get("/account/bookings");
        assertThat(account.status()).isEqualTo(302);
        assertThat(account.location()).endsWith("/login?next=%2Faccount%2Fbookings");
    }
}
