package com.westbethel.motel.domain.booking;

import com.westbethel.motel.domain.shared.Money;
import java.time.LocalDate;

/** What one night of a stay costs, before any promotion. */
public record NightlyRate(LocalDate night, Money rate) {
}
