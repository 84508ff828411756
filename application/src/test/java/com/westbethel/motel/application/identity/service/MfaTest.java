package com.westbethel.motel.application.identity.service;

import static com.westbethel.motel.application.identity.service.IdentityFixture.EMAIL;
import static com.westbethel.motel.application.identity.service.IdentityFixture.LAPTOP;
import static com.westbethel.motel.application.identity.service.IdentityFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.identity.port.in.ChangePasswordUseCase.ChangeResult;
import com.westbethel.motel.application.identity.port.in.LogInUseCase.LogInCommand;
import com.westbethel.motel.application.identity.port.in.LogInUseCase.LoginResult;
import com.westbethel.motel.application.identity.port.in.ManageMfaUseCase.ConfirmResult;
import com.westbethel.motel.application.identity.port.in.ManageMfaUseCase.DisableResult;
import com.westbethel.motel.application.identity.port.in.ManageMfaUseCase.MfaStatus;
import com.westbethel.motel.application.identity.port.in.ManageMfaUseCase.SetupResult;
import com.westbethel.motel.application.identity.port.in.TokenPair;
import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import com.westbethel.motel.application.identity.service.IdentityFixture.Authenticator;
import com.westbethel.motel.application.identity.service.InMemoryIdentity.FakeTotp;
import com.westbethel.motel.application.notification.event.SecurityAlert.Kind;
import com.westbethel.motel.domain.identity.Role;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MfaTest {

    private IdentityFixture fixture;
    private AccessTokenClaims anna;

    @BeforeEach
    void aLoggedInGuest() {
        fixture = new IdentityFixture();
        anna = fixture.loggedInGuest();
    }

    @Test
    void set_up_returns_the_secret_and_stores_it_only_encrypted_until_a_code_confirms_it() {
        SetupResult.Started started = (SetupResult.Started) fixture.mfa.setUp(anna, PASSWORD);

        assertThat(started.otpauthUri()).startsWith("otpauth://totp/").contains(started.secret());
        assertThat(fixture.enrolments.find(anna.user()).orElseThrow().pendingSecret()).contains("encrypted(" + started.secret() + ")");
        assertThat(fixture.enrolments.find(anna.user()).orElseThrow().enabled()).isFalse();
        assertThat(fixture.mfa.confirm(anna, "000000")).isInstanceOf(ConfirmResult.InvalidCode.class);

        ConfirmResult confirmed = fixture.mfa.confirm(anna, FakeTotp.codeAt(started.secret(), fixture.clock.instant()));

        assertThat(confirmed).isInstanceOf(ConfirmResult.Enabled.class);
        assertThat(((ConfirmResult.Enabled) confirmed).backupCodes()).hasSize(10);
        assertThat(fixture.mfa.setUp(anna, PASSWORD)).isInstanceOf(SetupResult.AlreadyEnabled.class);
    }

    @Test
    void with_mfa_on_a_login_takes_two_steps_and_the_password_alone_gives_no_token() {
        String secret = enable();
        fixture.clock.advance(Duration.ofSeconds(30));
        fixture.metrics.clear();

        LoginResult first = logIn();
        assertThat(first).isInstanceOf(LoginResult.MfaRequired.class);
        String mfaToken = ((LoginResult.MfaRequired) first).mfaToken();

        assertThat(fixture.mfaLogins.completeLogin(mfaToken, "999999", LAPTOP)).isInstanceOf(LoginResult.InvalidMfaCode.class);
        LoginResult second = fixture.mfaLogins.completeLogin(mfaToken, FakeTotp.codeAt(secret, fixture.clock.instant()), LAPTOP);

        assertThat(second).isInstanceOf(LoginResult.LoggedIn.class);
        assertThat(fixture.mfaLogins.completeLogin(mfaToken, FakeTotp.codeAt(secret, fixture.clock.instant()), LAPTOP))
                .as("the second step works once").isInstanceOf(LoginResult.InvalidMfaChallenge.class);
        assertThat(fixture.metrics.recorded()).containsExactly("login MFA_REQUIRED", "login FAILURE", "login SUCCESS", "login FAILURE");
    }

    @Test
    void a_code_already_used_in_its_window_is_refused() {
        String secret = enable();
        fixture.clock.advance(Duration.ofSeconds(30));
        String code = FakeTotp.codeAt(secret, fixture.clock.instant());
        assertThat(fixture.mfaLogins.completeLogin(challenge(), code, LAPTOP)).isInstanceOf(LoginResult.LoggedIn.class);

        LoginResult replay = fixture.mfaLogins.completeLogin(challenge(), code, LAPTOP);

        assertThat(replay).isInstanceOf(LoginResult.InvalidMfaCode.class);
    }

    @Test
    void a_code_from_the_step_before_or_after_is_accepted_for_clock_drift_but_not_two_steps_away() {
        String secret = enable();
        fixture.clock.advance(Duration.ofMinutes(5));

        String previousStep = FakeTotp.codeAt(secret, fixture.clock.instant().minusSeconds(30));
        String twoStepsAgo = FakeTotp.codeAt(secret, fixture.clock.instant().minusSeconds(60));

        assertThat(fixture.mfaLogins.completeLogin(challenge(), twoStepsAgo, LAPTOP)).isInstanceOf(LoginResult.InvalidMfaCode.class);
        assertThat(fixture.mfaLogins.completeLogin(challenge(), previousStep, LAPTOP)).isInstanceOf(LoginResult.LoggedIn.class);
    }

    @Test
    void the_status_says_whether_two_factor_login_is_on_and_how_many_backup_codes_are_left() {
        assertThat(fixture.mfa.status(anna)).isEqualTo(new MfaStatus(false, 0));
        fixture.mfa.setUp(anna, PASSWORD);
        assertThat(fixture.mfa.status(anna)).as("a set-up not yet confirmed").isEqualTo(new MfaStatus(false, 0));

        enable();
        fixture.mfaLogins.completeLogin(challenge(), backupCodes.get(0), LAPTOP);

        assertThat(fixture.mfa.status(anna)).isEqualTo(new MfaStatus(true, 9));
    }

    @Test
    void a_backup_code_works_once() {
        enable();
        String backupCode = backupCodes.get(3);

        assertThat(fixture.mfaLogins.completeLogin(challenge(), backupCode.toLowerCase(), LAPTOP)).isInstanceOf(LoginResult.LoggedIn.class);
        assertThat(fixture.mfaLogins.completeLogin(challenge(), backupCode, LAPTOP)).isInstanceOf(LoginResult.InvalidMfaCode.class);
        assertThat(fixture.enrolments.remainingBackupCodes(anna.user())).isEqualTo(9);
    }

    @Test
    void five_wrong_codes_end_the_challenge_and_lock_that_address_like_passwords() {
        enable();
        String mfaToken = challenge();
        for (int i = 0; i < 5; i++) {
            assertThat(fixture.mfaLogins.completeLogin(mfaToken, "00000" + i, LAPTOP)).isInstanceOf(LoginResult.InvalidMfaCode.class);
        }

        assertThat(fixture.mfaLogins.completeLogin(mfaToken, "000009", LAPTOP)).isInstanceOf(LoginResult.InvalidMfaChallenge.class);
        assertThat(fixture.mfaLogins.completeLogin(challenge(), "000009", LAPTOP)).isInstanceOf(LoginResult.LockedOut.class);
        assertThat(fixture.metrics.recorded()).last().isEqualTo("login LOCKED");
    }

    @Test
    void disabling_needs_a_code_or_the_password_and_sends_an_alert() {
        String secret = enable();
        fixture.clock.advance(Duration.ofSeconds(30));

        assertThat(fixture.mfa.disable(anna, Optional.of("123456"), Optional.empty())).isInstanceOf(DisableResult.Refused.class);
        assertThat(fixture.mfa.disable(anna, Optional.empty(), Optional.of("not my password"))).isInstanceOf(DisableResult.Refused.class);
        assertThat(fixture.mfa.disable(anna, Optional.empty(), Optional.of(PASSWORD))).isInstanceOf(DisableResult.Disabled.class);

        assertThat(logIn()).isInstanceOf(LoginResult.LoggedIn.class);
        assertThat(fixture.outbox.alerts()).contains(Kind.MFA_DISABLED);
        assertThat(secret).isNotBlank();
    }

    @Test
    void regenerating_backup_codes_retires_the_old_ones() {
        String secret = enable();
        fixture.clock.advance(Duration.ofSeconds(30));
        String oldCode = backupCodes.get(0);

        List<String> fresh = fixture.mfa.regenerateBackupCodes(anna, FakeTotp.codeAt(secret, fixture.clock.instant())).orElseThrow();

        assertThat(fresh).hasSize(10).doesNotContain(oldCode);
        assertThat(fixture.mfaLogins.completeLogin(challenge(), oldCode, LAPTOP)).isInstanceOf(LoginResult.InvalidMfaCode.class);
        assertThat(fixture.mfaLogins.completeLogin(challenge(), fresh.get(0), LAPTOP)).isInstanceOf(LoginResult.LoggedIn.class);
    }

    @Test
    void an_admin_without_mfa_gets_a_token_with_no_role_until_enrolled() {
        fixture.existingMember("boss@example.com", Role.ADMIN);

        AccessTokenClaims unenrolled = fixture.claimsOf(fixture.logIn("boss@example.com", PASSWORD, LAPTOP));
        assertThat(unenrolled.roles()).isEmpty();

        Authenticator app = fixture.enrolInMfa(unenrolled);
        fixture.clock.advance(Duration.ofSeconds(30));
        TokenPair enrolled = fixture.logInWithCode("boss@example.com", app);

        assertThat(fixture.claimsOf(enrolled).roles()).containsExactly(Role.ADMIN);
    }

    @Test // Account pace review, finding 3: a stolen access token guessed the password at MFA disable without limit
    void wrong_passwords_or_codes_at_mfa_disable_lock_it_after_five_with_a_retry_after() {
        enable();
        fixture.clock.advance(Duration.ofSeconds(30));
        for (int i = 1; i <= 3; i++) {
            assertThat(fixture.mfa.disable(anna, Optional.empty(), Optional.of("guess " + i))).isInstanceOf(DisableResult.Refused.class);
        }
        for (int i = 4; i <= 5; i++) {
            assertThat(fixture.mfa.disable(anna, Optional.of("00000" + i), Optional.empty())).isInstanceOf(DisableResult.Refused.class);
        }

        DisableResult locked = fixture.mfa.disable(anna, Optional.empty(), Optional.of(PASSWORD));

        assertThat(locked).isEqualTo(new DisableResult.LockedOut(Duration.ofSeconds(30)));
        assertThat(fixture.enrolments.find(anna.user()).orElseThrow().enabled()).as("still on").isTrue();
        assertThat(fixture.outbox.alerts()).containsOnlyOnce(Kind.REAUTHENTICATION_FAILURES);
        fixture.clock.advance(Duration.ofSeconds(30));
        assertThat(fixture.mfa.disable(anna, Optional.empty(), Optional.of(PASSWORD))).isInstanceOf(DisableResult.Disabled.class);
    }

    @Test // Account pace review, finding 3: one counter per user, shared by change-password, MFA set-up and MFA disable
    void guesses_spread_over_change_password_mfa_set_up_and_disable_share_one_lock() {
        assertThat(fixture.passwordChanges.changePassword(anna, "guess 1", IdentityFixture.NEW_PASSWORD))
                .isInstanceOf(ChangeResult.WrongCurrentPassword.class);
        assertThat(fixture.passwordChanges.changePassword(anna, "guess 2", IdentityFixture.NEW_PASSWORD))
                .isInstanceOf(ChangeResult.WrongCurrentPassword.class);
        assertThat(fixture.mfa.setUp(anna, "guess 3")).isInstanceOf(SetupResult.WrongPassword.class);
        assertThat(fixture.mfa.setUp(anna, "guess 4")).isInstanceOf(SetupResult.WrongPassword.class);
        assertThat(fixture.passwordChanges.changePassword(anna, "guess 5", IdentityFixture.NEW_PASSWORD))
                .isInstanceOf(ChangeResult.WrongCurrentPassword.class);

        assertThat(fixture.passwordChanges.changePassword(anna, PASSWORD, IdentityFixture.NEW_PASSWORD))
                .isEqualTo(new ChangeResult.LockedOut(Duration.ofSeconds(30)));
        assertThat(fixture.mfa.setUp(anna, PASSWORD)).isEqualTo(new SetupResult.LockedOut(Duration.ofSeconds(30)));
        assertThat(fixture.passwordOf(EMAIL)).as("unchanged").isEqualTo(PASSWORD);

        fixture.clock.advance(Duration.ofSeconds(30));
        assertThat(fixture.passwordChanges.changePassword(anna, PASSWORD, IdentityFixture.NEW_PASSWORD)).isInstanceOf(ChangeResult.Changed.class);
    }

    // Finding 3: a bearer token alone no longer enrols an authenticator.
    @Test
    void set_up_needs_the_current_password_and_guessing_it_locks_set_up_and_alerts_the_owner() {
        SetupResult wrong = fixture.mfa.setUp(anna, "a thief's guess at it");

        assertThat(wrong).isInstanceOf(SetupResult.WrongPassword.class);
        assertThat(fixture.enrolments.find(anna.user())).as("nothing enrolled").isEmpty();
        for (int i = 2; i <= 5; i++) {
            assertThat(fixture.mfa.setUp(anna, "guess " + i)).isInstanceOf(SetupResult.WrongPassword.class);
        }
        assertThat(fixture.outbox.alerts()).containsOnlyOnce(Kind.REAUTHENTICATION_FAILURES);

        SetupResult locked = fixture.mfa.setUp(anna, PASSWORD);

        assertThat(locked).isInstanceOf(SetupResult.LockedOut.class);
        assertThat(((SetupResult.LockedOut) locked).retryAfter()).isPositive();
        fixture.clock.advance(((SetupResult.LockedOut) locked).retryAfter());
        assertThat(fixture.mfa.setUp(anna, PASSWORD)).isInstanceOf(SetupResult.Started.class);
    }

    // Finding 3: turning two-factor login on and renewing backup codes alert the owner, as turning it off does.
    @Test
    void enabling_mfa_and_regenerating_backup_codes_each_send_a_security_alert() {
        String secret = enable();

        assertThat(fixture.outbox.alerts()).containsExactly(Kind.MFA_ENABLED);

        fixture.clock.advance(Duration.ofSeconds(30));
        fixture.mfa.regenerateBackupCodes(anna, FakeTotp.codeAt(secret, fixture.clock.instant())).orElseThrow();

        assertThat(fixture.outbox.alerts()).containsExactly(Kind.MFA_ENABLED, Kind.BACKUP_CODES_REGENERATED);
        assertThat(fixture.outbox.all(com.westbethel.motel.application.notification.event.SecurityAlert.class))
                .allSatisfy(alert -> assertThat(alert.recipient().email().value()).isEqualTo(EMAIL));
    }

    // Finding 6: staff enrol in two-factor login like admins, unless the operator turns the rule off.
    @Test
    void staff_without_mfa_get_a_token_with_no_role_until_enrolled() {
        AccessTokenClaims unenrolled = fixture.claimsOf(fixture.logIn(staffMember(fixture), PASSWORD, LAPTOP));
        assertThat(unenrolled.roles()).isEmpty();

        Authenticator app = fixture.enrolInMfa(unenrolled);
        fixture.clock.advance(Duration.ofSeconds(30));
        TokenPair enrolled = fixture.logInWithCode("desk@example.com", app);

        assertThat(fixture.claimsOf(enrolled).roles()).containsExactlyInAnyOrder(Role.STAFF, Role.GUEST);
    }

    @Test
    void an_operator_may_let_staff_work_without_mfa() {
        IdentityFixture relaxed = new IdentityFixture(IdentitySettings.defaults().withStaffMfaRequired(false));

        AccessTokenClaims staff = relaxed.claimsOf(relaxed.logIn(staffMember(relaxed), PASSWORD, LAPTOP));

        assertThat(staff.roles()).containsExactlyInAnyOrder(Role.STAFF, Role.GUEST);
    }

    private static String staffMember(IdentityFixture identity) {
        return identity.existingMember("desk@example.com", Role.STAFF, Role.GUEST).email().value();
    }

    private List<String> backupCodes;

    private String enable() {
        Authenticator app = fixture.enrolInMfa(anna);
        backupCodes = app.backupCodes();
        return app.secret();
    }

    private LoginResult logIn() {
        return fixture.logins.logIn(new LogInCommand(EMAIL, PASSWORD, LAPTOP));
    }

    private String challenge() {
        return ((LoginResult.MfaRequired) logIn()).mfaToken();
    }
}
