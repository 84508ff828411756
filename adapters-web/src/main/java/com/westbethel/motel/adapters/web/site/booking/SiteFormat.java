package com.westbethel.motel.adapters.web.site.booking;

import com.westbethel.motel.domain.shared.Money;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the booking pages write money, dates and times: in words a guest reads, never an ISO code. */
final class SiteFormat {

    private static final Locale SITE = Locale.US;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE d MMM yyyy", SITE);
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", SITE);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", SITE);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", SITE);
    private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("zzz", SITE);

    private SiteFormat() {
    }

    /** "$1,234.50". */
    static String money(Money money) {
        return currency(money).format(money.amount());
    }

    /** "$120" for a whole amount, else as {@link #money}: for the calendar's small cells. */
    static String shortMoney(Money money) {
        NumberFormat format = currency(money);
        if (money.amount().stripTrailingZeros().scale() <= 0) {
            format.setMinimumFractionDigits(0);
            format.setMaximumFractionDigits(0);
        }
        return format.format(money.amount());
    }

    private static NumberFormat currency(Money money) {
        NumberFormat format = NumberFormat.getCurrencyInstance(SITE);
        format.setCurrency(money.currency());
        return format;
    }

    /** "Thu 1 Jul 2027". */
    static String date(LocalDate date) {
        return DATE.format(date);
    }

    /** "Thursday 1 July 2027". */
    static String longDate(LocalDate date) {
        return LONG_DATE.format(date);
    }

    /** "July 2027". */
    static String month(YearMonth month) {
        return MONTH.format(month);
    }

    /** "3:00 PM EDT on Tue 29 Jun 2027", in the time zone the moment carries (the motel's). */
    static String moment(ZonedDateTime moment) {
        return TIME.format(moment) + " " + ZONE.format(moment) + " on " + date(moment.toLocalDate());
    }

    /** "3:00 PM", a time of day at the motel. */
    static String time(LocalTime time) {
        return TIME.format(time);
    }

    /** "2:05 PM EDT", a moment at the motel, today. */
    static String clockTime(ZonedDateTime moment) {
        return TIME.format(moment) + " " + ZONE.format(moment);
    }

    static String nights(int nights) {
        return nights == 1 ? "1 night" : nights + " nights";
    }

    static String guests(int guests) {
        return guests == 1 ? "1 guest" : guests + " guests";
    }
}
