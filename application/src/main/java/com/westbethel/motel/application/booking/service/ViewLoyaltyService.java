package com.westbethel.motel.application.booking.service;

import com.westbethel.motel.application.booking.port.in.ViewLoyaltyUseCase;
import com.westbethel.motel.application.booking.port.out.LoyaltyLedger;
import com.westbethel.motel.domain.identity.UserId;
import com.westbethel.motel.domain.loyalty.LoyaltyProgram;

public record ViewLoyaltyService(LoyaltyLedger ledger) implements ViewLoyaltyUseCase {

    private static final int HISTORY = 50;

    @Override
    public LoyaltyView loyalty(UserId guest) {
        LoyaltyLedger.Balance balance = ledger.balance(guest);
        return new LoyaltyView(balance.points(), LoyaltyProgram.tierFor(balance.lifetimePoints()), balance.lifetimePoints(),
                ledger.history(guest, HISTORY));
    }
}
