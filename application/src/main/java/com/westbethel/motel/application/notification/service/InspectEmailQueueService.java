package com.westbethel.motel.application.notification.service;

import com.westbethel.motel.application.notification.port.in.EmailQueueReport;
import com.westbethel.motel.application.notification.port.in.InspectEmailQueueUseCase;
import com.westbethel.motel.application.notification.port.out.EmailQueueStatistics;
import com.westbethel.motel.application.notification.port.out.EmailQueueStatistics.StatusGroup;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

public record InspectEmailQueueService(EmailQueueStatistics statistics, Clock clock) implements InspectEmailQueueUseCase {

    @Override
    public EmailQueueReport inspectEmailQueue() {
        List<StatusGroup> groups = statistics.unsentEmailsByStatus();
        List<StatusGroup> awaiting = groups.stream().filter(group -> group.status().isAwaitingDelivery()).toList();
        Instant now = clock.instant();
        // A database clock slightly ahead of ours must not yield a negative wait.
        Duration oldestWait = awaiting.stream()
                .map(StatusGroup::oldestQueuedAt)
                .min(Comparator.naturalOrder())
                .map(oldest -> Duration.between(oldest, now))
                .filter(wait -> !wait.isNegative())
                .orElse(Duration.ZERO);
        return new EmailQueueReport(
                groups.stream().collect(Collectors.toMap(StatusGroup::status, StatusGroup::count)),
                awaiting.stream().mapToLong(StatusGroup::count).sum(),
                oldestWait);
    }
}
