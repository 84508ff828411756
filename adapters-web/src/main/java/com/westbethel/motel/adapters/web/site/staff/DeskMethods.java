package com.westbethel.motel.adapters.web.site.staff;

import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PaymentMethod;
import java.util.Optional;

/** The two ways the desk is paid, as the console's forms send them ({@code CASH}, {@code CARD_PRESENT}) and as its notices say them. */
final class DeskMethods {

    static final String CHOOSE = "Choose how the guest paid: cash or card on the desk's terminal.";

    private DeskMethods() {
    }

    /** CASH or CARD_PRESENT, as chosen; empty when neither was. */
    static Optional<PaymentMethod> parse(String method) {
        return "CASH".equals(method) ? Optional.of(PaymentMethod.CASH)
                : "CARD_PRESENT".equals(method) ? Optional.of(PaymentMethod.CARD_PRESENT) : Optional.empty();
    }

    /** How a desk payment was taken, after its amount: "in cash", "by card on the desk's terminal". */
    static String taken(PaymentMethod method) {
        return method == PaymentMethod.CASH ? "in cash" : "by card on the desk's terminal";
    }
}
