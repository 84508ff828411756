package com.westbethel.motel.application.identity.service;

import static com.westbethel.motel.application.identity.service.IdentityFixture.EMAIL;
import static com.westbethel.motel.application.identity.service.IdentityFixture.LAPTOP;
import static com.westbethel.motel.application.identity.service.IdentityFixture.PASSWORD;
import static com.westbethel.motel.application.identity.service.IdentityFixture.PHONE;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.identity.port.in.LogInUseCase.LogInCommand;
import com.westbethel.motel.application.identity.port.in.LogInUseCase.LoginResult;
import com.westbethel.motel.application.identity.port.out.SecurityEvents;
import com.westbethel.motel.application.notification.event.SecurityAlert;
import com.westbethel.motel.domain.identity.Device;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoginThrottlingTest {

    private static final Device ATTACKER = Device.of("192.0.2.66", "curl/8");

    private IdentityFixture fixture;

    @BeforeEach
    void aVerifiedGuest() {
        fixture = new IdentityFixture();
        fixture.verifiedGuest();
    }

    @Test
    void five_wrong_passwords_from_one_address_lock_that_address_out_of_the_account() {
        for (int i = 0; i < 5; i++) {
            assertThat(logIn("wrong guess " + i, ATTACKER)).isInstanceOf(LoginResult.BadCredentials.class);
        }

        LoginResult locked = logIn(PASSWORD, ATTACKER);

        assertThat(locked).isEqualTo(new LoginResult.LockedOut(Duration.ofSeconds(30)));
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

        assertThat(fixture.outbox.all(SecurityAlert.class)).hasSize(1);
        assertThat(fixture.outbox.alerts()).containsExactly("lockout");
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

        assertThat(fixture.outbox.all(SecurityAlert.class)).hasSize(1);
        assertThat(fixture.outbox.alerts()).containsExactly("new-device");
        assertThat(fixture.events.types()).contains(SecurityEvents.Type.NEW_DEVICE);
    }

    @Test
    void the_login_history_lists_successes_and_failures_newest_first() {
        logIn("wrong guess", ATTACKER);
        var session = fixture.logIn(LAPTOP);

        var history = fixture.sessionService.loginHistory(fixture.claimsOf(session));

        assertThat(history).extracting(entry -> entry.event()).containsExactly("LOGIN_SUCCEEDED", "LOGIN_FAILED");
        assertThat(history.get(1).ipAddress()).isEqualTo("192.0.2.66");
    }

    private LoginResult logIn(String password, Device device) {
        return logIn(EMAIL, password, device);
    }

    private LoginResult logIn(String email, String password, Device device) {
        return fixture.logins.logIn(new LogInCommand(email, password, device));
    }
}
