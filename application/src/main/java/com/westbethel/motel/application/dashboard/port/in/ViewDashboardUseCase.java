package com.westbethel.motel.application.dashboard.port.in;

import com.westbethel.motel.domain.dashboard.ProcessFigures;
import com.westbethel.motel.domain.shared.Money;
import java.time.Instant;
import java.util.List;

/** Staff and admins watch the motel live: the whole system's figures, whichever replica answers. */
public interface ViewDashboardUseCase {

    Dashboard dashboard();

    /**
     * Business figures from the database (bookings made in the last hour, today's takings, sessions) and process figures
     * from every replica's samples; {@code bookingsPerMinute} has one count per minute of {@code process.series()}.
     */
    record Dashboard(Instant at, long activeUsers, long activeSessions, long recentBookings, Money revenueToday, ProcessFigures process,
            List<Long> bookingsPerMinute) {

        public Dashboard {
            bookingsPerMinute = List.copyOf(bookingsPerMinute);
        }
    }
}
