package com.westbethel.motel.domain.booking;

import com.westbethel.motel.domain.inventory.RatePlan;
import com.westbethel.motel.domain.inventory.RoomType;
import com.westbethel.motel.domain.shared.Money;
import com.westbethel.motel.domain.stay.Stay;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Prices a stay night by night: each night takes the rate of the rate plan covering it (the plan
 * starting latest wins where seasons overlap), or the room type's base rate. A stay crossing a season
 * boundary therefore pays each season's rate for its own nights.
 */
public final class StayPricing {

    private StayPricing() {
    }

    public static StayQuote quote(RoomType roomType, List<RatePlan> ratePlans, Stay stay) {
        // This type's plans only: a search prices every room type against the whole property's plans.
        List<RatePlan> plans = ratePlans.stream().filter(plan -> plan.roomType().equals(roomType.id())).toList();
        List<NightlyRate> nights = new ArrayList<>(stay.nights());
        Money subtotal = Money.zero(roomType.baseRate().currency());
        int minimumStay = 1;
        for (LocalDate night : (Iterable<LocalDate>) stay.nightsDates()::iterator) {
            RatePlan plan = null;
            for (RatePlan candidate : plans) {
                if (candidate.covers(night)
                        && (plan == null || candidate.validFrom().isAfter(plan.validFrom()))) {
                    plan = candidate;
                }
            }
            Money rate = plan == null ? roomType.baseRate() : plan.rateFor(night);
            if (plan != null) {
                minimumStay = Math.max(minimumStay, plan.minimumStay());
            }
            nights.add(new NightlyRate(night, rate));
            subtotal = subtotal.plus(rate);
        }
        return new StayQuote(nights, subtotal, Money.zero(subtotal.currency()), subtotal, minimumStay);
    }
}
