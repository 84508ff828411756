package com.westbethel.motel.application.booking.service;

import com.westbethel.motel.application.audit.port.out.AuditLog;
import com.westbethel.motel.application.booking.port.in.Actor;
import com.westbethel.motel.domain.audit.AuditEntry;
import com.westbethel.motel.domain.booking.Booking;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Writes each change of a booking or payment to the audit log, with the state before and after. */
final class BookingAudit {

    private final AuditLog log;

    BookingAudit(AuditLog log) {
        this.log = log;
    }

    static Map<String, String> snapshot(Booking booking) {
        return Map.of("status", booking.status().name(), "roomId", booking.room().toString(), "checkIn", booking.stay().checkIn().toString(),
                "checkOut", booking.stay().checkOut().toString(), "total", booking.price().total().toString(),
                "refunded", booking.refunded().toString(), "holdExpiresAt", booking.holdExpiresAt().toString(),
                "account", booking.account().map(Object::toString).orElse(""));
    }

    void booking(String actor, String action, Map<String, String> before, Booking after, Instant at) {
        booking(actor, action, before, after, Map.of(), at);
    }

    /** As {@link #booking(String, String, Map, Booking, Instant)}, with facts of the change beside the state after it (a waiver's reason). */
    void booking(String actor, String action, Map<String, String> before, Booking after, Map<String, String> facts, Instant at) {
        Map<String, String> state = new HashMap<>(snapshot(after));
        facts.forEach((key, value) -> {
            if (state.putIfAbsent(key, value) != null) {
                throw new IllegalArgumentException("a fact may not replace the booking's " + key);
            }
        });
        log.append(new AuditEntry(at, actor, action, "booking", after.id().toString(), before, state));
    }

    void payment(String actor, String action, String paymentId, Map<String, String> after, Instant at) {
        log.append(new AuditEntry(at, actor, action, "payment", paymentId, Map.of(), after));
    }

    static String actor(Actor actor) {
        return actor.auditName();
    }
}
