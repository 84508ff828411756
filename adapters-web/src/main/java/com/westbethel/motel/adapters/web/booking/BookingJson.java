package com.westbethel.motel.adapters.web.booking;

import com.westbethel.motel.application.booking.port.in.BookingView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A booking in the API's shape (docs/architecture.md §6), with its night-by-night price. */
record BookingJson(UUID id, String reference, String status, UUID roomTypeId, String roomNumber, LocalDate checkIn, LocalDate checkOut,
        int nights, int guests, List<NightJson> nightlyRates, MoneyJson subtotal, MoneyJson discount, MoneyJson total, String promoCode,
        Instant holdExpiresAt, MoneyJson refunded) {

    record NightJson(LocalDate night, MoneyJson rate) {
    }

    static BookingJson of(BookingView view) {
        return new BookingJson(view.id(), view.reference(), view.status().name(), view.roomTypeId(), view.roomNumber(), view.checkIn(),
                view.checkOut(), view.nights(), view.guests(),
                view.nightlyRates().stream().map(night -> new NightJson(night.night(), MoneyJson.of(night.rate()))).toList(),
                MoneyJson.of(view.subtotal()), MoneyJson.of(view.discount()), MoneyJson.of(view.total()), view.promotionCode().orElse(null),
                view.holdExpiresAt(), MoneyJson.of(view.refunded()));
    }
}
