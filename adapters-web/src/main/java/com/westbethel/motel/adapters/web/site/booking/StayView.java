package com.westbethel.motel.adapters.web.site.booking;

import com.westbethel.motel.application.booking.port.in.BookingView;
import com.westbethel.motel.application.booking.port.in.BrowseRoomTypesUseCase;
import com.westbethel.motel.application.booking.port.in.SearchAvailabilityUseCase.CancellationTerms;
import com.westbethel.motel.domain.booking.BookingStatus;
import com.westbethel.motel.domain.booking.StayQuote;
import com.westbethel.motel.domain.inventory.Property;
import com.westbethel.motel.domain.inventory.RoomType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A booking as the booking pages show it, every amount and date written out in the motel's time zone.
 *
 * @param discount the promotion's discount, or null without one
 * @param policy the cancellation policy for this stay in one sentence, or null once the booking can no longer be cancelled
 * @param mailedToAccount the booking's emails go to its account's address (the guest named on it may be someone else)
 */
record StayView(String id, String reference, String status, String roomType, String checkIn, String checkOut, String checkInTime,
        String checkOutTime, String nights, String guests, String guestName, String guestEmail, List<OfferView.Night> rates, String subtotal,
        String discount, String promotionCode, String total, String refunded, String policy, boolean mailedToAccount) {

    private static final Map<BookingStatus, String> STATUS = Map.of(
            BookingStatus.PENDING_PAYMENT, "Held, waiting for payment",
            BookingStatus.CONFIRMED, "Confirmed",
            BookingStatus.CHECKED_IN, "Checked in",
            BookingStatus.CHECKED_OUT, "Stayed",
            BookingStatus.CANCELLED, "Cancelled",
            BookingStatus.NO_SHOW, "Not arrived (no-show)");

    /** The motel the booking pages are for; a 404 page until it is set up. */
    static Property property(BrowseRoomTypesUseCase motel) {
        return motel.motel().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** The name of the booking's room type, as the motel offers it now. */
    static String roomTypeName(BrowseRoomTypesUseCase motel, BookingView booking) {
        return motel.roomTypes().stream().filter(type -> type.id().value().equals(booking.roomTypeId())).map(RoomType::name).findFirst()
                .orElse("Room");
    }

    /** The status in the guest's words. */
    static String status(BookingStatus status) {
        return STATUS.get(status);
    }

    static StayView of(BookingView booking, String roomType, Property motel, Clock clock) {
        Instant freeUntil = motel.cancellationPolicy().freeUntil(motel.checkInAt(booking.checkIn()));
        // The booking's own price: what a late cancellation keeps is its first night as paid, the rule StayQuote holds.
        StayQuote price = new StayQuote(booking.nightlyRates(), booking.subtotal(), booking.discount(), booking.total(), 1);
        boolean cancellable = booking.status() == BookingStatus.PENDING_PAYMENT || booking.status() == BookingStatus.CONFIRMED;
        String policy = cancellable ? OfferView.policy(new CancellationTerms(motel.cancellationPolicy().freeUntilHoursBeforeCheckIn(),
                ZonedDateTime.ofInstant(freeUntil, motel.timeZone()), clock.instant().isBefore(freeUntil)), price.firstNightPaid()) : null;
        return new StayView(booking.id().toString(), booking.reference(), status(booking.status()), roomType,
                SiteFormat.longDate(booking.checkIn()), SiteFormat.longDate(booking.checkOut()),
                "from " + SiteFormat.time(motel.checkInTime()), "by " + SiteFormat.time(motel.checkOutTime()),
                SiteFormat.nights(booking.nights()), SiteFormat.guests(booking.guests()),
                (booking.guest().firstName() + " " + booking.guest().lastName()).strip(),
                booking.guest().email().map(Object::toString).orElse(null),
                booking.nightlyRates().stream().map(night -> new OfferView.Night(SiteFormat.date(night.night()), SiteFormat.money(night.rate())))
                        .toList(),
                SiteFormat.money(booking.subtotal()), booking.discount().isZero() ? null : "−" + SiteFormat.money(booking.discount()),
                booking.promotionCode().orElse(null), SiteFormat.money(booking.total()),
                booking.refunded().isZero() ? null : SiteFormat.money(booking.refunded()), policy, booking.account().isPresent());
    }
}
