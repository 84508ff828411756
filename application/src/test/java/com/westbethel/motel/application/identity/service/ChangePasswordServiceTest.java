package com.westbethel.motel.application.identity.service;

import static com.westbethel.motel.application.identity.service.IdentityFixture.EMAIL;
import static com.westbethel.motel.application.identity.service.IdentityFixture.LAPTOP;
import static com.westbethel.motel.application.identity.service.IdentityFixture.NEW_PASSWORD;
import static com.westbethel.motel.application.identity.service.IdentityFixture.PASSWORD;
import static com.westbethel.motel.application.identity.service.IdentityFixture.PHONE;
import static com.westbethel.motel.application.identity.service.IdentityFixture.WEAK_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.identity.port.in.ChangePasswordUseCase.ChangeResult;
import com.westbethel.motel.application.identity.port.in.LogInUseCase.LoginResult;
import com.westbethel.motel.application.identity.port.in.RefreshTokensUseCase.RefreshResult;
import com.westbethel.motel.application.identity.port.in.ResetPasswordUseCase.ResetResult;
import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import com.westbethel.motel.application.identity.service.IdentityFixture.GuestOnTwoDevices;
import com.westbethel.motel.application.notification.event.PasswordChanged;
import com.westbethel.motel.domain.identity.User;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ChangePasswordServiceTest {

    private final IdentityFixture identity = new IdentityFixture();

    @Test
    void a_wrong_current_password_changes_nothing() {
        // given
        AccessTokenClaims caller = identity.loggedInGuest();

        // when
        ChangeResult result = identity.passwordChanges.changePassword(caller, "not the right passphrase", NEW_PASSWORD);

        // then
        assertThat(result).isInstanceOf(ChangeResult.WrongCurrentPassword.class);
        assertThat(identity.passwordOf(EMAIL)).isEqualTo(PASSWORD);
        assertThat(identity.outbox.published()).isEmpty();
    }

    @Test
    void a_guessable_new_password_is_refused_with_reason_and_advice_and_changes_nothing() {
        // given
        AccessTokenClaims caller = identity.loggedInGuest();

        // when
        ChangeResult result = identity.passwordChanges.changePassword(caller, PASSWORD, WEAK_PASSWORD);

        // then
        assertThat(result).isInstanceOf(ChangeResult.PasswordRefused.class);
        ChangeResult.PasswordRefused refused = (ChangeResult.PasswordRefused) result;
        assertThat(refused.reason()).contains("too easy to guess");
        assertThat(refused.advice()).isNotBlank();
        assertThat(identity.passwordOf(EMAIL)).isEqualTo(PASSWORD);
        assertThat(identity.outbox.published()).isEmpty();
    }

    @Test
    void a_changed_password_replaces_the_old_one_for_logging_in() {
        // given
        AccessTokenClaims caller = identity.loggedInGuest();

        // when
        ChangeResult result = identity.passwordChanges.changePassword(caller, PASSWORD, NEW_PASSWORD);

        // then
        assertThat(result).isInstanceOf(ChangeResult.Changed.class);
        assertThat(identity.attemptLogIn(EMAIL, PASSWORD)).isInstanceOf(LoginResult.BadCredentials.class);
        assertThat(identity.attemptLogIn(EMAIL, NEW_PASSWORD)).isInstanceOf(LoginResult.LoggedIn.class);
    }

    @Test
    void changing_the_password_keeps_the_callers_session_and_ends_every_other() {
        // given
        GuestOnTwoDevices anna = identity.guestOnLaptopAndPhone();
        identity.clock.advance(Duration.ofMinutes(5));

        // when
        identity.passwordChanges.changePassword(identity.claimsOf(anna.laptop()), PASSWORD, NEW_PASSWORD);

        // then
        assertThat(identity.accepted(anna.laptop())).isTrue();
        assertThat(identity.refreshes.refresh(anna.laptop().refreshToken(), LAPTOP)).isInstanceOf(RefreshResult.Refreshed.class);
        assertThat(identity.accepted(anna.phone())).isFalse();
        assertThat(identity.refreshes.refresh(anna.phone().refreshToken(), PHONE)).isInstanceOf(RefreshResult.Invalid.class);
        assertThat(identity.sessions.activeOf(anna.guest().id())).extracting(session -> session.device()).containsExactly(LAPTOP);
    }

    @Test
    void a_changed_password_is_confirmed_by_email() {
        // given
        User guest = identity.verifiedGuest();
        AccessTokenClaims caller = identity.claimsOf(identity.logIn(LAPTOP));

        // when
        identity.passwordChanges.changePassword(caller, PASSWORD, NEW_PASSWORD);

        // then
        PasswordChanged email = identity.outbox.only(PasswordChanged.class);
        assertThat(email.recipient().email()).isEqualTo(guest.email());
        assertThat(email.how()).isEqualTo(PasswordChanged.How.CHANGED);
    }
    // Finding 8: a reset link sent before the password changed no longer sets a password.
    @Test
    void changing_the_password_voids_an_outstanding_reset_link() {
        // given
        identity.verifiedGuest();
        String token = identity.resetTokenEmailedTo(EMAIL);
        AccessTokenClaims caller = identity.claimsOf(identity.logIn(LAPTOP));

        // when
        identity.passwordChanges.changePassword(caller, PASSWORD, NEW_PASSWORD);

        // then
        assertThat(identity.passwordResets.isResetTokenValid(token)).isFalse();
        assertThat(identity.passwordResets.resetPassword(token, "a thief's chosen passphrase")).isInstanceOf(ResetResult.InvalidToken.class);
    }
}
