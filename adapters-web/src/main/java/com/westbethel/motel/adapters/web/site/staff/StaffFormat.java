package com.westbethel.motel.adapters.web.site.staff;

import com.westbethel.motel.domain.shared.Money;
import java.text.NumberFormat;
import java.util.Locale;

/** How the console writes money: "$1,234.50", as the website does. */
final class StaffFormat {

    private StaffFormat() {
    }

    static String money(Money money) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
        format.setCurrency(money.currency());
        return format.format(money.amount());
    }
}
