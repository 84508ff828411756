package com.westbethel.motel.application.notification.port.out;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The outbox's maintenance: dead emails, sending them again, deleting sent history. */
public interface EmailQueueMaintenance {

    List<DeadEmail> dead(int limit);

    /** @return the email's status, empty when there is none */
    Optional<String> status(UUID id);

    /** Queues dead emails again, with a fresh count of attempts, unless their template is one of {@code except}. */
    int requeueDead(Optional<UUID> only, Collection<String> except, Instant now);

    int deleteSentBefore(Instant before);

    /** How many emails were sent at or after the instant. */
    long sentSince(Instant since);

    record DeadEmail(UUID id, String template, String recipient, int attempts, String lastError, Instant createdAt) {
    }
}
