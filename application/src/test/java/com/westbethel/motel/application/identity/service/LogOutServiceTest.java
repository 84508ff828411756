package com.westbethel.motel.application.identity.service;

import static com.westbethel.motel.application.identity.service.IdentityFixture.LAPTOP;
import static com.westbethel.motel.application.identity.service.IdentityFixture.PHONE;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.identity.port.in.RefreshTokensUseCase.RefreshResult;
import com.westbethel.motel.application.identity.port.in.TokenPair;
import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import com.westbethel.motel.application.identity.service.IdentityFixture.GuestOnTwoDevices;
import com.westbethel.motel.domain.identity.User;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LogOutServiceTest {

    private final IdentityFixture identity = new IdentityFixture();

    @Test
    void logging_out_ends_the_session_and_its_refresh_tokens() {
        // given
        User guest = identity.verifiedGuest();
        TokenPair tokens = identity.logIn(LAPTOP);
        AccessTokenClaims caller = identity.claimsOf(tokens);

        // when
        identity.logouts.logOut(caller);

        // then
        assertThat(identity.sessions.activeOf(guest.id())).isEmpty();
        assertThat(identity.sessions.endReason(caller.session())).contains("LOGOUT");
        assertThat(identity.accepted(tokens)).isFalse();
        assertThat(identity.refreshes.refresh(tokens.refreshToken(), LAPTOP)).isInstanceOf(RefreshResult.Invalid.class);
    }

    @Test
    void logging_out_everywhere_ends_every_session_and_every_refresh_token() {
        // given
        GuestOnTwoDevices anna = identity.guestOnLaptopAndPhone();
        identity.clock.advance(Duration.ofMinutes(1));

        // when
        identity.logouts.logOutEverywhere(identity.claimsOf(anna.laptop()));

        // then
        assertThat(identity.sessions.activeOf(anna.guest().id())).isEmpty();
        assertThat(identity.refreshes.refresh(anna.laptop().refreshToken(), LAPTOP)).isInstanceOf(RefreshResult.Invalid.class);
        assertThat(identity.refreshes.refresh(anna.phone().refreshToken(), PHONE)).isInstanceOf(RefreshResult.Invalid.class);
        assertThat(identity.users.findById(anna.guest().id()).orElseThrow().tokensValidAfter()).contains(identity.clock.instant());
    }
}
