package com.westbethel.motel.bootstrap.worker;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code motel.worker.email-*}: how the worker drains the outbox.
 *
 * @param emailBatchSize emails claimed at once
 * @param emailLease how long a claim lasts before another worker may take the email over (a worker killed mid-send)
 * @param emailTemplateRefresh how often administrators' template edits are read again
 * @param emailMaxAttempts sends before an email is DEAD and waits for {@code motel-admin mail retry}
 * @param emailFirstRetry the wait after the first failed send, doubling each time
 * @param emailLongestRetry the longest wait between two sends
 * @param emailDeliveryMaxRun how long one turn of the job goes on claiming batch after batch while a backlog lasts; the next
 *     turn, an interval later, goes on with it. Bounded so that a long backlog neither keeps one of the scheduler's two
 *     threads from the other jobs nor makes the job look stale to its health check and alert, which count finished turns.
 */
@ConfigurationProperties("motel.worker")
record EmailDeliveryProperties(
        @DefaultValue("50") int emailBatchSize,
        @DefaultValue("2m") Duration emailLease,
        @DefaultValue("30s") Duration emailTemplateRefresh,
        @DefaultValue("8") int emailMaxAttempts,
        @DefaultValue("30s") Duration emailFirstRetry,
        @DefaultValue("1h") Duration emailLongestRetry,
        @DefaultValue("30s") Duration emailDeliveryMaxRun) {
}
