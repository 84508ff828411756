package com.westbethel.motel.application.booking.service;

import com.westbethel.motel.application.identity.port.out.Users;
import com.westbethel.motel.application.notification.port.out.EmailOutbox;
import com.westbethel.motel.application.notification.port.out.EmailOutbox.OutgoingEmail;
import com.westbethel.motel.domain.booking.Booking;
import com.westbethel.motel.domain.inventory.Property;
import com.westbethel.motel.domain.shared.Money;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The emails a booking's life sends, queued in the outbox with everything their templates need. */
final class BookingEmails {

    private final EmailOutbox outbox;
    private final Users users;

    BookingEmails(EmailOutbox outbox, Users users) {
        this.outbox = outbox;
        this.users = users;
    }

    void confirmed(Booking booking, Property property, String roomTypeName, long pointsEarned) {
        Map<String, String> model = stay(booking, property, roomTypeName);
        model.put("pointsEarned", String.valueOf(pointsEarned));
        send("booking-confirmation", booking, model);
    }

    void paymentFailed(Booking booking, Property property, String roomTypeName, String reason) {
        Map<String, String> model = stay(booking, property, roomTypeName);
        model.put("reason", reason);
        send("payment-failed", booking, model);
    }

    void cancelled(Booking booking, Property property, String roomTypeName) {
        Map<String, String> model = stay(booking, property, roomTypeName);
        model.put("refund", format(booking.refunded()));
        send("booking-cancelled", booking, model);
    }

    private Map<String, String> stay(Booking booking, Property property, String roomTypeName) {
        Map<String, String> model = new HashMap<>();
        model.put("reference", booking.reference());
        model.put("propertyName", property.name());
        model.put("roomType", roomTypeName);
        model.put("checkIn", booking.stay().checkIn().toString());
        model.put("checkOut", booking.stay().checkOut().toString());
        model.put("checkInTime", property.checkInTime().toString());
        model.put("checkOutTime", property.checkOutTime().toString());
        model.put("timeZone", property.timeZone().getId());
        model.put("nights", String.valueOf(booking.stay().nights()));
        model.put("guests", String.valueOf(booking.guests()));
        model.put("total", format(booking.price().total()));
        return model;
    }

    private void send(String template, Booking booking, Map<String, String> model) {
        users.findById(booking.guest()).ifPresent(guest -> {
            model.put("firstName", guest.firstName());
            model.put("email", guest.email().value());
            outbox.enqueue(new OutgoingEmail(template, guest.email(), Locale.ENGLISH, model));
        });
    }

    private static String format(Money money) {
        return money.amount().toPlainString() + " " + money.currency().getCurrencyCode();
    }
}
