package com.westbethel.motel.domain.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.westbethel.motel.domain.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class OccupancyFiguresTest {

    @Test
    void each_figure_is_rounded_half_even_once_from_the_exact_sums() {
        OccupancyFigures month = figures(75, 8, "878.00");

        assertThat(month.occupancy()).contains(new BigDecimal("0.1067"));
        assertThat(month.adr()).contains(usd("109.75"));
        assertThat(month.revpar()).contains(usd("11.71"));
        // 0.125 of a cent rounds to the even cent: 1.00 / 8 = 0.125 -> 0.12; 3.00 / 8 = 0.375 -> 0.38.
        assertThat(figures(8, 8, "1.00").adr()).contains(usd("0.12"));
        assertThat(figures(8, 8, "3.00").adr()).contains(usd("0.38"));
        // 1 / 8 = 0.125 exactly at 4 decimals; 1 / 3 = 0.3333; 2 / 3 = 0.6667.
        assertThat(figures(3, 1, "0.00").occupancy()).contains(new BigDecimal("0.3333"));
        assertThat(figures(3, 2, "0.00").occupancy()).contains(new BigDecimal("0.6667"));
    }

    @Test
    void nothing_to_divide_by_gives_no_figure_rather_than_zero() {
        OccupancyFigures closed = figures(0, 0, "0.00");

        assertThat(closed.occupancy()).isEmpty();
        assertThat(closed.adr()).isEmpty();
        assertThat(closed.revpar()).isEmpty();
        assertThat(figures(5, 0, "0.00").adr()).isEmpty();
        assertThat(figures(5, 0, "0.00").occupancy()).contains(new BigDecimal("0.0000"));
    }

    @Test
    void a_period_is_one_to_366_nights_both_ends_included() {
        assertThat(new ReportPeriod(LocalDate.of(2030, 2, 1), LocalDate.of(2030, 2, 28)).nights()).isEqualTo(28);
        assertThat(new ReportPeriod(LocalDate.of(2028, 1, 1), LocalDate.of(2028, 12, 31)).nights()).as("a leap year").isEqualTo(366);
        assertThatThrownBy(() -> new ReportPeriod(LocalDate.of(2028, 1, 1), LocalDate.of(2029, 1, 1))).hasMessageContaining("366");
        assertThatThrownBy(() -> new ReportPeriod(LocalDate.of(2030, 2, 2), LocalDate.of(2030, 2, 1))).hasMessageContaining("before");
    }

    @Test
    void a_period_is_in_years_of_four_digits() {
        LocalDate farAhead = LocalDate.of(999_999_999, 1, 1);
        assertThatThrownBy(() -> new ReportPeriod(farAhead, farAhead.plusDays(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A report's nights are in the years 1000 to 9999.");
        assertThatThrownBy(() -> new ReportPeriod(LocalDate.of(999, 12, 31), LocalDate.of(1000, 1, 2))).hasMessageContaining("1000 to 9999");
        assertThat(new ReportPeriod(LocalDate.of(9999, 12, 1), LocalDate.of(9999, 12, 31)).nights()).isEqualTo(31);
    }

    private static OccupancyFigures figures(long available, long sold, String revenue) {
        return new OccupancyFigures(available, sold, 0, usd(revenue), usd("0.00"));
    }

    private static Money usd(String amount) {
        return Money.of(amount, "USD");
    }
}
