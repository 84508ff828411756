package com.westbethel.motel.application.identity.service;

import static com.westbethel.motel.application.identity.service.IdentityFixture.ACCESS_TOKEN_TTL;
import static com.westbethel.motel.application.identity.service.IdentityFixture.EMAIL;
import static com.westbethel.motel.application.identity.service.IdentityFixture.LAPTOP;
import static com.westbethel.motel.application.identity.service.IdentityFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.identity.port.in.LogInUseCase.LogInCommand;
import com.westbethel.motel.application.identity.port.in.LogInUseCase.LoginResult;
import com.westbethel.motel.application.identity.port.in.TokenPair;
import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import com.westbethel.motel.application.identity.port.out.Sessions.Session;
import com.westbethel.motel.domain.identity.Role;
import com.westbethel.motel.domain.identity.User;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogInServiceTest {

    private final IdentityFixture identity = new IdentityFixture();

    @Test
    void the_right_password_gives_a_token_pair_bound_to_a_new_session() {
        // given
        User guest = identity.verifiedGuest();

        // when
        LoginResult result = identity.logins.logIn(new LogInCommand(EMAIL, PASSWORD, LAPTOP));

        // then
        assertThat(result).isInstanceOf(LoginResult.LoggedIn.class);
        TokenPair tokens = ((LoginResult.LoggedIn) result).tokens();
        assertThat(tokens.refreshToken()).isNotBlank();
        assertThat(tokens.expiresInSeconds()).isEqualTo(ACCESS_TOKEN_TTL.toSeconds());

        List<Session> active = identity.sessions.activeOf(guest.id());
        assertThat(active).singleElement().satisfies(session -> {
            assertThat(session.device()).isEqualTo(LAPTOP);
            assertThat(session.createdAt()).isEqualTo(IdentityFixture.START);
        });
        AccessTokenClaims claims = identity.claimsOf(tokens);
        assertThat(claims.user()).isEqualTo(guest.id());
        assertThat(claims.session()).isEqualTo(active.get(0).id());
        assertThat(claims.roles()).containsExactly(Role.GUEST);
        assertThat(identity.metrics.recorded()).containsExactly("login SUCCESS");
    }

    @Test
    void the_email_address_is_matched_whatever_its_letter_case() {
        // given
        identity.verifiedGuest();

        // when
        LoginResult result = identity.attemptLogIn(" ANNA@Example.com", PASSWORD);

        // then
        assertThat(result).isInstanceOf(LoginResult.LoggedIn.class);
    }

    @Test
    void a_wrong_password_and_an_unknown_email_get_the_same_bad_credentials_answer() {
        // given
        User guest = identity.verifiedGuest();

        // when
        LoginResult wrongPassword = identity.attemptLogIn(EMAIL, "not the right passphrase");
        LoginResult unknownEmail = identity.attemptLogIn("nobody@example.com", PASSWORD);
        LoginResult malformedEmail = identity.attemptLogIn("not an email", PASSWORD);

        // then
        assertThat(wrongPassword).isEqualTo(new LoginResult.BadCredentials());
        assertThat(unknownEmail).isEqualTo(new LoginResult.BadCredentials());
        assertThat(malformedEmail).isEqualTo(new LoginResult.BadCredentials());
        assertThat(identity.sessions.activeOf(guest.id())).isEmpty();
        assertThat(identity.metrics.recorded()).containsExactly("login FAILURE", "login FAILURE", "login FAILURE");
    }

    @Test
    void an_unverified_address_must_be_verified_first_when_the_settings_require_it() {
        // given
        User guest = identity.existingGuest(EMAIL, PASSWORD, false, true);

        // when
        LoginResult result = identity.attemptLogIn(EMAIL, PASSWORD);

        // then
        assertThat(result).isInstanceOf(LoginResult.EmailNotVerified.class);
        assertThat(identity.sessions.activeOf(guest.id())).isEmpty();
        assertThat(identity.metrics.recorded()).as("a right password, but no login").containsExactly("login FAILURE");
    }

    @Test
    void an_unverified_address_may_log_in_when_the_settings_do_not_require_verification() {
        // given
        IdentityFixture lenient = new IdentityFixture(IdentityFixture.settingsNotRequiringVerifiedEmail());
        lenient.existingGuest(EMAIL, PASSWORD, false, true);

        // when
        LoginResult result = lenient.attemptLogIn(EMAIL, PASSWORD);

        // then
        assertThat(result).isInstanceOf(LoginResult.LoggedIn.class);
    }

    @Test
    void an_unverified_address_with_a_wrong_password_reveals_nothing_about_verification() {
        // given
        identity.existingGuest(EMAIL, PASSWORD, false, true);

        // when
        LoginResult result = identity.attemptLogIn(EMAIL, "not the right passphrase");

        // then
        assertThat(result).isInstanceOf(LoginResult.BadCredentials.class);
    }

    @Test
    void a_disabled_account_is_told_so_only_when_the_password_is_right() {
        // given
        User guest = identity.existingGuest(EMAIL, PASSWORD, true, false);

        // when
        LoginResult rightPassword = identity.attemptLogIn(EMAIL, PASSWORD);
        LoginResult wrongPassword = identity.attemptLogIn(EMAIL, "not the right passphrase");

        // then
        assertThat(rightPassword).isInstanceOf(LoginResult.AccountDisabled.class);
        assertThat(wrongPassword).isInstanceOf(LoginResult.BadCredentials.class);
        assertThat(identity.sessions.activeOf(guest.id())).isEmpty();
    }
}
