package com.westbethel.motel.adapters.web.site;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.springframework.validation.Errors;

/** A date field of a page's form, read as typed: the date, or the field's message in the form's errors. */
public final class FormDates {

    private FormDates() {
    }

    /**
     * @param field the form property, where the message goes
     * @param name the date's name in the message ("check-in")
     */
    public static Optional<LocalDate> date(String typed, String field, String name, Errors errors) {
        if (typed.isEmpty()) {
            errors.rejectValue(field, "required", "Enter a %s date.".formatted(name));
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(typed));
        } catch (DateTimeParseException notADate) {
            errors.rejectValue(field, "format", "Enter the %s date as year-month-day, like 2027-07-01.".formatted(name));
            return Optional.empty();
        }
    }
}
