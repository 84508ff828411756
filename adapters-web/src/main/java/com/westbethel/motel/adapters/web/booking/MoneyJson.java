package com.westbethel.motel.adapters.web.booking;

import com.westbethel.motel.domain.shared.Money;
import io.swagger.v3.oas.annotations.media.Schema;

/** Money as the API contract writes it: the amount as a decimal string, so no client rounds it through a float. */
public record MoneyJson(@Schema(example = "258.00") String amount, @Schema(example = "USD") String currency) {

    public static MoneyJson of(Money money) {
        return new MoneyJson(money.amount().toPlainString(), money.currency().getCurrencyCode());
    }
}
