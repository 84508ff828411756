package com.westbethel.motel.application.notification.service;

import com.westbethel.motel.application.audit.port.out.AuditLog;
import com.westbethel.motel.application.notification.port.in.AdministerEmailQueueUseCase;
import com.westbethel.motel.application.notification.port.out.EmailQueueMaintenance.DeadEmail;
import com.westbethel.motel.application.notification.port.out.EmailQueueMaintenance;
import com.westbethel.motel.domain.audit.AuditEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** See {@link AdministerEmailQueueUseCase}. */
public record AdministerEmailQueueService(EmailQueueMaintenance queue, AuditLog auditLog, Clock clock) implements AdministerEmailQueueUseCase {

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
    public RetryResult retry(UUID id, String actor) {
        Optional<String> status = queue.status(id);
        if (status.isEmpty()) {
            return RetryResult.NOT_FOUND;
        }
        if (!status.get().equals("DEAD")) {
            return RetryResult.NOT_DEAD;
        }
        Instant now = clock.instant();
        if (queue.requeueDead(Optional.of(id), SCRUBBED, now) != 1) {
            return RetryResult.LINK_SCRUBBED;
        }
        auditLog.append(new AuditEntry(now, actor, "EMAIL_REQUEUED", "email", id.toString(), Map.of("status", "DEAD"),
                Map.of("status", "RETRYING", "attempts", "0")));
        return RetryResult.QUEUED;
    }

    @Override
    public int retryAllDead(String actor) {
        Instant now = clock.instant();
        int queued = queue.requeueDead(Optional.empty(), SCRUBBED, now);
        if (queued > 0) {
            auditLog.append(new AuditEntry(now, actor, "EMAILS_REQUEUED", "email", "all-dead", Map.of("status", "DEAD"),
                    Map.of("status", "RETRYING", "emails", String.valueOf(queued))));
        }
        return queued;
    }

    @Override
    public long sentWithin(Duration window) {
        if (window.isNegative()) {
            throw new IllegalArgumentException("The window must not be negative.");
        }
        return queue.sentSince(clock.instant().minus(window));
    }

    @Override
    public int purgeSent(Duration olderThan) {
        if (olderThan.isNegative()) {
            throw new IllegalArgumentException("The age must not be negative.");
        }
        return queue.deleteSentBefore(clock.instant().minus(olderThan));
    }
}
