package com.westbethel.motel.adapters.web.site.booking;

import com.westbethel.motel.application.booking.port.in.SearchAvailabilityUseCase.Availability;
import com.westbethel.motel.application.booking.port.in.SearchAvailabilityUseCase.CancellationTerms;
import com.westbethel.motel.application.booking.port.in.SearchAvailabilityUseCase.RoomTypeOffer;
import com.westbethel.motel.domain.booking.NightlyRate;
import com.westbethel.motel.domain.shared.Money;
import java.util.List;

/**
 * A room type in the results as the page shows it, every amount written out: the prices are the search's, which are
 * what the booking charges.
 *
 * @param left "Only 2 left" when few rooms are, else null
 * @param unavailable why it cannot be booked for this stay (sold out, a longer minimum stay), else null
 * @param discount the promotion's discount, or null without one
 */
record OfferView(String roomTypeId, String name, String description, List<String> amenities, String sleeps, String left, String unavailable,
        List<Night> nights, String subtotal, String discount, String promotionCode, String total, String policy, String bookLabel) {

    /** Few enough rooms left to say so. */
    static final int FEW = 3;

    record Night(String date, String rate) {
    }

    static OfferView of(RoomTypeOffer offer, Availability availability) {
        String left = offer.availableRooms() > 0 && offer.availableRooms() <= FEW
                ? (offer.availableRooms() == 1 ? "Only 1 left" : "Only %d left".formatted(offer.availableRooms())) : null;
        String unavailable = null;
        if (availability.nights() < offer.minimumStay()) {
            unavailable = "Stays on these dates are at least %d nights.".formatted(offer.minimumStay());
        } else if (offer.availableRooms() == 0) {
            unavailable = "Sold out for these dates.";
        }
        Money discount = offer.price().discount();
        return new OfferView(offer.roomTypeId().toString(), offer.name(), offer.description(), offer.amenities(),
                "Sleeps " + offer.maxOccupancy(), left, unavailable,
                offer.nightlyRates().stream().map(OfferView::night).toList(), SiteFormat.money(offer.price().subtotal()),
                discount.isZero() ? null : "−" + SiteFormat.money(discount), availability.promotionCode().orElse(null),
                SiteFormat.money(offer.total()), policy(availability.cancellation(), offer.keptWhenCancelledLate()),
                "Book the %s for %s".formatted(offer.name(), SiteFormat.money(offer.total())));
    }

    /** The property's policy for this stay, in one sentence. */
    static String policy(CancellationTerms terms, Money keptLate) {
        if (terms.freeNow()) {
            return "Free cancellation until %s; after that, cancelling keeps the first night (%s) and refunds the rest."
                    .formatted(SiteFormat.moment(terms.freeUntil()), SiteFormat.money(keptLate));
        }
        return "Free cancellation ended %s (%d hours before check-in): cancelling keeps the first night (%s) and refunds the rest."
                .formatted(SiteFormat.moment(terms.freeUntil()), terms.hoursBeforeCheckIn(), SiteFormat.money(keptLate));
    }

    private static Night night(NightlyRate night) {
        return new Night(SiteFormat.date(night.night()), SiteFormat.money(night.rate()));
    }
}
