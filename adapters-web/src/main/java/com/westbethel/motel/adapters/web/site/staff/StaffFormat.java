package com.westbethel.motel.adapters.web.site.staff;

import com.westbethel.motel.domain.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

/** How the console writes money ("$1,234.50", as the website does) and ratios. */
final class StaffFormat {

    private StaffFormat() {
    }

    static String money(Money money) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
        format.setCurrency(money.currency());
        return format.format(money.amount());
    }

    /** A ratio as a percentage to one decimal, half-even: 0.1067 is "10.7%". */
    static String percent(BigDecimal ratio) {
        return ratio.movePointRight(2).setScale(1, RoundingMode.HALF_EVEN).toPlainString() + "%";
    }
}
