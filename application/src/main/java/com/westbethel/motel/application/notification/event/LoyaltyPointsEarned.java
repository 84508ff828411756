package com.westbethel.motel.application.notification.event;

import com.westbethel.motel.domain.loyalty.LoyaltyProgram;

/** A guest earned points for a stay. */
public record LoyaltyPointsEarned(Recipient recipient, String bookingReference, long points, long balance, LoyaltyProgram.Tier tier)
        implements NotificationEvent {
}
