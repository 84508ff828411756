package com.westbethel.motel.adapters.web.site.booking;

import com.westbethel.motel.adapters.web.site.FormDates;
import com.westbethel.motel.adapters.web.site.FormFields;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.springframework.validation.Errors;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The search form as the guest filled it in, every field as typed (so a refused form shows it back unchanged), and
 * the month the calendar shows. It travels in the query string: the search works without JavaScript and can be
 * bookmarked or shared.
 */
final class SearchForm {

    static final int MAX_GUESTS = FormFields.MAX_GUESTS;
    static final int MAX_CODE_LENGTH = 32;
    static final String DEFAULT_GUESTS = "2";

    private String checkIn = "";
    private String checkOut = "";
    private String guests = DEFAULT_GUESTS;
    private String promoCode = "";
    private String month = "";
    private boolean asksForStay;

    public String getCheckIn() {
        return checkIn;
    }

    /** Set only when the query string has the field, even empty: the form was submitted (or a calendar night followed). */
    public void setCheckIn(String checkIn) {
        this.checkIn = strip(checkIn);
        this.asksForStay = true;
    }

    public String getCheckOut() {
        return checkOut;
    }

    public void setCheckOut(String checkOut) {
        this.checkOut = strip(checkOut);
        this.asksForStay = true;
    }

    public String getGuests() {
        return guests;
    }

    public void setGuests(String guests) {
        this.guests = strip(guests);
    }

    public String getPromoCode() {
        return promoCode;
    }

    public void setPromoCode(String promoCode) {
        this.promoCode = strip(promoCode);
    }

    public String getMonth() {
        return month;
    }

    public void setMonth(String month) {
        this.month = strip(month);
    }

    /** Whether the guest asked for a stay, rather than just arriving at the page. */
    boolean asksForStay() {
        return asksForStay;
    }

    /** The stay asked for, or the fields at fault in {@code errors}: real dates, a party of 1 to 20, a code of at most 32 characters. */
    Optional<Query> query(Errors errors) {
        Optional<LocalDate> in = FormDates.date(checkIn, "checkIn", "check-in", errors);
        Optional<LocalDate> out = FormDates.date(checkOut, "checkOut", "check-out", errors);
        Optional<Integer> party = FormFields.party(guestsOrDefault(), "guests", errors);
        if (promoCode.length() > MAX_CODE_LENGTH) {
            errors.rejectValue("promoCode", "length", "A promotion code is at most %d characters.".formatted(MAX_CODE_LENGTH));
        }
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new Query(in.orElseThrow(), out.orElseThrow(), party.orElseThrow(),
                promoCode.isEmpty() ? Optional.empty() : Optional.of(promoCode)));
    }

    /** The number of guests typed, or the default when the field is empty or wrong, so the calendar still shows something. */
    int partyOrDefault() {
        return FormFields.party(guestsOrDefault()).orElse(Integer.parseInt(DEFAULT_GUESTS));
    }

    /** The month asked for; empty when none was or when it is not a month. */
    Optional<YearMonth> calendarMonth() {
        try {
            return month.isEmpty() ? Optional.empty() : Optional.of(YearMonth.parse(month));
        } catch (DateTimeParseException notAMonth) {
            return Optional.empty();
        }
    }

    /** This search's address, for links that keep what the guest typed (the calendar's nights and months). */
    UriComponentsBuilder link() {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/");
        put(link, "checkIn", checkIn);
        put(link, "checkOut", checkOut);
        put(link, "guests", guests);
        put(link, "promoCode", promoCode);
        return link;
    }

    private static void put(UriComponentsBuilder link, String name, String value) {
        if (!value.isEmpty()) {
            link.replaceQueryParam(name, value);
        }
    }

    private String guestsOrDefault() {
        return guests.isEmpty() ? DEFAULT_GUESTS : guests;
    }

    private static String strip(String value) {
        return FormFields.strip(value);
    }

    /** A well-formed request for a stay; whether the motel accepts it is the search's to say. */
    record Query(LocalDate checkIn, LocalDate checkOut, int guests, Optional<String> promoCode) {
    }
}
