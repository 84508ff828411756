package com.westbethel.motel.adapters.web.site;

import java.util.Optional;
import org.springframework.validation.Errors;

/** Fields the site's forms share, read as typed: text without the spaces around it, and the number of guests. */
public final class FormFields {

    /** The largest party a form books or searches for. */
    public static final int MAX_GUESTS = 20;

    private FormFields() {
    }

    /** What was typed, without the spaces around it; a field not sent is empty. */
    public static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    /** The party typed, from 1 to {@value #MAX_GUESTS}; empty for anything else. */
    public static Optional<Integer> party(String typed) {
        try {
            int party = Integer.parseInt(typed);
            return party >= 1 && party <= MAX_GUESTS ? Optional.of(party) : Optional.empty();
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    /** As {@link #party(String)}, the field's message in the form's errors when it is not a party. */
    public static Optional<Integer> party(String typed, String field, Errors errors) {
        Optional<Integer> party = party(typed);
        if (party.isEmpty()) {
            errors.rejectValue(field, "range", "Enter the number of guests, from 1 to %d.".formatted(MAX_GUESTS));
        }
        return party;
    }
}
