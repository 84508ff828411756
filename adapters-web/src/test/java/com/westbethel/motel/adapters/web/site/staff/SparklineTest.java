package com.westbethel.motel.adapters.web.site.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SparklineTest {

    private static Optional<BigDecimal> value(String value) {
        return Optional.of(new BigDecimal(value));
    }

    @Test
    void the_highest_value_reaches_the_top_and_zero_the_bottom_across_the_whole_width() {
        // given three minutes: nothing, the peak, half of it
        List<Optional<BigDecimal>> values = List.of(value("0"), value("10.00"), value("5.00"));

        // when
        Sparkline chart = Sparkline.of("Requests per second", values, BigDecimal::toPlainString);

        // then: x runs 0, 120, 240 over the 240 wide box; y from 57 (0) to 3 (the peak), 30 half way between
        assertThat(chart.lines()).containsExactly("0.0,57.0 120.0,3.0 240.0,30.0");
        assertThat(chart.summary()).isEqualTo("Requests per second, last 3 minutes: lowest 0, highest 10.00, latest 5.00.");
    }

    @Test
    void a_minute_without_a_value_breaks_the_line_and_a_lone_minute_is_a_short_stroke() {
        // given: a run of two minutes, a gap, one minute alone
        List<Optional<BigDecimal>> values = List.of(value("4"), value("2"), Optional.empty(), value("4"));

        // when
        Sparkline chart = Sparkline.of("Average response time", values, v -> v + " ms");

        // then
        assertThat(chart.lines()).containsExactly("0.0,3.0 80.0,30.0", "239.0,3.0 240.0,3.0");
        assertThat(chart.summary()).isEqualTo("Average response time, last 4 minutes: lowest 2 ms, highest 4 ms, latest 4 ms.");
    }

    @Test
    void an_hour_of_zeros_is_a_flat_line_along_the_bottom() {
        // when
        Sparkline chart = Sparkline.of("Bookings per minute", Collections.nCopies(60, value("0")), BigDecimal::toPlainString);

        // then
        assertThat(chart.lines()).singleElement().satisfies(points -> {
            assertThat(points.split(" ")).hasSize(60).allSatisfy(point -> assertThat(point).endsWith(",57.0"));
            assertThat(points).startsWith("0.0,57.0 4.1,57.0").endsWith(" 240.0,57.0");
        });
        assertThat(chart.summary()).isEqualTo("Bookings per minute, last 60 minutes: lowest 0, highest 0, latest 0.");
    }

    @Test
    void an_empty_series_draws_no_line_and_says_so() {
        // when
        Sparkline chart = Sparkline.of("Error rate", Collections.nCopies(60, Optional.empty()), BigDecimal::toPlainString);

        // then
        assertThat(chart.lines()).isEmpty();
        assertThat(chart.summary()).isEqualTo("Error rate, last 60 minutes: no figures yet.");
    }
}
