package com.westbethel.motel.bootstrap.api.site;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

/** What the site's booking journeys do alike: a stay far enough ahead to be free, and paying on the card form. */
final class BookingSteps {

    /** The sandbox's test cards: the one that pays and the one that is declined. */
    static final String APPROVED_CARD = "4242 4242 4242 4242";
    static final String DECLINED_CARD = "4000 0000 0000 0002";

    private BookingSteps() {
    }

    /** A check-in {@code from} to {@code from + spread} days ahead, picked at random so that runs seldom meet on one night. */
    static LocalDate checkInAhead(int from, int spread) {
        return LocalDate.now().plusDays(from + ThreadLocalRandom.current().nextInt(spread));
    }

    /** An expiry date two years ahead, as the card form wants it: {@code "12/28"}. */
    static String expiry() {
        return "12/" + (LocalDate.now().getYear() % 100 + 2);
    }

    /** Fills the card form of the payment page with {@code card} (expiry, security code, the name) and presses its Pay button. */
    static void payWith(SiteBrowser browser, String card, String nameOnCard) {
        browser.fill("Card number", card).fill("Expiry date", expiry()).fill("Security code", "123").fill("Name on the card", nameOnCard);
        browser.press(browser.find("form.card-form button").getText());
    }
}
