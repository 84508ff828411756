package com.westbethel.motel.application.dashboard.port.out;

import com.westbethel.motel.domain.shared.Money;
import java.time.Instant;
import java.util.Currency;
import java.util.Map;

/** The business figures of the dashboard, from the system of record (correct whatever the number of replicas). */
public interface BusinessPulse {

    /** Bookings created at or after {@code since}, counted by the minute they were created in (the minute's first instant). */
    Map<Instant, Long> bookingsPerMinuteSince(Instant since);

    /** Successful payments completed in [from, until) less the refunds given in it: takings, a cash view. */
    Money takings(Instant from, Instant until, Currency currency);

    /** Account sessions not ended and seen at or after {@code seenSince}, and the distinct users holding them. */
    Sessions activeSessions(Instant seenSince);

    record Sessions(long sessions, long users) {
    }
}
