package com.westbethel.motel.bootstrap.api.site;

import static com.westbethel.motel.bootstrap.api.site.Accounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The website's refusals as a browser shows them: the error pages (an unknown address, a wrong method, a request the
 * server cannot read, a form whose session ended) and the login page locked after failed tries, each in the site's
 * design, saying what to do next, and held to the quality bars.
 */
class ErrorPagesIT extends AbstractAccountSiteIT {

    @Test
    void an_unknown_address_a_wrong_method_and_an_unreadable_request_are_pages_of_the_site() {
        browser.open("/no-such-page");
        assertThat(status()).isEqualTo(404);
        assertThat(browser.title()).isEqualTo("Page not found - West Bethel Motel");
        assertThat(browser.text()).contains("There is nothing at this address", "Go to the home page");
        browser.assertPageBars("error-404");

        browser.open("/logout");
        assertThat(status()).isEqualTo(405);
        assertThat(browser.text()).contains("This page cannot do that");
        browser.assertPageBars("error-405");

        // Refused by the server before the application (Spring Security's firewall): the page without the template engine.
        browser.open("/account;x=1");
        assertThat(status()).isEqualTo(400);
        assertThat(browser.text()).contains("We could not read this request", "Go to the home page");
        browser.assertPageBars("error-400");
    }

    @Test
    void a_form_sent_after_its_session_ended_says_the_form_expired_and_how_to_go_on() {
        browser.open("/login").fill("Email address", "kari@example.com");
        webSessionIdlePastItsLimit();

        browser.fill("Password", PASSWORD).press("Log in");

        assertThat(status()).isEqualTo(403);
        assertThat(browser.title()).isEqualTo("This form has expired - West Bethel Motel");
        assertThat(browser.text()).contains("Go back, reload the page, and send the form again.");
        browser.assertPageBars("error-403-form-expired");
    }

    @Test
    void failed_logins_lock_the_login_with_a_429_page_that_says_how_long_to_wait() {
        String email = accounts.verified("locked");
        browser.open("/login");

        for (int tries = 0; tries < 10 && status() != 429; tries++) {
            browser.fill("Email address", email).fill("Password", "not the password at all").press("Log in");
        }

        assertThat(status()).isEqualTo(429);
        assertThat(browser.text()).containsPattern("Too many failed logins\\. Try again in \\d+ seconds, or reset your password\\.");
        assertThat(browser.value("Email address")).as("what was typed").isEqualTo(email);
        browser.assertPageBars("login-locked-429");
    }
}
