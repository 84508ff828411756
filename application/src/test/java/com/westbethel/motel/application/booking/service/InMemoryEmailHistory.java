package com.westbethel.motel.application.booking.service;

import com.westbethel.motel.application.notification.port.out.EmailHistory;
import com.westbethel.motel.domain.notification.EmailStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The outbox's history as a list: each email kept with the booking reference its model carried. */
final class InMemoryEmailHistory implements EmailHistory {

    private record Queued(String reference, EmailRecord email) {
    }

    private final List<Queued> queued = new ArrayList<>();

    EmailRecord queue(String reference, String template, EmailStatus status, Instant at) {
        EmailRecord email = new EmailRecord(UUID.randomUUID(), template, "guest@example.com", status,
                status == EmailStatus.SENT ? 1 : 0, at,
                status == EmailStatus.SENT ? Optional.of(at.plusSeconds(5)) : Optional.empty());
        queued.add(new Queued(reference, email));
        return email;
    }

    @Override
    public List<EmailRecord> aboutBooking(String reference, int limit) {
        return queued.stream().filter(email -> email.reference().equals(reference)).map(Queued::email)
                .sorted(Comparator.comparing(EmailRecord::queuedAt).reversed()).limit(limit).toList();
    }
}
