package com.westbethel.motel.application.identity.service;

import static com.westbethel.motel.application.identity.service.IdentityFixture.LAPTOP;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.identity.port.in.RefreshTokensUseCase.RefreshResult;
import com.westbethel.motel.application.identity.port.in.TokenPair;
import com.westbethel.motel.application.identity.port.out.SharedRefreshes;
import com.westbethel.motel.application.notification.event.SecurityAlert;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RefreshSharedTokensServiceTest {

    private final IdentityFixture identity = new IdentityFixture();
    private final RefreshSharedTokensService sharedRefreshes =
            new RefreshSharedTokensService(identity.refreshes, new InMemorySharedRefreshes(), identity.clock);

    @Test
    void a_second_request_holding_the_same_refresh_token_gets_the_first_ones_pair_and_the_session_goes_on() {
        // given
        identity.verifiedGuest();
        TokenPair stale = identity.logIn(LAPTOP);
        RefreshResult first = sharedRefreshes.refresh(stale.refreshToken(), LAPTOP);

        // when
        identity.clock.advance(Duration.ofSeconds(2));
        RefreshResult second = sharedRefreshes.refresh(stale.refreshToken(), LAPTOP);

        // then
        assertThat(first).isInstanceOf(RefreshResult.Refreshed.class);
        assertThat(second).isEqualTo(first);
        assertThat(identity.accepted(((RefreshResult.Refreshed) second).tokens())).isTrue();
        assertThat(identity.outbox.all(SecurityAlert.class)).isEmpty();
    }

    @Test
    void once_the_pair_is_no_longer_shared_the_old_token_is_a_reused_one_again() {
        // given
        identity.verifiedGuest();
        TokenPair stale = identity.logIn(LAPTOP);
        sharedRefreshes.refresh(stale.refreshToken(), LAPTOP);

        // when
        identity.clock.advance(RefreshSharedTokensService.SHARED_FOR.plusSeconds(1));
        RefreshResult late = sharedRefreshes.refresh(stale.refreshToken(), LAPTOP);

        // then
        assertThat(late).isInstanceOf(RefreshResult.Reused.class);
        assertThat(identity.outbox.all(SecurityAlert.class)).hasSize(1);
    }

    /** The kept pairs by token hash; one thread, so the lock is nothing. */
    private static final class InMemorySharedRefreshes implements SharedRefreshes {

        private record Kept(SharedRefreshes.Successor pair, Instant until) {
        }

        private final Map<String, Kept> kept = new HashMap<>();

        @Override
        public void lock(String refreshTokenHash) {
            // One thread: nothing to wait for.
        }

        @Override
        public Optional<SharedRefreshes.Successor> find(String refreshTokenHash, Instant now) {
            return Optional.ofNullable(kept.get(refreshTokenHash)).filter(found -> found.until().isAfter(now)).map(Kept::pair);
        }

        @Override
        public void save(String refreshTokenHash, SharedRefreshes.Successor successor, Instant keptUntil) {
            kept.put(refreshTokenHash, new Kept(successor, keptUntil));
        }
    }
}
