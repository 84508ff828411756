package com.westbethel.motel.application.identity.service;

import static com.westbethel.motel.application.identity.service.IdentityFixture.EMAIL;
import static com.westbethel.motel.application.identity.service.IdentityFixture.LAPTOP;
import static com.westbethel.motel.application.identity.service.IdentityFixture.NEW_PASSWORD;
import static com.westbethel.motel.application.identity.service.IdentityFixture.PASSWORD;
import static com.westbethel.motel.application.identity.service.IdentityFixture.PHONE;
import static com.westbethel.motel.application.identity.service.IdentityFixture.WEAK_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.identity.port.in.LogInUseCase.LoginResult;
import com.westbethel.motel.application.identity.port.in.RefreshTokensUseCase.RefreshResult;
import com.westbethel.motel.application.identity.port.in.ResetPasswordUseCase.ResetResult;
import com.westbethel.motel.application.identity.port.in.TokenPair;
import com.westbethel.motel.application.identity.service.IdentityFixture.GuestOnTwoDevices;
import com.westbethel.motel.application.notification.event.PasswordChanged;
import com.westbethel.motel.application.notification.event.PasswordResetRequested;
import com.westbethel.motel.domain.identity.User;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ResetPasswordServiceTest {

    private final IdentityFixture identity = new IdentityFixture();

    @Test
    void a_reset_requested_for_an_unknown_or_malformed_address_queues_nothing() {
        // given
        identity.verifiedGuest();

        // when
        identity.passwordResets.requestPasswordReset("nobody@example.com");
        identity.passwordResets.requestPasswordReset("not an email");
        identity.passwordResets.requestPasswordReset(null);

        // then
        assertThat(identity.outbox.published()).isEmpty();
        assertThat(identity.oneTimeTokens.count()).isZero();
    }

    @Test
    void a_reset_requested_for_a_disabled_account_queues_nothing() {
        // given
        identity.existingGuest(EMAIL, PASSWORD, true, false);

        // when
        identity.passwordResets.requestPasswordReset(EMAIL);

        // then
        assertThat(identity.outbox.published()).isEmpty();
    }

    @Test
    void a_reset_request_emails_a_link_whose_token_is_valid() {
        // given
        User guest = identity.verifiedGuest();

        // when
        identity.passwordResets.requestPasswordReset("Anna@Example.com");

        // then
        PasswordResetRequested email = identity.outbox.only(PasswordResetRequested.class);
        assertThat(email.recipient().email()).isEqualTo(guest.email());
        String token = email.resetToken();
        assertThat(email.expiresIn()).isEqualTo(Duration.ofMinutes(60));
        assertThat(identity.passwordResets.isResetTokenValid(token)).isTrue();
        assertThat(identity.passwordResets.isResetTokenValid("made-up-token")).isFalse();
    }

    @Test
    void checking_a_reset_token_does_not_use_it_up() {
        // given
        identity.verifiedGuest();
        String token = identity.resetTokenEmailedTo(EMAIL);

        // when
        identity.passwordResets.isResetTokenValid(token);
        identity.passwordResets.isResetTokenValid(token);

        // then
        assertThat(identity.passwordResets.resetPassword(token, NEW_PASSWORD)).isInstanceOf(ResetResult.Done.class);
    }

    @Test
    void a_verification_token_is_no_reset_token() {
        // given
        String verificationToken = identity.newGuestsVerificationToken();

        // when
        ResetResult result = identity.passwordResets.resetPassword(verificationToken, NEW_PASSWORD);

        // then
        assertThat(result).isInstanceOf(ResetResult.InvalidToken.class);
        assertThat(identity.passwordResets.isResetTokenValid(verificationToken)).isFalse();
    }

    @Test
    void a_newer_reset_request_makes_the_older_link_stop_working() {
        // given
        identity.verifiedGuest();
        String older = identity.resetTokenEmailedTo(EMAIL);

        // when
        identity.passwordResets.requestPasswordReset(EMAIL);

        // then
        String newer = identity.outbox.latestResetToken();
        assertThat(identity.passwordResets.isResetTokenValid(older)).isFalse();
        assertThat(identity.passwordResets.resetPassword(older, NEW_PASSWORD)).isInstanceOf(ResetResult.InvalidToken.class);
        assertThat(identity.passwordResets.isResetTokenValid(newer)).isTrue();
    }

    @Test
    void an_expired_reset_token_is_refused() {
        // given
        identity.verifiedGuest();
        String token = identity.resetTokenEmailedTo(EMAIL);
        identity.clock.advance(Duration.ofHours(1));

        // when
        ResetResult result = identity.passwordResets.resetPassword(token, NEW_PASSWORD);

        // then
        assertThat(result).isInstanceOf(ResetResult.InvalidToken.class);
        assertThat(identity.passwordResets.isResetTokenValid(token)).isFalse();
        assertThat(identity.passwordOf(EMAIL)).isEqualTo(PASSWORD);
    }

    @Test
    void a_refused_new_password_leaves_the_reset_link_usable() {
        // given
        identity.verifiedGuest();
        String token = identity.resetTokenEmailedTo(EMAIL);

        // when
        ResetResult refused = identity.passwordResets.resetPassword(token, WEAK_PASSWORD);

        // then
        assertThat(refused).isInstanceOf(ResetResult.PasswordRefused.class);
        assertThat(((ResetResult.PasswordRefused) refused).reason()).contains("too easy to guess");
        assertThat(identity.passwordOf(EMAIL)).isEqualTo(PASSWORD);
        assertThat(identity.passwordResets.isResetTokenValid(token)).isTrue();
        assertThat(identity.passwordResets.resetPassword(token, NEW_PASSWORD)).isInstanceOf(ResetResult.Done.class);
    }

    @Test
    void a_reset_replaces_the_password_for_logging_in() {
        // given
        identity.verifiedGuest();
        String token = identity.resetTokenEmailedTo(EMAIL);

        // when
        ResetResult result = identity.passwordResets.resetPassword(token, NEW_PASSWORD);

        // then
        assertThat(result).isInstanceOf(ResetResult.Done.class);
        identity.clock.advance(Duration.ofSeconds(30));
        assertThat(identity.attemptLogIn(EMAIL, PASSWORD)).isInstanceOf(LoginResult.BadCredentials.class);
        TokenPair fresh = identity.logIn(EMAIL, NEW_PASSWORD, LAPTOP);
        assertThat(identity.accepted(fresh)).isTrue();
    }

    @Test
    void a_reset_ends_every_session_and_refuses_every_earlier_token() {
        // given
        GuestOnTwoDevices anna = identity.guestOnLaptopAndPhone();
        identity.clock.advance(Duration.ofMinutes(3));
        String token = identity.resetTokenEmailedTo(EMAIL);

        // when
        identity.passwordResets.resetPassword(token, NEW_PASSWORD);

        // then
        assertThat(identity.sessions.activeOf(anna.guest().id())).isEmpty();
        assertThat(identity.accepted(anna.laptop())).isFalse();
        assertThat(identity.accepted(anna.phone())).isFalse();
        assertThat(identity.refreshes.refresh(anna.laptop().refreshToken(), LAPTOP)).isInstanceOf(RefreshResult.Invalid.class);
        assertThat(identity.refreshes.refresh(anna.phone().refreshToken(), PHONE)).isInstanceOf(RefreshResult.Invalid.class);
    }

    @Test
    void a_reset_token_works_only_once() {
        // given
        identity.verifiedGuest();
        String token = identity.resetTokenEmailedTo(EMAIL);
        identity.passwordResets.resetPassword(token, NEW_PASSWORD);

        // when
        ResetResult second = identity.passwordResets.resetPassword(token, "yet another decent phrase");

        // then
        assertThat(second).isInstanceOf(ResetResult.InvalidToken.class);
        assertThat(identity.passwordResets.isResetTokenValid(token)).isFalse();
        assertThat(identity.passwordOf(EMAIL)).isEqualTo(NEW_PASSWORD);
    }

    @Test
    void a_reset_password_is_confirmed_by_email() {
        // given
        User guest = identity.verifiedGuest();
        String token = identity.resetTokenEmailedTo(EMAIL);

        // when
        identity.passwordResets.resetPassword(token, NEW_PASSWORD);

        // then
        PasswordChanged email = identity.outbox.only(PasswordChanged.class);
        assertThat(email.recipient().email()).isEqualTo(guest.email());
        assertThat(email.how()).isEqualTo(PasswordChanged.How.RESET);
    }

    @Test
    void a_reset_through_the_emailed_link_verifies_an_unverified_address() {
        // given
        identity.existingGuest(EMAIL, PASSWORD, false, true);
        String token = identity.resetTokenEmailedTo(EMAIL);

        // when
        identity.passwordResets.resetPassword(token, NEW_PASSWORD);

        // then
        assertThat(identity.users.stored(EMAIL).emailVerified()).isTrue();
        assertThat(identity.attemptLogIn(EMAIL, NEW_PASSWORD)).isInstanceOf(LoginResult.LoggedIn.class);
    }

    // Finding 8
    @Test
    void logging_out_everywhere_voids_an_outstanding_reset_link() {
        // given
        identity.verifiedGuest();
        String token = identity.resetTokenEmailedTo(EMAIL);

        // when
        identity.logouts.logOutEverywhere(identity.claimsOf(identity.logIn(LAPTOP)));

        // then
        assertThat(identity.passwordResets.isResetTokenValid(token)).isFalse();
    }

    // Finding 8: motel-admin's lock leaves no reset link that would let anyone back in.
    @Test
    void locking_an_account_voids_an_outstanding_reset_link() {
        // given
        identity.verifiedGuest();
        String token = identity.resetTokenEmailedTo(EMAIL);

        // when
        identity.administration.lock(EMAIL, "motel-admin:test");

        // then
        assertThat(identity.passwordResets.isResetTokenValid(token)).isFalse();
        assertThat(identity.passwordResets.resetPassword(token, NEW_PASSWORD)).isInstanceOf(ResetResult.InvalidToken.class);
    }
}
