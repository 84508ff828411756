package com.westbethel.motel.application.notification.port.out;

import com.westbethel.motel.domain.notification.EmailStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The outbox read back, for the front desk: which emails were queued about a booking and how their sending went. Never their
 * content: a model may hold a one-time link (a booking's manage link), which only the guest is to see.
 */
public interface EmailHistory {

    /** The emails queued about the booking with this reference, newest first, at most {@code limit}. */
    List<EmailRecord> aboutBooking(String reference, int limit);

    /**
     * @param recipient whom it goes to: the guest, or the motel's own copy
     * @param sentAt when it was sent; empty until it is
     */
    record EmailRecord(UUID id, String template, String recipient, EmailStatus status, int attempts, Instant queuedAt, Optional<Instant> sentAt) {

        public EmailRecord {
            Objects.requireNonNull(template, "template");
            Objects.requireNonNull(recipient, "recipient");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(queuedAt, "queuedAt");
            Objects.requireNonNull(sentAt, "sentAt");
        }
    }
}
