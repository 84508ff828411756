package com.westbethel.motel.application.booking.service;

import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.application.booking.port.out.Promotions;
import com.westbethel.motel.domain.booking.Promotion;
import com.westbethel.motel.domain.booking.StayQuote;
import com.westbethel.motel.domain.stay.Stay;
import java.util.Optional;

/**
 * A promotion code as a guest typed it, found and applied to a stay's price: the one place a search and a booking
 * both turn a code into a discount or into the refusal shown beside the code field ({@code promoCode}). The usage
 * limits are not judged here: only {@link Promotions#redeem} counts uses, when a booking takes one.
 */
record PromotionCodes(Promotions promotions) {

    static final String FIELD = "promoCode";

    /** The code in its stored form, or empty when none (or only blanks) was typed. */
    static Optional<String> normalised(Optional<String> typed) {
        return typed.filter(text -> !text.isBlank()).map(Promotion::normalise);
    }

    /** The promotion the code names (empty without a code), or a refusal when there is no such code. */
    Outcome<Optional<Promotion>> find(Optional<String> typed) {
        Optional<String> code = normalised(typed);
        if (code.isEmpty()) {
            return Outcome.success(Optional.empty());
        }
        Optional<Promotion> promotion = promotions.byCode(code.get());
        return promotion.isPresent() ? Outcome.success(promotion) : Outcome.invalid(FIELD, "There is no promotion code " + code.get() + ".");
    }

    /** The price with the promotion's discount, or why the promotion does not apply to this stay. */
    static Outcome<StayQuote> discounted(Promotion promotion, Stay stay, StayQuote quote) {
        Promotion.Verdict verdict = promotion.apply(stay, quote.subtotal());
        if (verdict instanceof Promotion.Verdict.Refused refused) {
            return Outcome.invalid(FIELD, refused.reason());
        }
        return Outcome.success(quote.withDiscount(((Promotion.Verdict.Applied) verdict).discount()));
    }
}
