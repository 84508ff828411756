package com.westbethel.motel.adapters.web.site.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.domain.shared.Money;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class StaffFormatTest {

    @Test
    void a_ratio_is_written_as_a_percentage_to_one_decimal_half_even() {
        assertThat(StaffFormat.percent(new BigDecimal("0.0125"))).isEqualTo("1.2%");
        assertThat(StaffFormat.percent(new BigDecimal("0.1067"))).isEqualTo("10.7%");
        assertThat(StaffFormat.percent(new BigDecimal("1.0000"))).isEqualTo("100.0%");
    }

    @Test
    void money_is_written_with_its_symbol_and_thousands() {
        assertThat(StaffFormat.money(Money.of("1234.5", "USD"))).isEqualTo("$1,234.50");
    }
}
