package com.westbethel.motel.application.notification.port.out;

import com.westbethel.motel.domain.notification.EmailStatus;
import java.time.Instant;
import java.util.List;

/** Counts over the email outbox, read in one consistent look. */
public interface EmailQueueStatistics {

    /** One group per status that has unsent emails; sent emails are history and are not counted. */
    List<StatusGroup> unsentEmailsByStatus();

    record StatusGroup(EmailStatus status, long count, Instant oldestQueuedAt) {
    }
}
