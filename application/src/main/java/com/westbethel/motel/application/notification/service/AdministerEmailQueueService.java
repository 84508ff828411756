package com.westbethel.motel.application.notification.service;

import com.westbethel.motel.application.notification.port.in.AdministerEmailQueueUseCase;
import com.westbethel.motel.application.notification.port.out.EmailQueueMaintenance.DeadEmail;
import com.westbethel.motel.application.notification.port.out.EmailQueueMaintenance;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** See {@link AdministerEmailQueueUseCase}. */
public record AdministerEmailQueueService(EmailQueueMaintenance queue, Clock clock) implements AdministerEmailQueueUseCase {

    /**
     * Their links are scrubbed when they die (docs/architecture.md §5): sending them again would send a dead or empty link.
     * Booking mail is retried: its manage link is scrubbed too, and its templates then leave the link out.
     */
    private static final Set<String> SCRUBBED = Set.of("email-verification", "password-reset", "password-changed");

    @Override
    public List<DeadEmail> dead(int limit) {
        return queue.dead(limit);
    }

    @Override
    public RetryResult retry(UUID id) {
        Optional<String> status = queue.status(id);
        if (status.isEmpty()) {
            return RetryResult.NOT_FOUND;
        }
        if (!status.get().equals("DEAD")) {
            return RetryResult.NOT_DEAD;
        }
        return queue.requeueDead(Optional.of(id), SCRUBBED, clock.instant()) == 1 ? RetryResult.QUEUED : RetryResult.LINK_SCRUBBED;
    }

    @Override
    public int retryAllDead() {
        return queue.requeueDead(Optional.empty(), SCRUBBED, clock.instant());
    }

    @Override
    public int purgeSent(Duration olderThan) {
        if (olderThan.isNegative()) {
            throw new IllegalArgumentException("The age must not be negative.");
        }
        return queue.deleteSentBefore(clock.instant().minus(olderThan));
    }
}
