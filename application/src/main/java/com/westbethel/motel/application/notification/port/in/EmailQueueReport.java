package com.westbethel.motel.application.notification.port.in;

import com.westbethel.motel.domain.notification.EmailStatus;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How many unsent emails stand in each status (every status but {@link EmailStatus#SENT}, zero
 * included), how many still await delivery, and how long the oldest of those has waited
 * ({@link Duration#ZERO} when none waits).
 */
public record EmailQueueReport(Map<EmailStatus, Long> unsentByStatus, long awaitingDelivery, Duration oldestWait) {

    public EmailQueueReport {
        Objects.requireNonNull(oldestWait, "oldestWait");
        EnumMap<EmailStatus, Long> complete = new EnumMap<>(EmailStatus.class);
        for (EmailStatus status : EmailStatus.values()) {
            if (status != EmailStatus.SENT) {
                complete.put(status, unsentByStatus.getOrDefault(status, 0L));
            }
        }
        unsentByStatus = Map.copyOf(complete);
    }

    public long count(EmailStatus status) {
        return unsentByStatus.getOrDefault(status, 0L);
    }
}
