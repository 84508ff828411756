package com.westbethel.motel.application.identity.service;

import static com.westbethel.motel.application.identity.service.IdentityFixture.LAPTOP;
import static com.westbethel.motel.application.identity.service.IdentityFixture.PHONE;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.identity.port.in.RefreshTokensUseCase.RefreshResult;
import com.westbethel.motel.application.identity.port.in.TokenPair;
import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import com.westbethel.motel.application.identity.port.out.Sessions.RefreshToken;
import com.westbethel.motel.application.identity.service.IdentityFixture.GuestOnTwoDevices;
import com.westbethel.motel.application.identity.service.InMemoryIdentity.InMemorySessions;
import com.westbethel.motel.application.notification.event.SecurityAlert;
import com.westbethel.motel.application.notification.event.SecurityAlert.Kind;
import com.westbethel.motel.domain.identity.SessionPolicy;
import com.westbethel.motel.domain.identity.User;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RefreshTokensServiceTest {

    private static final SessionPolicy LONG_SESSIONS = new SessionPolicy(new SessionPolicy.Limits(Duration.ofDays(90), Duration.ofDays(90)),
            new SessionPolicy.Limits(Duration.ofDays(90), Duration.ofDays(90)));

    private final IdentityFixture identity = new IdentityFixture();

    @Test
    void a_refresh_rotates_the_pair_within_the_same_session() {
        // given
        User guest = identity.verifiedGuest();
        TokenPair first = identity.logIn(LAPTOP);
        identity.clock.advance(Duration.ofMinutes(10));

        // when
        RefreshResult result = identity.refreshes.refresh(first.refreshToken(), LAPTOP);

        // then
        assertThat(result).isInstanceOf(RefreshResult.Refreshed.class);
        TokenPair second = ((RefreshResult.Refreshed) result).tokens();
        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(second.accessToken()).isNotEqualTo(first.accessToken());
        assertThat(identity.claimsOf(second).session()).isEqualTo(identity.claimsOf(first).session());
        assertThat(identity.sessions.activeOf(guest.id())).singleElement()
                .satisfies(session -> assertThat(session.lastSeenAt()).isEqualTo(IdentityFixture.START.plus(Duration.ofMinutes(10))));
    }

    @Test
    void each_new_refresh_token_works_in_turn() {
        // given
        identity.verifiedGuest();
        TokenPair tokens = identity.logIn(LAPTOP);

        // when
        for (int i = 0; i < 3; i++) {
            identity.clock.advance(Duration.ofMinutes(14));
            RefreshResult result = identity.refreshes.refresh(tokens.refreshToken(), LAPTOP);
            assertThat(result).isInstanceOf(RefreshResult.Refreshed.class);
            tokens = ((RefreshResult.Refreshed) result).tokens();
        }

        // then
        assertThat(identity.accepted(tokens)).isTrue();
    }

    @Test
    void a_refresh_token_used_twice_ends_the_session() {
        // given
        User guest = identity.verifiedGuest();
        TokenPair stolen = identity.logIn(LAPTOP);
        AccessTokenClaims session = identity.claimsOf(stolen);
        TokenPair rotated = ((RefreshResult.Refreshed) identity.refreshes.refresh(stolen.refreshToken(), LAPTOP)).tokens();

        // when
        RefreshResult replay = identity.refreshes.refresh(stolen.refreshToken(), PHONE);

        // then
        assertThat(replay).isInstanceOf(RefreshResult.Reused.class);
        assertThat(identity.sessions.find(session.session())).hasValueSatisfying(ended -> assertThat(ended.active()).isFalse());
        assertThat(identity.sessions.endReason(session.session())).contains("REFRESH_TOKEN_REUSE");
        assertThat(identity.accepted(stolen)).as("the session's first access token").isFalse();
        assertThat(identity.accepted(rotated)).as("the session's newest access token").isFalse();
        assertThat(identity.refreshes.refresh(rotated.refreshToken(), LAPTOP)).isInstanceOf(RefreshResult.Invalid.class);

        SecurityAlert alert = identity.outbox.only(SecurityAlert.class);
        assertThat(alert.recipient().email()).isEqualTo(guest.email());
        assertThat(alert.kind()).isEqualTo(Kind.REFRESH_TOKEN_REUSE);
    }

    @Test
    void a_reused_refresh_token_ends_only_its_own_session() {
        // given
        GuestOnTwoDevices anna = identity.guestOnLaptopAndPhone();
        identity.refreshes.refresh(anna.laptop().refreshToken(), LAPTOP);

        // when
        identity.refreshes.refresh(anna.laptop().refreshToken(), LAPTOP);

        // then
        assertThat(identity.accepted(anna.phone())).isTrue();
        assertThat(identity.refreshes.refresh(anna.phone().refreshToken(), PHONE)).isInstanceOf(RefreshResult.Refreshed.class);
    }

    @Test
    void two_requests_racing_with_one_refresh_token_end_the_session() {
        // given: another request rotates the token between this request's lookup and its own rotation
        InMemorySessions racing = new InMemorySessions() {
            private boolean raced;

            @Override
            public synchronized Optional<RefreshToken> findRefreshToken(String tokenHash) {
                Optional<RefreshToken> seen = super.findRefreshToken(tokenHash);
                if (!raced && seen.isPresent()) {
                    raced = true;
                    markRotated(tokenHash, seen.get().issuedAt());
                }
                return seen;
            }
        };
        IdentityFixture raceIdentity = new IdentityFixture(IdentitySettings.defaults(), racing);
        raceIdentity.verifiedGuest();
        TokenPair tokens = raceIdentity.logIn(LAPTOP);

        // when
        RefreshResult result = raceIdentity.refreshes.refresh(tokens.refreshToken(), LAPTOP);

        // then
        assertThat(result).isInstanceOf(RefreshResult.Reused.class);
        assertThat(raceIdentity.accepted(tokens)).isFalse();
        assertThat(raceIdentity.outbox.all(SecurityAlert.class)).hasSize(1);
    }

    @Test
    void an_expired_refresh_token_is_invalid() {
        // given: sessions that outlast the token, so that the token's own expiry decides
        IdentityFixture identity = new IdentityFixture(IdentitySettings.defaults().withSessions(LONG_SESSIONS));
        identity.verifiedGuest();
        TokenPair tokens = identity.logIn(LAPTOP);
        identity.clock.advance(Duration.ofDays(30));

        // when
        RefreshResult result = identity.refreshes.refresh(tokens.refreshToken(), LAPTOP);

        // then
        assertThat(result).isInstanceOf(RefreshResult.Invalid.class);
        assertThat(identity.outbox.all(SecurityAlert.class)).isEmpty();
    }

    @Test
    void a_refresh_token_just_before_its_expiry_still_works() {
        // given: sessions that outlast the token, so that the token's own expiry decides
        IdentityFixture identity = new IdentityFixture(IdentitySettings.defaults().withSessions(LONG_SESSIONS));
        identity.verifiedGuest();
        TokenPair tokens = identity.logIn(LAPTOP);
        identity.clock.advance(Duration.ofDays(30).minusSeconds(1));

        // when
        RefreshResult result = identity.refreshes.refresh(tokens.refreshToken(), LAPTOP);

        // then
        assertThat(result).isInstanceOf(RefreshResult.Refreshed.class);
    }

    @Test
    void an_unknown_refresh_token_is_invalid() {
        // given
        identity.verifiedGuest();
        identity.logIn(LAPTOP);

        // when
        RefreshResult result = identity.refreshes.refresh("made-up-refresh-token", LAPTOP);

        // then
        assertThat(result).isInstanceOf(RefreshResult.Invalid.class);
    }

    @Test
    void a_refresh_token_of_a_logged_out_session_is_invalid_and_raises_no_alarm() {
        // given
        identity.verifiedGuest();
        TokenPair tokens = identity.logIn(LAPTOP);
        identity.logouts.logOut(identity.claimsOf(tokens));

        // when
        RefreshResult result = identity.refreshes.refresh(tokens.refreshToken(), LAPTOP);

        // then
        assertThat(result).isInstanceOf(RefreshResult.Invalid.class);
        assertThat(identity.outbox.all(SecurityAlert.class)).isEmpty();
    }

    @Test
    void a_refresh_token_of_an_account_disabled_since_login_is_invalid() {
        // given
        User guest = identity.verifiedGuest();
        TokenPair tokens = identity.logIn(LAPTOP);
        identity.users.update(new User(guest.id(), guest.email(), guest.firstName(), guest.lastName(), guest.passwordHash(), guest.roles(),
                true, false, guest.createdAt(), null));

        // when
        RefreshResult result = identity.refreshes.refresh(tokens.refreshToken(), LAPTOP);

        // then
        assertThat(result).isInstanceOf(RefreshResult.Invalid.class);
    }

    @Test
    void a_refresh_token_issued_before_the_users_tokens_were_revoked_is_invalid() {
        // given: the session itself is still open in storage, only the user's cut-off has moved
        User guest = identity.verifiedGuest();
        TokenPair tokens = identity.logIn(LAPTOP);
        identity.clock.advance(Duration.ofMinutes(1));
        User stored = identity.users.findById(guest.id()).orElseThrow();
        stored.revokeTokensIssuedBefore(identity.clock.instant());
        identity.users.update(stored);

        // when
        RefreshResult result = identity.refreshes.refresh(tokens.refreshToken(), LAPTOP);

        // then
        assertThat(result).isInstanceOf(RefreshResult.Invalid.class);
    }
}
