package com.westbethel.motel.application.booking.port.in;

import com.westbethel.motel.domain.identity.UserId;
import com.westbethel.motel.domain.loyalty.LoyaltyProgram.Tier;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A guest looks at points, tier and how they came about. */
public interface ViewLoyaltyUseCase {

    LoyaltyView loyalty(UserId guest);

    record LoyaltyView(long points, Tier tier, long lifetimePoints, List<Movement> history) {
    }

    record Movement(String kind, long points, Optional<UUID> bookingId, Instant occurredAt) {
    }
}
