package com.westbethel.motel.domain.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.westbethel.motel.domain.booking.NightlyRate;
import com.westbethel.motel.domain.shared.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

class NightRevenueTest {

    private static final LocalDate FEB_5 = LocalDate.of(2030, 2, 5);

    @Test
    void a_percentage_discount_comes_off_each_night_in_proportion() {
        assertThat(rates(NightRevenue.net(nights("100.00", "100.00", "120.00"), usd("32.00")))).containsExactly("90.00", "90.00", "108.00");
    }

    @Test
    void a_fixed_discount_that_does_not_divide_evenly_is_shared_to_the_cent_and_adds_up_exactly() {
        // 10.00 over 320.00: 3.125, 3.125, 3.75 exactly; cumulative 3.125 -> 3.12, 6.25, 10.00 (half-even): 3.12, 3.13, 3.75.
        List<NightlyRate> net = NightRevenue.net(nights("100.00", "100.00", "120.00"), usd("10.00"));

        assertThat(rates(net)).containsExactly("96.88", "96.87", "116.25");
        assertThat(net).extracting(NightlyRate::night).containsExactly(FEB_5, FEB_5.plusDays(1), FEB_5.plusDays(2));
    }

    @Test
    void the_shares_always_add_up_to_the_discount_and_no_night_goes_below_zero() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int run = 0; run < 2_000; run++) {
            String[] rates = new String[1 + random.nextInt(14)];
            long subtotalCents = 0;
            for (int i = 0; i < rates.length; i++) {
                long cents = 1 + random.nextLong(40_000);
                subtotalCents += cents;
                rates[i] = cents / 100 + "." + String.format("%02d", cents % 100);
            }
            long discountCents = random.nextLong(subtotalCents + 1);
            Money discount = usd(discountCents / 100 + "." + String.format("%02d", discountCents % 100));

            List<NightlyRate> net = NightRevenue.net(nights(rates), discount);

            Money netTotal = net.stream().map(NightlyRate::rate).reduce(usd("0.00"), Money::plus);
            assertThat(netTotal.amount().movePointRight(2).longValueExact()).isEqualTo(subtotalCents - discountCents);
            assertThat(net).allSatisfy(night -> assertThat(night.rate().isNegative()).isFalse());
        }
    }

    @Test
    void no_discount_leaves_the_rates_and_a_discount_beyond_the_nights_is_refused() {
        assertThat(rates(NightRevenue.net(nights("80.00", "95.50"), usd("0.00")))).containsExactly("80.00", "95.50");
        assertThatThrownBy(() -> NightRevenue.net(nights("80.00"), usd("80.01"))).isInstanceOf(IllegalArgumentException.class);
    }

    static List<NightlyRate> nights(String... rates) {
        List<NightlyRate> nights = new ArrayList<>();
        for (int i = 0; i < rates.length; i++) {
            nights.add(new NightlyRate(FEB_5.plusDays(i), usd(rates[i])));
        }
        return nights;
    }

    private static List<String> rates(List<NightlyRate> nights) {
        return nights.stream().map(night -> night.rate().amount().toPlainString()).toList();
    }

    private static Money usd(String amount) {
        return Money.of(amount, "USD");
    }
}
