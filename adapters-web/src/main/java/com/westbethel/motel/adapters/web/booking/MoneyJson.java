package com.westbethel.motel.adapters.web.booking;

import com.westbethel.motel.domain.shared.Money;

/** Money as the API contract writes it: the amount as a decimal string, so no client rounds it through a float. */
record MoneyJson(String amount, String currency) {

    static MoneyJson of(Money money) {
        return new MoneyJson(money.amount().toPlainString(), money.currency().getCurrencyCode());
    }
}
