package com.westbethel.motel.application.booking.service;

import static com.westbethel.motel.application.booking.port.in.ViewFrontDeskUseCase.MAX_YEARS_AWAY;

import java.time.LocalDate;

/**
 * How far from today the front desk's screens reach, the day's lists and the tape chart alike: stays, not history or distant
 * plans ({@link com.westbethel.motel.application.booking.port.in.ViewFrontDeskUseCase#MAX_YEARS_AWAY} years either way). A
 * day beyond it is refused as invalid rather than looked up, so a year such as +999999999 typed into the address is a 400.
 */
final class DeskReach {

    static final String BEYOND = "The day must be within %d years of today.".formatted(MAX_YEARS_AWAY);

    private DeskReach() {
    }

    static boolean reaches(LocalDate today, LocalDate day) {
        return !day.isBefore(today.minusYears(MAX_YEARS_AWAY)) && !day.isAfter(today.plusYears(MAX_YEARS_AWAY));
    }
}
