package com.westbethel.motel.adapters.web.site.booking;

import com.westbethel.motel.application.booking.port.in.SearchAvailabilityUseCase.Availability;
import java.util.List;

/**
 * The search's answer as the page shows it.
 *
 * @param promotion "Prices include the code SUMMER10." when a code applies, else null
 * @param bookable whether any room type can be booked for the stay
 */
record ResultsView(String stay, String nights, String guests, String checkIn, String checkOut, int party, String promotion,
        List<OfferView> offers, boolean bookable) {

    static ResultsView of(Availability availability, int party) {
        List<OfferView> offers = availability.roomTypes().stream().map(offer -> OfferView.of(offer, availability)).toList();
        return new ResultsView(SiteFormat.date(availability.checkIn()) + " to " + SiteFormat.date(availability.checkOut()),
                SiteFormat.nights(availability.nights()), SiteFormat.guests(party), availability.checkIn().toString(),
                availability.checkOut().toString(), party, availability.promotionCode().map("Prices include the code %s."::formatted).orElse(null),
                offers, offers.stream().anyMatch(offer -> offer.unavailable() == null));
    }
}
