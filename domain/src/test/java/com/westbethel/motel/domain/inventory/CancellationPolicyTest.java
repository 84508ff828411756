package com.westbethel.motel.domain.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.domain.shared.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class CancellationPolicyTest {

    private static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    private static final ZoneId MAINE = ZoneId.of("America/New_York");
    private static final ZonedDateTime CHECK_IN = LocalDate.of(2027, 6, 10).atTime(LocalTime.of(15, 0)).atZone(MAINE);
    private final CancellationPolicy fortyEightHours = new CancellationPolicy(48);

    @Test
    void cancelling_inside_the_free_window_refunds_everything() {
        assertThat(fortyEightHours.refund(usd("300.00"), usd("100.00"), CHECK_IN, CHECK_IN.minusHours(49).toInstant()))
                .isEqualTo(usd("300.00"));
    }

    @Test
    void cancelling_after_the_deadline_keeps_the_first_night() {
        assertThat(fortyEightHours.refund(usd("300.00"), usd("100.00"), CHECK_IN, CHECK_IN.minusHours(47).toInstant()))
                .isEqualTo(usd("200.00"));
    }

    @Test
    void the_deadline_is_measured_in_the_motels_time_zone_not_the_servers() {
        // 15:00 in Maine is 19:00 UTC in June: one minute before 48 h earlier is still free.
        assertThat(fortyEightHours.refund(usd("300.00"), usd("100.00"), CHECK_IN,
                Instant.parse("2027-06-08T18:59:00Z"))).isEqualTo(usd("300.00"));
        assertThat(fortyEightHours.refund(usd("300.00"), usd("100.00"), CHECK_IN,
                Instant.parse("2027-06-08T19:00:00Z"))).isEqualTo(usd("200.00"));
    }

    @Test
    void a_one_night_stay_cancelled_late_refunds_nothing() {
        assertThat(fortyEightHours.refund(usd("100.00"), usd("100.00"), CHECK_IN, CHECK_IN.minusHours(1).toInstant())).isEqualTo(usd("0.00"));
    }
}
