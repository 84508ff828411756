package com.westbethel.motel.application.identity.service;

import static com.westbethel.motel.application.identity.service.IdentityFixture.ACCESS_TOKEN_TTL;
import static com.westbethel.motel.application.identity.service.IdentityFixture.LAPTOP;
import static com.westbethel.motel.application.identity.service.IdentityFixture.PHONE;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.identity.port.in.TokenPair;
import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import com.westbethel.motel.application.identity.service.IdentityFixture.GuestOnTwoDevices;
import com.westbethel.motel.application.support.RecordingBusinessMetrics;
import com.westbethel.motel.domain.identity.Role;
import com.westbethel.motel.domain.identity.User;
import com.westbethel.motel.domain.identity.UserId;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthenticateServiceTest {

    private final IdentityFixture identity = new IdentityFixture();

    @Test
    void a_freshly_issued_access_token_is_accepted_with_its_claims() {
        // given
        User guest = identity.verifiedGuest();
        TokenPair tokens = identity.logIn(LAPTOP);

        // when
        Optional<AccessTokenClaims> claims = identity.authenticator.authenticate(tokens.accessToken());

        // then
        assertThat(claims).hasValueSatisfying(found -> {
            assertThat(found.user()).isEqualTo(guest.id());
            assertThat(found.roles()).containsExactly(Role.GUEST);
            assertThat(found.expiresAt()).isEqualTo(IdentityFixture.START.plus(ACCESS_TOKEN_TTL));
        });
        assertThat(identity.metrics.tokenValidations()).singleElement().satisfies(check -> {
            assertThat(check.valid()).isTrue();
            assertThat(check.took()).isPositive();
        });
    }

    @Test
    void an_expired_access_token_is_refused() {
        // given
        identity.verifiedGuest();
        TokenPair tokens = identity.logIn(LAPTOP);
        identity.clock.advance(ACCESS_TOKEN_TTL);

        // when
        Optional<AccessTokenClaims> claims = identity.authenticator.authenticate(tokens.accessToken());

        // then
        assertThat(claims).isEmpty();
    }

    @Test
    void a_token_nobody_issued_is_refused() {
        // when
        Optional<AccessTokenClaims> claims = identity.authenticator.authenticate("access-forged");

        // then
        assertThat(claims).isEmpty();
        assertThat(identity.metrics.tokenValidations()).singleElement().extracting(RecordingBusinessMetrics.TokenValidation::valid).isEqualTo(false);
    }

    @Test
    void after_logging_out_the_sessions_token_is_refused_but_other_sessions_go_on() {
        // given
        GuestOnTwoDevices anna = identity.guestOnLaptopAndPhone();
        identity.clock.advance(Duration.ofMinutes(1));

        // when
        identity.logouts.logOut(identity.claimsOf(anna.laptop()));

        // then
        assertThat(identity.authenticator.authenticate(anna.laptop().accessToken())).isEmpty();
        assertThat(identity.authenticator.authenticate(anna.phone().accessToken())).isPresent();
    }

    @Test
    void after_logging_out_everywhere_every_sessions_token_is_refused() {
        // given
        GuestOnTwoDevices anna = identity.guestOnLaptopAndPhone();
        identity.clock.advance(Duration.ofMinutes(1));

        // when
        identity.logouts.logOutEverywhere(identity.claimsOf(anna.phone()));

        // then
        assertThat(identity.authenticator.authenticate(anna.laptop().accessToken())).isEmpty();
        assertThat(identity.authenticator.authenticate(anna.phone().accessToken())).isEmpty();
    }

    @Test
    void a_new_login_after_logging_out_everywhere_is_accepted() {
        // given
        identity.verifiedGuest();
        TokenPair before = identity.logIn(LAPTOP);
        identity.clock.advance(Duration.ofMinutes(1));
        identity.logouts.logOutEverywhere(identity.claimsOf(before));
        identity.clock.advance(Duration.ofMinutes(1));

        // when
        TokenPair after = identity.logIn(LAPTOP);

        // then
        assertThat(identity.authenticator.authenticate(after.accessToken())).isPresent();
    }

    @Test
    void an_access_token_an_admin_revoked_by_its_id_is_refused_and_no_other() {
        // given
        GuestOnTwoDevices anna = identity.guestOnLaptopAndPhone();
        String jti = identity.claimsOf(anna.laptop()).jti();

        // when
        identity.adminRevocations.revokeToken(UserId.random(), jti);

        // then
        assertThat(identity.authenticator.authenticate(anna.laptop().accessToken())).isEmpty();
        assertThat(identity.authenticator.authenticate(anna.phone().accessToken())).isPresent();
    }

    @Test
    void an_admin_revoking_all_tokens_of_a_user_refuses_every_one_of_them() {
        // given
        GuestOnTwoDevices anna = identity.guestOnLaptopAndPhone();
        identity.clock.advance(Duration.ofMinutes(1));

        // when
        boolean revoked = identity.adminRevocations.revokeAllTokensOf(UserId.random(), anna.guest().id());

        // then
        assertThat(revoked).isTrue();
        assertThat(identity.authenticator.authenticate(anna.laptop().accessToken())).isEmpty();
        assertThat(identity.authenticator.authenticate(anna.phone().accessToken())).isEmpty();
        assertThat(identity.sessions.activeOf(anna.guest().id())).isEmpty();
        assertThat(identity.users.findById(anna.guest().id()).orElseThrow().tokensValidAfter()).contains(identity.clock.instant());
    }

    @Test
    void revoking_all_tokens_of_an_unknown_user_says_so_and_touches_nobody_else() {
        // given
        identity.verifiedGuest();
        TokenPair tokens = identity.logIn(LAPTOP);

        // when
        boolean revoked = identity.adminRevocations.revokeAllTokensOf(UserId.random(), UserId.random());

        // then
        assertThat(revoked).isFalse();
        assertThat(identity.authenticator.authenticate(tokens.accessToken())).isPresent();
    }

    @Test
    void another_users_logout_everywhere_leaves_this_users_tokens_valid() {
        // given
        identity.verifiedGuest();
        TokenPair anna = identity.logIn(LAPTOP);
        TokenPair bob = identity.otherGuestLoggedIn(PHONE);
        identity.clock.advance(Duration.ofMinutes(1));

        // when
        identity.logouts.logOutEverywhere(identity.claimsOf(bob));

        // then
        assertThat(identity.authenticator.authenticate(anna.accessToken())).isPresent();
        assertThat(identity.authenticator.authenticate(bob.accessToken())).isEmpty();
    }
}
