package com.westbethel.motel.application.identity.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.identity.port.out.IdentityHousekeeping;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PurgeExpiredIdentityDataServiceTest {

    private static final Instant NOW = Instant.parse("2027-06-01T12:00:00Z");

    @Test
    void tokens_and_counters_go_a_day_after_they_stop_mattering_and_the_security_log_after_a_year() {
        List<String> asked = new ArrayList<>();
        IdentityHousekeeping housekeeping = new IdentityHousekeeping() {
            @Override
            public long deleteTokensExpiredBefore(Instant instant) {
                asked.add("tokens before " + instant);
                return 3;
            }

            @Override
            public long deleteLoginCountersIdleSince(Instant instant) {
                asked.add("counters idle since " + instant);
                return 2;
            }

            @Override
            public long deleteSecurityEventsBefore(Instant instant) {
                asked.add("events before " + instant);
                return 1;
            }
        };

        long removed = new PurgeExpiredIdentityDataService(housekeeping, Clock.fixed(NOW, ZoneOffset.UTC)).purgeExpired();

        assertThat(removed).isEqualTo(6);
        assertThat(asked).containsExactly("tokens before 2027-05-31T12:00:00Z", "counters idle since 2027-05-31T12:00:00Z",
                "events before 2026-06-01T12:00:00Z");
    }
}
