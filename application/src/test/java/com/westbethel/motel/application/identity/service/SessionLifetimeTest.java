package com.westbethel.motel.application.identity.service;

import static com.westbethel.motel.application.identity.service.IdentityFixture.LAPTOP;
import static com.westbethel.motel.application.identity.service.IdentityFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.identity.port.in.RefreshTokensUseCase.RefreshResult;
import com.westbethel.motel.application.identity.port.in.TokenPair;
import com.westbethel.motel.domain.identity.Role;
import com.westbethel.motel.domain.identity.User;
import java.time.Duration;
import org.junit.jupiter.api.Test;

// Finding 5: sessions end, after an absolute lifetime and after an idle spell, both enforced at refresh.
class SessionLifetimeTest {

    private final IdentityFixture identity = new IdentityFixture(IdentitySettings.defaults().withStaffMfaRequired(false));

    @Test
    void a_guest_session_refreshed_every_day_ends_after_thirty_days() {
        // given
        User guest = identity.verifiedGuest();
        TokenPair tokens = refreshedEvery(Duration.ofDays(1), 29, identity.logIn(LAPTOP));
        identity.clock.advance(Duration.ofDays(1));

        // when
        RefreshResult result = identity.refreshes.refresh(tokens.refreshToken(), LAPTOP);

        // then
        assertThat(result).isInstanceOf(RefreshResult.SessionExpired.class);
        assertThat(identity.sessions.activeOf(guest.id())).as("the session ended").isEmpty();
        assertThat(identity.accepted(tokens)).as("its access token is refused too").isFalse();
    }

    @Test
    void a_guest_session_unused_for_a_week_ends_at_its_next_refresh() {
        // given
        User guest = identity.verifiedGuest();
        TokenPair tokens = identity.logIn(LAPTOP);
        identity.clock.advance(Duration.ofDays(6));
        tokens = refreshed(tokens);
        identity.clock.advance(Duration.ofDays(7));

        // when
        RefreshResult result = identity.refreshes.refresh(tokens.refreshToken(), LAPTOP);

        // then
        assertThat(result).isInstanceOf(RefreshResult.SessionExpired.class);
        assertThat(identity.sessions.activeOf(guest.id())).isEmpty();
        assertThat(identity.refreshes.refresh(tokens.refreshToken(), LAPTOP)).as("and stays ended").isInstanceOf(RefreshResult.Invalid.class);
    }

    @Test
    void a_staff_session_kept_busy_ends_after_twelve_hours() {
        // given
        staffMember();
        TokenPair tokens = refreshedEvery(Duration.ofMinutes(15), 47, identity.logIn("desk@example.com", PASSWORD, LAPTOP));
        identity.clock.advance(Duration.ofMinutes(15));

        // when
        RefreshResult result = identity.refreshes.refresh(tokens.refreshToken(), LAPTOP);

        // then
        assertThat(result).isInstanceOf(RefreshResult.SessionExpired.class);
    }

    @Test
    void a_staff_session_left_alone_for_half_an_hour_ends() {
        // given
        staffMember();
        TokenPair tokens = identity.logIn("desk@example.com", PASSWORD, LAPTOP);
        identity.clock.advance(Duration.ofMinutes(29));
        tokens = refreshed(tokens);
        identity.clock.advance(Duration.ofMinutes(30));

        // when
        RefreshResult result = identity.refreshes.refresh(tokens.refreshToken(), LAPTOP);

        // then
        assertThat(result).isInstanceOf(RefreshResult.SessionExpired.class);
    }

    /** The pair after refreshing it this many times, once every interval. */
    private TokenPair refreshedEvery(Duration interval, int times, TokenPair tokens) {
        for (int i = 0; i < times; i++) {
            identity.clock.advance(interval);
            tokens = refreshed(tokens);
        }
        return tokens;
    }

    private TokenPair refreshed(TokenPair tokens) {
        RefreshResult result = identity.refreshes.refresh(tokens.refreshToken(), LAPTOP);
        assertThat(result).as("refresh at " + identity.clock.instant()).isInstanceOf(RefreshResult.Refreshed.class);
        return ((RefreshResult.Refreshed) result).tokens();
    }

    private void staffMember() {
        identity.existingMember("desk@example.com", Role.STAFF, Role.GUEST);
    }
}
