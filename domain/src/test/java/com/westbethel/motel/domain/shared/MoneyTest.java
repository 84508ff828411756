package com.westbethel.motel.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void amounts_are_kept_at_the_minor_unit_so_equal_amounts_are_equal() {
        assertThat(Money.of("10", "USD")).isEqualTo(Money.of("10.00", "USD"));
        assertThat(Money.of("10", "USD").amount().toPlainString()).isEqualTo("10.00");
    }

    @Test
    void an_amount_finer_than_the_minor_unit_is_refused_rather_than_rounded_silently() {
        assertThatThrownBy(() -> Money.of("10.005", "USD"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("USD amounts have at most 2 decimal places");
    }

    @Test
    void an_amount_written_with_a_huge_exponent_is_refused_at_once_without_building_it_or_printing_it() {
        assertThatThrownBy(() -> Money.of("1e-999999999", "USD"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("USD amounts have at most 2 decimal places.");
        assertThatThrownBy(() -> Money.of("1e999999999", "USD"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Amounts have at most 15 digits before the decimal point.");
        assertThat(Money.of("1.5000000", "USD")).as("trailing zeros are no finer than cents").isEqualTo(Money.of("1.50", "USD"));
        assertThat(Money.of("0e-999999999", "USD")).isEqualTo(Money.of("0", "USD"));
        assertThat(Money.of("999999999999999.99", "USD").amount().precision()).isEqualTo(17);
    }

    @Test
    void adding_and_subtracting_is_exact() {
        Money total = Money.of("0.10", "USD").plus(Money.of("0.20", "USD"));

        assertThat(total).isEqualTo(Money.of("0.30", "USD"));
        assertThat(total.minus(Money.of("0.30", "USD")).isZero()).isTrue();
        assertThat(Money.of("1", "USD").minus(Money.of("2", "USD")).isNegative()).isTrue();
    }

    @Test
    void currencies_never_mix() {
        assertThatThrownBy(() -> Money.of("1", "USD").plus(Money.of("1", "EUR")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot combine EUR with USD");
    }

    @Test
    void a_percentage_rounds_half_even_to_the_cent() {
        assertThat(Money.of("0.25", "USD").percent(new BigDecimal("50"))).isEqualTo(Money.of("0.12", "USD"));
        assertThat(Money.of("0.35", "USD").percent(new BigDecimal("50"))).isEqualTo(Money.of("0.18", "USD"));
        assertThat(Money.of("129.00", "USD").percent(new BigDecimal("15"))).isEqualTo(Money.of("19.35", "USD"));
    }

    @Test
    void multiplying_by_a_count_of_nights() {
        assertThat(Money.of("89.50", "USD").times(3)).isEqualTo(Money.of("268.50", "USD"));
    }

    @Test
    void currencies_without_minor_units_keep_whole_amounts() {
        assertThat(Money.of("1500", "JPY").amount().toPlainString()).isEqualTo("1500");
        assertThatThrownBy(() -> Money.of("1500.5", "JPY")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void money_orders_by_amount_within_a_currency() {
        assertThat(Money.of("5", "USD")).isLessThan(Money.of("5.01", "USD"));
    }
}
