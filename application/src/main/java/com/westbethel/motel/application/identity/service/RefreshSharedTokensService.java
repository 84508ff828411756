package com.westbethel.motel.application.identity.service;

import com.westbethel.motel.application.identity.port.in.RefreshSharedTokensUseCase;
import com.westbethel.motel.application.identity.port.in.RefreshTokensUseCase;
import com.westbethel.motel.application.identity.port.in.RefreshTokensUseCase.RefreshResult;
import com.westbethel.motel.application.identity.port.in.TokenPair;
import com.westbethel.motel.application.identity.port.out.SharedRefreshes;
import com.westbethel.motel.application.identity.port.out.SharedRefreshes.Successor;
import com.westbethel.motel.domain.identity.Device;
import com.westbethel.motel.domain.identity.OpaqueToken;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * One refresh per refresh token across servers: under a lock on the token, a pair it was traded for moments ago is handed
 * out again; otherwise the token is refreshed and its successor kept for {@link #SHARED_FOR}. Runs in one transaction, so
 * the lock holds until the successor is saved.
 */
public class RefreshSharedTokensService implements RefreshSharedTokensUseCase {

    /** Long enough for the requests that read the old pair before the first refresh was stored to come by. */
    public static final Duration SHARED_FOR = Duration.ofSeconds(30);

    private final RefreshTokensUseCase refresh;
    private final SharedRefreshes shared;
    private final Clock clock;

    public RefreshSharedTokensService(RefreshTokensUseCase refresh, SharedRefreshes shared, Clock clock) {
        this.refresh = refresh;
        this.shared = shared;
        this.clock = clock;
    }

    @Override
    public RefreshResult refresh(String refreshToken, Device device) {
        String hash = OpaqueToken.hash(refreshToken);
        shared.lock(hash);
        Optional<RefreshResult> already = shared.find(hash, clock.instant())
                .map(kept -> new RefreshResult.Refreshed(new TokenPair(kept.accessToken(), kept.refreshToken(), kept.expiresInSeconds())));
        if (already.isPresent()) {
            return already.get();
        }
        RefreshResult result = refresh.refresh(refreshToken, device);
        if (result instanceof RefreshResult.Refreshed refreshed) {
            TokenPair tokens = refreshed.tokens();
            shared.save(hash, new Successor(tokens.accessToken(), tokens.refreshToken(), tokens.expiresInSeconds()), clock.instant().plus(SHARED_FOR));
        }
        return result;
    }
}
