package com.westbethel.motel.application.identity.service;

import static com.westbethel.motel.application.identity.service.IdentityFixture.EMAIL;
import static com.westbethel.motel.application.identity.service.IdentityFixture.LAPTOP;
import static com.westbethel.motel.application.identity.service.IdentityFixture.NEW_PASSWORD;
import static com.westbethel.motel.application.identity.service.IdentityFixture.PASSWORD;
import static com.westbethel.motel.application.identity.service.IdentityFixture.PHONE;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.identity.port.in.LogInUseCase.LogInCommand;
import com.westbethel.motel.application.identity.port.in.LogInUseCase.LoginResult;
import com.westbethel.motel.application.identity.port.in.ResetPasswordUseCase.ResetResult;
import com.westbethel.motel.application.identity.port.out.SecurityEvents;
import com.westbethel.motel.application.notification.event.SecurityAlert;
import com.westbethel.motel.application.notification.event.SecurityAlert.Kind;
import com.westbethel.motel.domain.identity.Device;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoginThrottlingTest {

    private static final Device ATTACKER = Device.of("192.0.2.66", "curl/8");

    private final IdentityFixture fixture = new IdentityFixture();

    @BeforeEach
    void aVerifiedGuest() {
        fixture.verifiedGuest();
    }

    @Test
    void five_wrong_passwords_from_one_address_lock_that_address_out_of_the_account() {
        for (int i = 0; i < 5; i++) {
            assertThat(logIn("wrong guess " + i, ATTACKER)).isInstanceOf(LoginResult.BadCredentials.class);
        }

        LoginResult locked = logIn(PASSWORD, ATTACKER);

        assertThat(locked).isEqualTo(new LoginResult.LockedOut(Duration.ofSeconds(30)));
        assertThat(fixture.metrics.recorded()).containsExactly("login FAILURE", "login FAILURE", "login FAILURE", "login FAILURE", "login FAILURE",
                "login LOCKED");
    }

    @Test
    void the_owner_still_logs_in_from_another_address_while_the_attacker_is_locked_out() {
        for (int i = 0; i < 8; i++) {
            logIn("wrong guess " + i, ATTACKER);
        }

        assertThat(logIn(PASSWORD, PHONE)).isInstanceOf(LoginResult.LoggedIn.class);
        assertThat(logIn(PASSWORD, ATTACKER)).isInstanceOf(LoginResult.LockedOut.class);
    }

    @Test
    void the_lock_ends_by_itself_and_grows_with_further_failures() {
        for (int i = 0; i < 5; i++) {
            logIn("wrong guess " + i, ATTACKER);
        }
        fixture.clock.advance(Duration.ofSeconds(31));
        assertThat(logIn("one more wrong guess", ATTACKER)).isInstanceOf(LoginResult.BadCredentials.class);

        assertThat(logIn(PASSWORD, ATTACKER)).isEqualTo(new LoginResult.LockedOut(Duration.ofMinutes(1)));
    }

    @Test
    void an_unknown_account_is_locked_exactly_like_a_known_one_so_locks_reveal_nothing() {
        for (int i = 0; i < 5; i++) {
            assertThat(logIn("nobody@example.com", "wrong guess " + i, ATTACKER)).isInstanceOf(LoginResult.BadCredentials.class);
        }

        assertThat(logIn("nobody@example.com", "anything", ATTACKER)).isInstanceOf(LoginResult.LockedOut.class);
    }

    @Test
    void the_owner_is_told_by_email_once_when_a_lock_starts() {
        for (int i = 0; i < 7; i++) {
            logIn("wrong guess " + i, ATTACKER);
            fixture.clock.advance(Duration.ofMinutes(5));
        }

        SecurityAlert alert = fixture.outbox.only(SecurityAlert.class);
        assertThat(alert.kind()).isEqualTo(Kind.LOCKOUT);
        assertThat(alert.device()).contains(ATTACKER);
        assertThat(alert.failures()).hasValue(5);
    }

    @Test
    void one_address_spraying_many_accounts_is_slowed_down_too() {
        for (int i = 0; i < 30; i++) {
            logIn("victim" + i + "@example.com", "Summer2027!", ATTACKER);
        }

        assertThat(logIn(PASSWORD, ATTACKER)).isInstanceOf(LoginResult.LockedOut.class);
        assertThat(logIn(PASSWORD, LAPTOP)).isInstanceOf(LoginResult.LoggedIn.class);
    }

    @Test
    void a_login_from_a_new_device_raises_an_alert_but_the_first_login_and_known_devices_do_not() {
        logIn(PASSWORD, LAPTOP);
        logIn(PASSWORD, LAPTOP);
        assertThat(fixture.outbox.all(SecurityAlert.class)).isEmpty();

        logIn(PASSWORD, PHONE);

        SecurityAlert alert = fixture.outbox.only(SecurityAlert.class);
        assertThat(alert.kind()).isEqualTo(Kind.NEW_DEVICE);
        assertThat(alert.device()).contains(PHONE);
        assertThat(fixture.events.types()).contains(SecurityEvents.Type.NEW_DEVICE);
    }

    @Test
    void the_login_history_lists_successes_and_failures_newest_first() {
        logIn("wrong guess", ATTACKER);
        var session = fixture.logIn(LAPTOP);

        var history = fixture.loginHistory.loginHistory(fixture.claimsOf(session));

        assertThat(history).extracting(entry -> entry.event()).containsExactly("LOGIN_SUCCEEDED", "LOGIN_FAILED");
        assertThat(history.get(1).ipAddress()).isEqualTo("192.0.2.66");
    }

    @Test // Finding 1
    void after_ten_failures_from_any_addresses_each_further_try_on_the_account_waits_forty_seconds() {
        for (int i = 0; i < 10; i++) {
            assertThat(logIn("wrong guess " + i, freshAddress(i))).isInstanceOf(LoginResult.BadCredentials.class);
        }

        assertThat(logIn(PASSWORD, freshAddress(10))).isEqualTo(new LoginResult.LockedOut(Duration.ofSeconds(40)));
        assertThat(logIn(PASSWORD, PHONE)).as("the owner waits too, briefly").isInstanceOf(LoginResult.LockedOut.class);

        fixture.clock.advance(Duration.ofSeconds(40));
        assertThat(logIn("another wrong guess", freshAddress(11))).isInstanceOf(LoginResult.BadCredentials.class);
        assertThat(logIn(PASSWORD, freshAddress(12))).isEqualTo(new LoginResult.LockedOut(Duration.ofSeconds(40)));
        fixture.clock.advance(Duration.ofSeconds(40));
        assertThat(logIn(PASSWORD, PHONE)).as("never a hard lock").isInstanceOf(LoginResult.LoggedIn.class);
    }

    @Test // Finding 1: ASVS 2.2.1
    void an_attacker_with_endless_addresses_gets_at_most_100_failures_an_hour_on_one_account() {
        List<Instant> failures = new ArrayList<>();
        int attempt = 0;
        for (Instant end = fixture.clock.instant().plus(Duration.ofHours(3)); fixture.clock.instant().isBefore(end); attempt++) {
            if (logIn("guess " + attempt, freshAddress(attempt)) instanceof LoginResult.BadCredentials) {
                failures.add(fixture.clock.instant());
            }
            fixture.clock.advance(Duration.ofSeconds(1));
        }

        for (Instant start : failures) {
            assertThat(failures.stream().filter(failure -> !failure.isBefore(start) && failure.isBefore(start.plus(Duration.ofHours(1)))))
                    .as("failures in the hour from " + start).hasSizeLessThanOrEqualTo(100);
        }
        assertThat(failures).as("the guesser is slowed, not stopped").hasSizeGreaterThan(3 * 85);
    }

    @Test // Finding 1
    void the_owners_successful_login_gives_the_account_its_free_tries_back() {
        for (int i = 0; i < 9; i++) {
            logIn("wrong guess " + i, freshAddress(i));
        }
        assertThat(logIn(PASSWORD, PHONE)).isInstanceOf(LoginResult.LoggedIn.class);

        for (int i = 0; i < 9; i++) {
            assertThat(logIn("wrong again " + i, freshAddress(20 + i))).isInstanceOf(LoginResult.BadCredentials.class);
        }
        assertThat(logIn(PASSWORD, PHONE)).isInstanceOf(LoginResult.LoggedIn.class);
    }

    @Test // Finding 1
    void the_account_pace_counts_an_ipv6_client_by_its_slash_64() {
        for (int i = 1; i <= 5; i++) {
            assertThat(logIn("wrong guess " + i, Device.of("2001:db8:42:7::" + i, "curl/8"))).isInstanceOf(LoginResult.BadCredentials.class);
        }

        assertThat(logIn(PASSWORD, Device.of("2001:db8:42:7:abcd::99", "curl/8"))).as("same /64, fresh address").isInstanceOf(LoginResult.LockedOut.class);
        assertThat(logIn(PASSWORD, Device.of("2001:db8:42:8::1", "Firefox"))).as("another /64").isInstanceOf(LoginResult.LoggedIn.class);
    }

    @Test // Account pace review, finding 1 (High): tries sent at once all passed the wait's check before any was counted
    void tries_sent_at_once_past_the_free_ones_get_a_single_turn_between_them() {
        for (int i = 0; i < 9; i++) {
            assertThat(logIn("wrong guess " + i, freshAddress(i))).isInstanceOf(LoginResult.BadCredentials.class);
        }
        List<LoginResult> results = new ArrayList<>();
        int[] unsent = {5};
        fixture.hasher.duringNextCheck = new Runnable() {
            @Override
            public void run() {
                // Each further try arrives while every earlier one is still having its password checked.
                while (unsent[0] > 0) {
                    int n = unsent[0]--;
                    fixture.hasher.duringNextCheck = this;
                    results.add(logIn("guess sent at once " + n, freshAddress(100 + n)));
                }
            }
        };

        results.add(logIn("wrong guess 9", freshAddress(9)));
        fixture.hasher.duringNextCheck = null;

        assertThat(results).hasSize(6);
        assertThat(results).filteredOn(LoginResult.BadCredentials.class::isInstance).as("one turn").hasSize(1);
        assertThat(results).filteredOn(LoginResult.LockedOut.class::isInstance).as("the rest wait").hasSize(5)
                .allSatisfy(result -> assertThat(((LoginResult.LockedOut) result).retryAfter()).isEqualTo(Duration.ofSeconds(40)));
    }

    @Test // Account pace review, finding 1: the turn is taken before the password is checked, and refused tries take none
    void a_refused_try_takes_no_turn_and_the_next_turn_comes_after_the_spacing() {
        for (int i = 0; i < 10; i++) {
            logIn("wrong guess " + i, freshAddress(i));
        }
        for (int i = 0; i < 20; i++) {
            assertThat(logIn("waiting guess " + i, freshAddress(20 + i))).isInstanceOf(LoginResult.LockedOut.class);
        }

        fixture.clock.advance(Duration.ofSeconds(40));

        assertThat(logIn("the next turn", freshAddress(50))).isInstanceOf(LoginResult.BadCredentials.class);
        assertThat(logIn("too soon again", freshAddress(51))).isEqualTo(new LoginResult.LockedOut(Duration.ofSeconds(40)));
    }

    @Test // Account pace review, finding 2 (Medium): strangers timing one try per turn kept the owner out from everywhere
    void the_owners_known_device_logs_in_while_strangers_keep_the_account_paced() {
        fixture.logIn(LAPTOP);
        for (int i = 0; i < 10; i++) {
            logIn("wrong guess " + i, freshAddress(i));
        }
        assertThat(logIn(PASSWORD, freshAddress(10))).as("a stranger waits").isInstanceOf(LoginResult.LockedOut.class);
        assertThat(logIn(PASSWORD, Device.of("192.0.2.99", LAPTOP.userAgent()))).as("the laptop's browser elsewhere is not the laptop")
                .isInstanceOf(LoginResult.LockedOut.class);

        assertThat(logIn("an owner's typo", LAPTOP)).as("the owner's device does not wait").isInstanceOf(LoginResult.BadCredentials.class);
        assertThat(logIn(PASSWORD, LAPTOP)).isInstanceOf(LoginResult.LoggedIn.class);
    }

    @Test // Account pace review, finding 2: the address-and-account lockout still holds for a known device
    void a_known_device_stays_under_the_address_and_account_lockout() {
        fixture.logIn(LAPTOP);
        for (int i = 0; i < 5; i++) {
            assertThat(logIn("wrong guess " + i, LAPTOP)).isInstanceOf(LoginResult.BadCredentials.class);
        }

        assertThat(logIn(PASSWORD, LAPTOP)).isEqualTo(new LoginResult.LockedOut(Duration.ofSeconds(30)));
    }

    @Test // Account pace review, finding 2: a completed password reset proves the owner
    void a_completed_password_reset_clears_the_accounts_pace() {
        for (int i = 0; i < 10; i++) {
            logIn("wrong guess " + i, freshAddress(i));
        }
        assertThat(logIn(PASSWORD, PHONE)).isInstanceOf(LoginResult.LockedOut.class);

        fixture.passwordResets.requestPasswordReset(EMAIL);
        assertThat(fixture.passwordResets.resetPassword(fixture.outbox.latestResetToken(), NEW_PASSWORD)).isInstanceOf(ResetResult.Done.class);

        assertThat(logIn(NEW_PASSWORD, PHONE)).isInstanceOf(LoginResult.LoggedIn.class);
    }

    private static Device freshAddress(int n) {
        return Device.of("198.18." + (n / 250) + "." + (1 + n % 250), "curl/8");
    }

    private LoginResult logIn(String password, Device device) {
        return logIn(EMAIL, password, device);
    }

    private LoginResult logIn(String email, String password, Device device) {
        return fixture.logins.logIn(new LogInCommand(email, password, device));
    }
}
