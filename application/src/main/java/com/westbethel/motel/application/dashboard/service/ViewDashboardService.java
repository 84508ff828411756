package com.westbethel.motel.application.dashboard.service;

import com.westbethel.motel.application.booking.port.out.Inventory;
import com.westbethel.motel.application.dashboard.port.in.ViewDashboardUseCase;
import com.westbethel.motel.application.dashboard.port.out.BusinessPulse;
import com.westbethel.motel.application.dashboard.port.out.MetricSamples;
import com.westbethel.motel.domain.dashboard.ProcessFigures;
import com.westbethel.motel.domain.inventory.Property;
import com.westbethel.motel.domain.shared.Money;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dashboard: business figures from the database, process figures from the samples of every replica (see
 * {@link ProcessFigures} for how they combine). "Today" is the motel's day, in its time zone.
 */
public record ViewDashboardService(MetricSamples samples, BusinessPulse pulse, Inventory inventory, Clock clock) implements ViewDashboardUseCase {

    /** A session seen within this long counts as active: the access token's lifetime, at most, after its last refresh. */
    static final Duration ACTIVE_WITHIN = Duration.ofMinutes(30);
    /** "Recent" bookings: those made in the last hour. */
    static final Duration RECENT = Duration.ofHours(1);

    @Override
    public Dashboard dashboard() {
        Instant now = clock.instant();
        ProcessFigures process = ProcessFigures.of(samples.since(now.minus(Duration.ofMinutes(ProcessFigures.SERIES_MINUTES + 1))), now);
        Optional<Property> property = inventory.defaultProperty();
        ZoneId zone = property.map(Property::timeZone).orElse(clock.getZone());
        Currency currency = property.map(Property::currency).orElse(Currency.getInstance("USD"));
        LocalDate today = LocalDate.ofInstant(now, zone);
        Money takings = pulse.takings(today.atStartOfDay(zone).toInstant(), today.plusDays(1).atStartOfDay(zone).toInstant(), currency);

        Instant firstMinute = process.series().get(0).minute();
        Map<Instant, Long> perMinute = pulse.bookingsPerMinuteSince(firstMinute);
        List<Long> bookingsPerMinute = new ArrayList<>();
        process.series().forEach(minute -> bookingsPerMinute.add(perMinute.getOrDefault(minute.minute(), 0L)));
        long recent = pulse.bookingsPerMinuteSince(now.minus(RECENT)).values().stream().mapToLong(Long::longValue).sum();
        BusinessPulse.Sessions sessions = pulse.activeSessions(now.minus(ACTIVE_WITHIN));
        return new Dashboard(now, sessions.users(), sessions.sessions(), recent, takings, process, bookingsPerMinute);
    }
}
